/**
 * The extraction record: what `npm run extract` prints and what the store loads.
 * Its public fields follow ../shared/eval/GUIDELINES.md exactly; `evidence`,
 * `datePrecision` and `roles` are additions the scorer ignores and the store needs.
 */

/** A sentence (or caption) of the article that states a fact; offsets index the text given to extract. */
export interface Evidence {
  text: string;
  start: number;
  end: number;
}

export interface PersonFact {
  /** The fullest form the article gives, without titles. */
  name: string;
  aliases: string[];
  mentions: number;
  evidence: Evidence[];
}

export interface OrganizationFact {
  name: string;
  /** Acronyms and other forms the article uses. */
  aliases: string[];
  evidence: Evidence[];
}

export interface OfficeFact {
  /** The `name` of a PersonFact of the same record. */
  holder: string;
  /** The position without its jurisdiction, e.g. `Minister of Interior`. */
  title: string;
  /** The state, region, party or body, in its plainest name; null when the article does not tell. */
  jurisdiction: string | null;
  evidence: Evidence[];
}

export type DatePrecision = 'day' | 'month' | 'year';
export type ParticipantKind = 'person' | 'organization';
export type ParticipantRole = 'host' | 'visitor' | 'attendee';

export interface MeetingParticipantFact {
  /** The `name` of a PersonFact or OrganizationFact of the same record. */
  name: string;
  kind: ParticipantKind;
  role: ParticipantRole | null;
}

export interface MeetingFact {
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or null when the text does not fix it. */
  date: string | null;
  datePrecision: DatePrecision | null;
  location: string | null;
  /** Names of the participants (people, or organizations standing for a side). */
  participants: string[];
  roles: MeetingParticipantFact[];
  evidence: Evidence[];
}

export interface ExtractionRecord {
  source: string;
  title: string | null;
  publishedOn: string | null;
  /** The article body's paragraphs as offsets into the text, front matter and trailers excluded. */
  paragraphs: Array<{ start: number; end: number }>;
  people: PersonFact[];
  organizations: OrganizationFact[];
  offices: OfficeFact[];
  meetings: MeetingFact[];
}

/** What extract reports for a file it could not read as text. */
export interface ExtractionFailure {
  source: string;
  error: string;
}
