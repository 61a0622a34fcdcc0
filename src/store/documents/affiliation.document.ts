import type { SupportedDocument } from './support.document';

/** A person's membership of an organization, a party above all (Popolo: Membership), with its support. */
export interface AffiliationDocument extends SupportedDocument {
  personId: string;
  organizationId: string;
}
