import type { EvidenceDocument } from './evidence.document';
import type { EvidenceSpan, TrackedFields } from './tracked-fields.document';

/** What one article says about a person; the person's other fields are derived from these. */
export interface PersonContribution {
  articleId: string;
  /** Position of the fact in the article's extraction record, for a stable order. */
  ordinal: number;
  name: string;
  aliases: string[];
  mentions: number;
  evidence: EvidenceSpan[];
}

export interface PersonDocument extends TrackedFields<PersonContribution> {
  /** Stable id derived from the normalized name key. */
  _id: string;
  name: string;
  aliases: string[];
  slug: string;
  articleIds: string[];
  mentionCount: number;
  evidence: EvidenceDocument[];
  /** Lower-cased, diacritic-free forms of the name and aliases, matched by anchored prefix in search. */
  searchKeys: string[];
  /** Normalized `name:`, `alias:` (and for people `surname:`) forms that later articles are matched against. */
  identityKeys: string[];
}
