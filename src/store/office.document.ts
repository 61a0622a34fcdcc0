import type { EvidenceDocument } from './evidence.document';
import type { EvidenceSpan, TrackedFields } from './tracked-fields.document';

/** One article showing one person in the office; the office's other fields are derived from these. */
export interface OfficeContribution {
  articleId: string;
  /** Position of the fact in the article's extraction record, for a stable order. */
  ordinal: number;
  personId: string;
  /** The title and jurisdiction as this article writes them. */
  title: string;
  jurisdiction: string | null;
  /** The article's date (or its latest meeting date): when it shows the person in office. */
  asOf: string | null;
  evidence: EvidenceSpan[];
}

/** One person holding an office, as the articles show it (Popolo: Membership of a Post). */
export interface MembershipDocument {
  personId: string;
  /** The latest date (ISO) at which the articles show the person in office, or null. */
  asOf: string | null;
  articleIds: string[];
  evidence: EvidenceDocument[];
}

/** An office (Popolo: Post), identified by its normalized title and jurisdiction. */
export interface OfficeDocument extends TrackedFields<OfficeContribution> {
  _id: string;
  /** Normalized `title|jurisdiction`, unique. */
  key: string;
  title: string;
  jurisdiction: string | null;
  holders: MembershipDocument[];
  /** Denormalized `holders.personId` for the index that finds a person's offices. */
  holderIds: string[];
  articleIds: string[];
  /** Lower-cased, diacritic-free forms of the name and aliases, matched by anchored prefix in search. */
  searchKeys: string[];
}
