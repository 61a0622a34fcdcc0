/**
 * Every index the API's queries and the loaders' lookups use, created idempotently at start
 * (creating an index that already exists with the same options is a no-op on MongoDB), after
 * checking that the store is in this version's layout.
 */
import type { Db, IndexDescription } from 'mongodb';
import { BOOKKEEPING_COLLECTIONS, COLLECTIONS } from './collection-names';
import { LIVE } from './documents/support.document';
import { ensureStoreLayout } from './store-layout';

const FACT_INDEXES = (subject: Record<string, 1>): IndexDescription[] => [
  { key: { ...subject, date: -1 } },
  { key: { articleId: 1 } },
];

export const INDEXES: Record<keyof typeof COLLECTIONS | keyof typeof BOOKKEEPING_COLLECTIONS, IndexDescription[]> = {
  articles: [{ key: { source: 1 }, unique: true }, { key: { publishedOn: -1 } }, { key: { searchKeys: 1 } }],
  mentions: FACT_INDEXES({ entityId: 1 }),
  holdingReports: [...FACT_INDEXES({ officeId: 1, personId: 1 }), { key: { officeId: 1, date: -1 } }],
  meetingReports: FACT_INDEXES({ meetingId: 1 }),
  affiliationReports: FACT_INDEXES({ personId: 1, organizationId: 1 }),
  people: [
    { key: { slug: 1 }, unique: true },
    { key: { identityKeys: 1 } },
    { key: { searchKeys: 1 } },
    { key: { name: 1 } },
    { key: { mentionCount: -1 } },
  ],
  organizations: [
    { key: { slug: 1 }, unique: true },
    { key: { identityKeys: 1 } },
    { key: { searchKeys: 1 } },
    { key: { name: 1 } },
    { key: { aliases: 1 } },
  ],
  offices: [
    { key: { key: 1 }, unique: true },
    { key: { jurisdiction: 1, title: 1 } },
    { key: { title: 1 } },
    { key: { searchKeys: 1 } },
  ],
  officeHolders: [{ key: { personId: 1, articleCount: -1 } }, { key: { officeId: 1, lastSeen: -1 } }],
  meetings: [
    { key: { key: 1 }, unique: true },
    { key: { participantsKey: 1, date: 1 } },
    { key: { personIds: 1, date: -1 } },
    { key: { organizationIds: 1, date: -1 } },
    { key: { date: 1 } },
    // Live meetings in a date range, one precision at a time (meeting.repository.ts).
    { key: { datePrecision: 1, date: 1 }, partialFilterExpression: LIVE },
    { key: { location: 1 } },
  ],
  affiliations: [{ key: { personId: 1, articleCount: -1 } }, { key: { organizationId: 1, supportRank: -1 } }],
  encounters: [{ key: { personId: 1, sharedMeetingCount: -1 } }],
  loadLog: [],
  loadPlans: [],
  articleDrafts: [],
  storeState: [],
};

export async function ensureIndexes(db: Db): Promise<void> {
  await ensureStoreLayout(db);
  for (const [name, indexes] of Object.entries(INDEXES)) {
    if (indexes.length) await db.collection(name).createIndexes(indexes);
  }
}
