/**
 * Documents as the read side loads them: without the loaders' bookkeeping (`seq`, the counted
 * `forms` their fields derive from, and the `identityKeys` later articles are matched against),
 * and only live ones (a tombstone reads as missing).
 */
import type { AffiliationDocument } from '../documents/affiliation.document';
import type { EncounterDocument } from '../documents/encounter.document';
import type { MeetingDocument } from '../documents/meeting.document';
import type { OrganizationDocument, PersonDocument } from '../documents/named-entity.document';
import type { OfficeDocument, OfficeHolderDocument } from '../documents/office.document';

export const READ_PROJECTION = { seq: 0, forms: 0 } as const;
export const NAMED_ENTITY_READ_PROJECTION = { seq: 0, forms: 0, identityKeys: 0 } as const;

export type PersonView = Omit<PersonDocument, 'seq' | 'forms' | 'identityKeys'>;
export type OrganizationView = Omit<OrganizationDocument, 'seq' | 'forms' | 'identityKeys'>;
export type OfficeView = Omit<OfficeDocument, 'seq' | 'forms'>;
export type OfficeHolderView = Omit<OfficeHolderDocument, 'seq'>;
export type MeetingView = Omit<MeetingDocument, 'seq' | 'forms'>;
export type AffiliationView = Omit<AffiliationDocument, 'seq'>;
export type EncounterView = Omit<EncounterDocument, 'seq'>;
