/**
 * Ids derived from normalized natural keys, so that loading the same articles again (or on
 * another machine) gives the same ids, and links to `/people/<id>` keep working.
 */
import { createHash } from 'node:crypto';

const ID_HEX_LENGTH = 24;

export type EntityKind = 'article' | 'person' | 'organization' | 'office' | 'meeting';

export function stableId(kind: EntityKind, key: string): string {
  return createHash('sha256').update(`${kind}\u0000${key}`).digest('hex').slice(0, ID_HEX_LENGTH);
}

export function articleIdFor(source: string): string {
  return stableId('article', source.trim().normalize('NFC'));
}
