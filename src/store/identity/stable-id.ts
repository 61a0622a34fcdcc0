/**
 * Ids derived from normalized natural keys, so that loading the same articles again (or on
 * another machine) gives the same ids, and links to `/people/<id>` keep working.
 */
import { createHash } from 'node:crypto';

const ID_HEX_LENGTH = 24;

/** Entities, named by natural keys, and the documents that belong to them (facts, aggregates, counted forms). */
export type IdKind =
  | 'article'
  | 'person'
  | 'organization'
  | 'office'
  | 'meeting'
  | 'fact'
  | 'office-holder'
  | 'affiliation'
  | 'encounter'
  | 'form';

/** The id of `kind` for a key made of `parts` (joined with a separator no part contains). */
export function stableId(kind: IdKind, ...parts: string[]): string {
  return createHash('sha256')
    .update([kind, ...parts].join('\u0000'))
    .digest('hex')
    .slice(0, ID_HEX_LENGTH);
}

export function articleIdFor(source: string): string {
  return stableId('article', source.trim().normalize('NFC'));
}
