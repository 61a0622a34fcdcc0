import type { DatePrecision, ParticipantKind, ParticipantRole } from '../extract';
import type { EvidenceDocument } from './evidence.document';
import type { EvidenceSpan, TrackedFields } from './tracked-fields.document';

export interface MeetingParticipantDocument {
  kind: ParticipantKind;
  /** A PersonDocument or OrganizationDocument id, by kind. */
  refId: string;
  role: ParticipantRole | null;
}

/** One article's report of the meeting; the meeting's other fields are derived from these. */
export interface MeetingContribution {
  articleId: string;
  /** Position of the fact in the article's extraction record, for a stable order. */
  ordinal: number;
  date: string | null;
  datePrecision: DatePrecision | null;
  location: string | null;
  participants: MeetingParticipantDocument[];
  evidence: EvidenceSpan[];
}

/** A meeting (Popolo: Event), one per real-world meeting however many articles report it. */
export interface MeetingDocument extends TrackedFields<MeetingContribution> {
  _id: string;
  /** Normalized natural key (participants, date, location), unique. */
  key: string;
  /** ISO `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or null. */
  date: string | null;
  datePrecision: DatePrecision | null;
  location: string | null;
  participants: MeetingParticipantDocument[];
  /** Denormalized person and organization ids of the participants, for the indexes. */
  personIds: string[];
  organizationIds: string[];
  articleIds: string[];
  evidence: EvidenceDocument[];
}
