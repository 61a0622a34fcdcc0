import type { EvidenceDocument } from './evidence.document';
import type { EvidenceSpan, TrackedFields } from './tracked-fields.document';

/** What one article says about an organization; the organization's other fields are derived from these. */
export interface OrganizationContribution {
  articleId: string;
  /** Position of the fact in the article's extraction record, for a stable order. */
  ordinal: number;
  name: string;
  aliases: string[];
  evidence: EvidenceSpan[];
}

export interface OrganizationDocument extends TrackedFields<OrganizationContribution> {
  _id: string;
  name: string;
  /** Acronyms and other forms. */
  aliases: string[];
  slug: string;
  articleIds: string[];
  evidence: EvidenceDocument[];
  /** Lower-cased, diacritic-free forms of the name and aliases, matched by anchored prefix in search. */
  searchKeys: string[];
  /** Normalized `name:`, `alias:` (and for people `surname:`) forms that later articles are matched against. */
  identityKeys: string[];
}
