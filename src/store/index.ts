/** store: MongoDB collections, document shapes, natural keys and ids, indexes, loaders and read queries. Nothing outside it writes a MongoDB query. */
export * from './collection-names';
export * from './evidence.document';
export * from './article.document';
export * from './person.document';
export * from './organization.document';
export * from './office.document';
export * from './meeting.document';
