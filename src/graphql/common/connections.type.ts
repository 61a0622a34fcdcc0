/** The concrete connection types of the schema, one per kind of item listed. */
import { Affiliation } from '../organization/affiliation.type';
import { Article } from '../article/article.type';
import { ConnectionType } from './connection.type';
import { Evidence } from '../support/evidence.type';
import { Meeting } from '../meeting/meeting.type';
import { OfficeHolding } from '../office/office-holding.type';
import { Office } from '../office/office.type';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';
import { SearchResult } from '../search/search-result.type';

export const ArticleConnection = ConnectionType(Article, 'Article', 'articles');
export const PersonConnection = ConnectionType(Person, 'Person', 'people');
export const OrganizationConnection = ConnectionType(Organization, 'Organization', 'organizations');
export const OfficeConnection = ConnectionType(Office, 'Office', 'offices');
export const OfficeHoldingConnection = ConnectionType(OfficeHolding, 'OfficeHolding', 'office holdings');
export const MeetingConnection = ConnectionType(Meeting, 'Meeting', 'meetings');
export const AffiliationConnection = ConnectionType(Affiliation, 'Affiliation', 'affiliations');
export const EvidenceConnection = ConnectionType(Evidence, 'Evidence', 'evidence sentences');
export const SearchResultConnection = ConnectionType(SearchResult, 'SearchResult', 'search results');
