/** The MongoDB collection names, in one place so nothing else spells them. */
export const COLLECTIONS = {
  articles: 'articles',
  people: 'people',
  organizations: 'organizations',
  offices: 'offices',
  meetings: 'meetings',
} as const;
