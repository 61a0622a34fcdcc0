/**
 * store: MongoDB collections, document shapes, natural keys and ids, indexes, the load log that
 * writes articles' facts and derives the entities from them, and the read queries and loaders.
 * Nothing outside it writes a MongoDB query.
 */
export * from './collection-names';
export * from './store-input.error';
export * from './store-busy.error';
export * from './store-layout';
export * from './indexes';
export * from './store-reset';
export * from './database.ping';
export * from './store-version';
export * from './documents/evidence.document';
export * from './documents/article.document';
export * from './documents/fact.document';
export * from './documents/mention.document';
export * from './documents/holding-report.document';
export * from './documents/meeting-report.document';
export * from './documents/affiliation-report.document';
export * from './documents/support.document';
export * from './documents/named-entity.document';
export * from './documents/office.document';
export * from './documents/meeting.document';
export * from './documents/affiliation.document';
export * from './documents/encounter.document';
export * from './documents/latest-meetings';
export * from './identity/name-key';
export * from './identity/stable-id';
export * from './identity/content-hash';
export * from './identity/office-key';
export * from './identity/search-key.filter';
export * from './read/read.view';
export * from './read/office-listing.policy';
export * from './read/cursor.pagination';
export * from './read/keyed-range.lookup';
export * from './read/evidence.page';
export * from './read/entity-meetings.page';
export * from './read/article.repository';
export * from './read/person.repository';
export * from './read/organization.repository';
export * from './read/office.repository';
export * from './read/meeting.repository';
export * from './read/affiliation.repository';
export * from './read/fact.repository';
export * from './read/entity-count.repository';
export * from './read/search.repository';
export * from './read/request.loaders';
export {
  ENTITY_COLLECTIONS,
  type EntityChanges,
  type EntityChangeIds,
  type EntityCollection,
  type LoadStatus,
} from './load/load-plan.type';
export { MAX_ALIASES } from './load/named-entity.space';
export * from './load/extraction.loader';
