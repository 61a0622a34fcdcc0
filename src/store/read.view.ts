/**
 * Entity documents as the read side loads them: without the per-article bookkeeping
 * (`contributions`, `revision`, `identityKeys`) that only the writers use and that grows with
 * every article naming the entity, so a read costs the same however often someone is named.
 */
import type { MeetingDocument } from './meeting.document';
import type { OfficeDocument } from './office.document';
import type { OrganizationDocument } from './organization.document';
import type { PersonDocument } from './person.document';

export const READ_PROJECTION = { contributions: 0, revision: 0, identityKeys: 0 } as const;

type WithoutBookkeeping<T> = Omit<T, 'contributions' | 'revision' | 'identityKeys'>;

export type PersonView = WithoutBookkeeping<PersonDocument>;
export type OrganizationView = WithoutBookkeeping<OrganizationDocument>;
export type OfficeView = WithoutBookkeeping<OfficeDocument>;
export type MeetingView = WithoutBookkeeping<MeetingDocument>;
