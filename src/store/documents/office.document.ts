import type { JurisdictionKind } from '../../extract';
import type { StoredForms, SupportedDocument } from './support.document';

/**
 * An office (Popolo: Post): a canonical title of a resolved jurisdiction, shared by every
 * article that shows someone in it. A holding whose article names no jurisdiction gets an
 * office of its own holder (`holderId`), never shared and left out of office lists and search.
 */
export interface OfficeDocument extends SupportedDocument {
  /** Normalized `title|jurisdiction` (or `title|person:<id>`), unique. */
  key: string;
  /** The canonical title most articles give. */
  title: string;
  /** The jurisdiction's canonical name most articles give; null for an office of its holder alone. */
  jurisdiction: string | null;
  jurisdictionKind: JurisdictionKind | null;
  /** ISO code of a country (or subdivision) jurisdiction. */
  jurisdictionCode: string | null;
  /** Set for an office without jurisdiction: the one person it belongs to. */
  holderId: string | null;
  /** People shown holding it. */
  holderCount: number;
  /** Lower-cased, diacritic-free forms of the title and jurisdiction, matched by anchored prefix in search. */
  searchKeys: string[];
  /** How many facts give each canonical title (`title`) and jurisdiction name (`jurisdiction`). */
  forms: StoredForms;
}

/** One person holding one office, with its support (Popolo: Membership of a Post). */
export interface OfficeHolderDocument extends SupportedDocument {
  officeId: string;
  personId: string;
}
