import type { EvidenceDocument } from './evidence.document';

/** One person holding an office, as the articles show it (Popolo: Membership of a Post). */
export interface MembershipDocument {
  personId: string;
  /** The latest date (ISO) at which the articles show the person in office, or null. */
  asOf: string | null;
  articleIds: string[];
  evidence: EvidenceDocument[];
}

/** An office (Popolo: Post), identified by its normalized title and jurisdiction. */
export interface OfficeDocument {
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
