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

export type JurisdictionKind = 'country' | 'region' | 'organization';

/** An office's jurisdiction resolved to one entity, so that every spelling of it is one node. */
export interface JurisdictionRef {
  kind: JurisdictionKind;
  /** The canonical name: a country's common English name, a region's name, or the organization's record name. */
  name: string;
  /** ISO 3166-1 alpha-2 for a country (`US`), ISO 3166-2 for a subdivision where known (`GB-SCT`), else null. */
  code: string | null;
}

export interface OfficeFact {
  /** The `name` of a PersonFact of the same record. */
  holder: string;
  /** The position without its jurisdiction, e.g. `Minister of Interior`. */
  title: string;
  /** The state, region, party or body, in its plainest name; null when the article does not tell. */
  jurisdiction: string | null;
  /** The title in canonical form (`Foreign Minister` for `Minister of Foreign Affairs`): what offices are keyed on across articles. */
  canonicalTitle: string;
  /** The jurisdiction resolved to one entity; null exactly when `jurisdiction` is null. */
  jurisdictionRef: JurisdictionRef | null;
  evidence: Evidence[];
}

/** Membership of a person in a body, a party above all (`Labour MP X`, `Republican Senator Y`): never an office's jurisdiction. */
export interface AffiliationFact {
  /** The `name` of a PersonFact of the same record. */
  member: string;
  /** The body's name; a party named only as a label (`Labour MP`) need not be among the record's organizations. */
  organization: string;
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
  /** The publication date, only as the caller, the front matter or the text states it (GUIDELINES.md). */
  publishedOn: string | null;
  /**
   * The date the article speaks from, to date its facts and relative references by: the publication
   * date, else a full date of its photo captions, else its dateline completed by the year its
   * text ties to `this year` (`WASHINGTON, March 3` with `so far this year ... 2025`), else that year.
   */
  referenceDate: string | null;
  /** The article body's paragraphs as offsets into the text, front matter and trailers excluded. */
  paragraphs: Array<{ start: number; end: number }>;
  people: PersonFact[];
  organizations: OrganizationFact[];
  offices: OfficeFact[];
  affiliations: AffiliationFact[];
  meetings: MeetingFact[];
}

/** What extract reports for a file it could not read as text. */
export interface ExtractionFailure {
  source: string;
  error: string;
}
