import type { DatePrecision, ParticipantKind, ParticipantRole } from '../../extract';
import type { StoredForms, SupportedDocument } from './support.document';

export interface MeetingParticipantDocument {
  kind: ParticipantKind;
  /** A PersonDocument or OrganizationDocument id, by kind. */
  refId: string;
  /** The role most reports give, or null. */
  role: ParticipantRole | null;
}

/**
 * A meeting (Popolo: Event), one per real-world meeting however many articles report it. Its
 * participants are part of what identifies it, so every report states each of them and the
 * meeting's support is each participation's support.
 */
export interface MeetingDocument extends SupportedDocument {
  /** Normalized natural key (participants, date, location), unique. */
  key: string;
  /** The participants' `kind:refId`, sorted: reports join only a meeting of exactly their participants. */
  participantsKey: string;
  /** ISO `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or null: the most precise date the reports give. */
  date: string | null;
  datePrecision: DatePrecision | null;
  location: string | null;
  participants: MeetingParticipantDocument[];
  /** Denormalized person and organization ids of the participants, for the indexes. */
  personIds: string[];
  organizationIds: string[];
  /** How many reports give each date (`date`), place (`location`) and role of a participant (`role:<kind>:<refId>`). */
  forms: StoredForms;
}
