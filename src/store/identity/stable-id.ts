/**
 * Ids derived from normalized natural keys, so that loading the same articles again (or on
 * another machine) gives the same ids, and links to `/people/<id>` keep working.
 */
import { sha256Hex } from './content-hash';

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
  return sha256Hex([kind, ...parts].join('\u0000'), ID_HEX_LENGTH);
}

/** The kinds of fact an article version states, in the order of their place in a fact's id. */
const FACT_KINDS = ['person', 'organization', 'holding', 'affiliation', 'meeting'] as const;
export type FactKind = (typeof FACT_KINDS)[number];
const FACT_GROUP_HEX_LENGTH = 16;

/**
 * The ids of one article version's facts: they share its first 16 characters (from the article
 * and version), then name the kind and the fact's place. A store keeps ids in order, so an
 * article's facts sit together there and writing them touches one place, not one per fact.
 */
export function factIdsOf(articleId: string, version: string): (kind: FactKind, ordinal: number) => string {
  const group = stableId('fact', articleId, version).slice(0, FACT_GROUP_HEX_LENGTH);
  const placeLength = ID_HEX_LENGTH - FACT_GROUP_HEX_LENGTH - 1;
  return (kind, ordinal) => `${group}${FACT_KINDS.indexOf(kind)}${ordinal.toString(16).padStart(placeLength, '0')}`;
}

export function articleIdFor(source: string): string {
  return stableId('article', source.trim().normalize('NFC'));
}
