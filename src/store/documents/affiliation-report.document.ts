import type { FactDocument } from './fact.document';

/** An article stating that a person belongs to an organization (a party, above all). */
export interface AffiliationReportDocument extends FactDocument {
  personId: string;
  organizationId: string;
  /** The member and the organization as the article writes them. */
  member: string;
  organization: string;
}
