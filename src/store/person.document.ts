import type { EvidenceDocument } from './evidence.document';

export interface PersonDocument {
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
}
