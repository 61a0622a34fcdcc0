import type { EvidenceDocument } from './evidence.document';

export interface OrganizationDocument {
  _id: string;
  name: string;
  /** Acronyms and other forms. */
  aliases: string[];
  slug: string;
  articleIds: string[];
  evidence: EvidenceDocument[];
  /** Lower-cased, diacritic-free forms of the name and aliases, matched by anchored prefix in search. */
  searchKeys: string[];
}
