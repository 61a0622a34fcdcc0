import type { DatePrecision, ParticipantKind, ParticipantRole } from '../../extract';
import type { FactDocument } from './fact.document';

export interface ReportedParticipant {
  kind: ParticipantKind;
  /** A PersonDocument or OrganizationDocument id, by kind. */
  refId: string;
  /** The name as the article writes it. */
  name: string;
  role: ParticipantRole | null;
}

/** An article's report of a meeting. */
export interface MeetingReportDocument extends FactDocument {
  meetingId: string;
  /** The meeting's date as this report gives it: ISO `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or null. */
  meetingDate: string | null;
  datePrecision: DatePrecision | null;
  location: string | null;
  participants: ReportedParticipant[];
}
