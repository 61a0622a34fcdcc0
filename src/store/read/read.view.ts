/**
 * Documents as the read side loads them: without the loaders' bookkeeping (`seq`, the counted
 * `forms` their fields derive from, the `identityKeys` later articles are matched against, the
 * keys, search keys and id lists only indexes read), and only live ones (a tombstone reads as
 * missing).
 */
import type { AffiliationDocument } from '../documents/affiliation.document';
import type { EncounterDocument } from '../documents/encounter.document';
import type { FactDocument } from '../documents/fact.document';
import type { MeetingDocument } from '../documents/meeting.document';
import type { OrganizationDocument, PersonDocument } from '../documents/named-entity.document';
import type { OfficeDocument, OfficeHolderDocument } from '../documents/office.document';

export const READ_PROJECTION = { seq: 0, forms: 0, searchKeys: 0 } as const;
export const NAMED_ENTITY_READ_PROJECTION = { ...READ_PROJECTION, identityKeys: 0 } as const;
/**
 * A person or organization read by id (a meeting's participants, an office's holders, ...) comes
 * without its list of latest meetings, most of its document, which only its meetings page reads
 * (and reads otherwise when it is absent: entity-meetings.page.ts).
 */
export const ENTITY_BY_ID_READ_PROJECTION = { ...NAMED_ENTITY_READ_PROJECTION, latestMeetings: 0 } as const;
export const MEETING_READ_PROJECTION = {
  ...READ_PROJECTION,
  key: 0,
  participantsKey: 0,
  personIds: 0,
  organizationIds: 0,
} as const;
/** What evidence and article pages read of a fact: whose version it is, when, and its sentences. */
export const FACT_READ_PROJECTION = { articleId: 1, version: 1, date: 1, evidence: 1 } as const;

/** Absent when read by id (ENTITY_BY_ID_READ_PROJECTION). */
type LatestMeetingsIfRead = Partial<Pick<PersonDocument, 'latestMeetings'>>;
export type PersonView = Omit<PersonDocument, 'seq' | 'forms' | 'searchKeys' | 'identityKeys' | 'latestMeetings'> &
  LatestMeetingsIfRead;
export type OrganizationView = Omit<
  OrganizationDocument,
  'seq' | 'forms' | 'searchKeys' | 'identityKeys' | 'latestMeetings'
> &
  LatestMeetingsIfRead;
export type OfficeView = Omit<OfficeDocument, 'seq' | 'forms' | 'searchKeys'>;
export type OfficeHolderView = Omit<OfficeHolderDocument, 'seq'>;
export type MeetingView = Omit<
  MeetingDocument,
  'seq' | 'forms' | 'key' | 'participantsKey' | 'personIds' | 'organizationIds'
>;
export type AffiliationView = Omit<AffiliationDocument, 'seq'>;
export type EncounterView = Omit<EncounterDocument, 'seq'>;
export type FactView = Pick<FactDocument, '_id' | 'articleId' | 'version' | 'date' | 'evidence'>;
