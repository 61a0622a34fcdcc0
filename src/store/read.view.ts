/**
 * Entity documents as the read side loads them: without the per-article bookkeeping
 * (`contributions`, `revision`, `identityKeys`) that only the writers use and that grows with
 * every article naming the entity, so a read costs the same however often someone is named.
 * People and organizations are read without their evidence too, the sentences naming them,
 * which grow the same way and are most of their documents: a person's are loaded on their own
 * when a query asks for them (an organization's are not exposed).
 */
import type { MeetingDocument } from './meeting.document';
import type { OfficeDocument } from './office.document';
import type { OrganizationDocument } from './organization.document';
import type { PersonDocument } from './person.document';

export const READ_PROJECTION = { contributions: 0, revision: 0, identityKeys: 0 } as const;

export const NAMED_ENTITY_READ_PROJECTION = { ...READ_PROJECTION, evidence: 0 } as const;

type WithoutBookkeeping<T> = Omit<T, 'contributions' | 'revision' | 'identityKeys'>;

export type PersonView = Omit<WithoutBookkeeping<PersonDocument>, 'evidence'>;
export type PersonEvidence = Pick<PersonDocument, '_id' | 'evidence'>;
export type OrganizationView = Omit<WithoutBookkeeping<OrganizationDocument>, 'evidence'>;
export type OfficeView = WithoutBookkeeping<OfficeDocument>;
export type MeetingView = WithoutBookkeeping<MeetingDocument>;
