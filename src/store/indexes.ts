/**
 * Every index the API's queries and the loaders' lookups use, created idempotently at start:
 * creating an index that already exists with the same options is a no-op on MongoDB.
 */
import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS } from './collection-names';

export const INDEXES: Record<keyof typeof COLLECTIONS, IndexDescription[]> = {
  articles: [{ key: { source: 1 }, unique: true }, { key: { publishedOn: -1 } }, { key: { searchKeys: 1 } }],
  people: [
    { key: { slug: 1 }, unique: true },
    { key: { aliases: 1 } },
    { key: { articleIds: 1 } },
    { key: { searchKeys: 1 } },
    { key: { name: 1 } },
    { key: { mentionCount: -1 } },
    { key: { identityKeys: 1 } },
  ],
  organizations: [
    { key: { slug: 1 }, unique: true },
    { key: { aliases: 1 } },
    { key: { articleIds: 1 } },
    { key: { searchKeys: 1 } },
    { key: { name: 1 } },
    { key: { identityKeys: 1 } },
  ],
  offices: [
    { key: { key: 1 }, unique: true },
    { key: { holderIds: 1 } },
    { key: { jurisdiction: 1, title: 1 } },
    { key: { articleIds: 1 } },
    { key: { searchKeys: 1 } },
  ],
  meetings: [
    { key: { key: 1 }, unique: true },
    { key: { personIds: 1, date: 1 } },
    { key: { organizationIds: 1 } },
    { key: { date: 1 } },
    { key: { articleIds: 1 } },
    { key: { location: 1 } },
  ],
};

export async function ensureIndexes(db: Db): Promise<void> {
  for (const [name, indexes] of Object.entries(INDEXES)) {
    await db.collection(name).createIndexes(indexes);
  }
}
