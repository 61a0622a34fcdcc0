/** The MongoDB collection names, in one place so nothing else spells them. */

/** What the graph holds: articles, the facts each states, and the entities and aggregates derived from them. */
export const COLLECTIONS = {
  articles: 'articles',
  // One document per fact an article states, with its evidence; visible while its article version is published.
  mentions: 'mentions',
  holdingReports: 'holdingReports',
  meetingReports: 'meetingReports',
  affiliationReports: 'affiliationReports',
  // Entities and aggregates: bounded documents, each derivable from the facts.
  people: 'people',
  organizations: 'organizations',
  offices: 'offices',
  officeHolders: 'officeHolders',
  meetings: 'meetings',
  affiliations: 'affiliations',
  encounters: 'encounters',
} as const;

/** The loaders' own bookkeeping: the load log and its plans, article drafts waiting in it, and the store's state. */
export const BOOKKEEPING_COLLECTIONS = {
  loadLog: 'loadLog',
  loadPlans: 'loadPlans',
  articleDrafts: 'articleDrafts',
  storeState: 'storeState',
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
