import type { SupportedDocument } from './support.document';

/** A person's membership of an organization, a party above all (Popolo: Membership), with its support. */
export interface AffiliationDocument extends SupportedDocument {
  personId: string;
  organizationId: string;
  /** Article count (zero-padded) then last seen: sorting on it lists the best supported, then the latest, first. */
  supportRank: string;
}

/** The `supportRank` of these support figures. */
export function supportRankOf(articleCount: number, lastSeen: string | null): string {
  return `${String(articleCount).padStart(9, '0')}|${lastSeen ?? ''}`;
}
