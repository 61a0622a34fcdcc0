import type { JurisdictionRef } from '../../extract';
import type { FactDocument } from './fact.document';

/** An article showing a person in an office, as the article states it. */
export interface HoldingReportDocument extends FactDocument {
  officeId: string;
  personId: string;
  /** The holder, title and jurisdiction as the article writes them. */
  holder: string;
  title: string;
  canonicalTitle: string;
  jurisdiction: string | null;
  jurisdictionRef: JurisdictionRef | null;
}
