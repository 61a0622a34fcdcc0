/**
 * `searchEverything`: one command per search, the same matches in the same order as one
 * prefix query per kind, entity documents without the loaders' bookkeeping, articles without text.
 */
import type { CommandStartedEvent, Document } from 'mongodb';
import {
  COLLECTIONS,
  ensureIndexes,
  NAMED_ENTITY_READ_PROJECTION,
  READ_PROJECTION,
  SEARCH_LIMIT_PER_KIND,
  searchEverything,
  searchKeyFilter,
} from '../../src/store';
import { useTestDatabase } from '../helpers/test-database';

type Row = Document & { _id: string };

const database = useTestDatabase({ monitorCommands: true });
const commands: string[] = [];

const bookkeeping = { forms: { name: [['x', 1]] }, seq: 4, identityKeys: ['k'] };

beforeAll(async () => {
  const { db, client } = database();
  await ensureIndexes(db);
  // More matching people than one kind may return, so the limit and a single reply batch are both exercised.
  const people: Row[] = Array.from({ length: SEARCH_LIMIT_PER_KIND + 20 }, (_, i) => ({
    _id: `p${String(i).padStart(3, '0')}`,
    slug: `anna-${i}`,
    name: `Anna ${i}`,
    mentionCount: i % 7,
    searchKeys: [`anna ${i}`, `${i}`],
    ...bookkeeping,
  }));
  people.push({ _id: 'p-other', slug: 'bob', name: 'Bob', mentionCount: 99, searchKeys: ['bob'], ...bookkeeping });
  await db.collection<Row>(COLLECTIONS.people).insertMany(people);
  await db.collection<Row>(COLLECTIONS.organizations).insertMany([
    { _id: 'g2', slug: 'annex-group', name: 'Annex Group', searchKeys: ['annex group', 'group'], ...bookkeeping },
    {
      _id: 'g1',
      slug: 'anna-foundation',
      name: 'Anna Foundation',
      searchKeys: ['anna foundation', 'foundation'],
      ...bookkeeping,
    },
    { _id: 'g3', slug: 'bobcorp', name: 'Bobcorp', searchKeys: ['bobcorp'], ...bookkeeping },
  ]);
  await db.collection<Row>(COLLECTIONS.offices).insertMany([
    {
      _id: 'f1',
      key: 'annual-chair|x',
      title: 'Annual Chair',
      jurisdiction: 'X',
      searchKeys: ['annual chair', 'chair'],
      ...bookkeeping,
    },
  ]);
  await db.collection<Row>(COLLECTIONS.articles).insertMany([
    {
      _id: 'a1',
      source: 'anna-1.txt',
      title: 'Anna wins',
      publishedOn: '2024-01-02',
      text: 'Anna won.',
      paragraphs: [{ start: 0, end: 9 }],
      searchKeys: ['anna wins'],
    },
    {
      _id: 'a2',
      source: 'anna-2.txt',
      title: 'Anna again',
      publishedOn: '2025-03-04',
      text: 'Again.',
      paragraphs: [{ start: 0, end: 6 }],
      searchKeys: ['anna again'],
    },
    {
      _id: 'a3',
      source: 'bob.txt',
      title: 'Bob',
      publishedOn: '2025-05-05',
      text: 'Bob.',
      paragraphs: [],
      searchKeys: ['bob'],
    },
  ]);
  client.on('commandStarted', (event: CommandStartedEvent) => commands.push(event.commandName));
});

beforeEach(() => {
  commands.length = 0;
});

/** What one prefix query per kind returns: the order and content a search must keep. */
async function perKindQueries(text: string): Promise<Array<{ kind: string; doc: Document }>> {
  const filter = searchKeyFilter(text);
  const kinds = [
    {
      kind: 'person',
      coll: COLLECTIONS.people,
      sort: { mentionCount: -1, _id: 1 },
      projection: NAMED_ENTITY_READ_PROJECTION,
    },
    {
      kind: 'organization',
      coll: COLLECTIONS.organizations,
      sort: { name: 1, _id: 1 },
      projection: NAMED_ENTITY_READ_PROJECTION,
    },
    { kind: 'office', coll: COLLECTIONS.offices, sort: { title: 1, _id: 1 }, projection: READ_PROJECTION },
    {
      kind: 'article',
      coll: COLLECTIONS.articles,
      sort: { publishedOn: -1, _id: 1 },
      projection: { text: 0, paragraphs: 0, seq: 0, contentHash: 0, updatedAt: 0, searchKeys: 0 },
    },
  ] as const;
  const results = [];
  const { db } = database();
  for (const { kind, coll, sort, projection } of kinds) {
    const docs = await db
      .collection(coll)
      .find(filter, { projection })
      .sort(sort)
      .limit(SEARCH_LIMIT_PER_KIND)
      .toArray();
    results.push(...docs.map((doc) => ({ kind, doc })));
  }
  return results;
}

it('answers a search with exactly one command', async () => {
  const matches = await searchEverything(database().db, 'An');
  expect(commands).toEqual(['aggregate']);
  expect(matches.length).toBe(SEARCH_LIMIT_PER_KIND + 2 + 1 + 2);
});

it('returns each kind in the order and shape of its own query, people first and articles last', async () => {
  for (const text of ['an', 'Anna 1', 'bob', 'chair', 'Ännä wins']) {
    expect({ text, matches: await searchEverything(database().db, text) }).toEqual({
      text,
      matches: await perKindQueries(text),
    });
  }
  const kinds = (await searchEverything(database().db, 'an')).map((m) => m.kind);
  expect([...new Set(kinds)]).toEqual(['person', 'organization', 'office', 'article']);
});

it('leaves out the loaders’ bookkeeping, the article text and what only the indexes read', async () => {
  const matches = await searchEverything(database().db, 'anna');
  for (const { doc } of matches) {
    expect(doc).not.toHaveProperty('forms');
    expect(doc).not.toHaveProperty('seq');
    expect(doc).not.toHaveProperty('identityKeys');
    expect(doc).not.toHaveProperty('searchKeys');
    expect(doc).not.toHaveProperty('text');
    expect(doc).not.toHaveProperty('paragraphs');
  }
  const articles = matches.filter((m) => m.kind === 'article').map((m) => m.doc);
  expect(articles).toEqual([
    { _id: 'a2', source: 'anna-2.txt', title: 'Anna again', publishedOn: '2025-03-04' },
    { _id: 'a1', source: 'anna-1.txt', title: 'Anna wins', publishedOn: '2024-01-02' },
  ]);
});

it('refuses too short a text without sending a command', async () => {
  await expect(searchEverything(database().db, ' a ')).rejects.toThrow(/at least 2/);
  expect(commands).toEqual([]);
});
