/**
 * The response cache: a query asked again while the store is unchanged is answered from memory
 * (Apollo's `age` header marks such answers), and the first one asked after the store changes
 * (a mutation through this API, a load or removal by another client, a reset) runs again.
 */
import type { Db } from 'mongodb';
import { ensureIndexes, loadExtraction, removeArticle, resetStore } from '../../src/store';
import { startTestApi, TEST_API_KEY, type TestApi } from '../helpers/api-test-server';
import { article, person } from '../helpers/article-record.fixture';
import { openTestDatabase, useTestDatabasePerTest } from '../helpers/test-database';

const PEOPLE =
  'query People($first: Int!) { people(first: $first, orderBy: { field: NAME, direction: ASC }) { totalCount nodes { name } } }';

async function loadPerson(db: Db, source: string, name: string): Promise<void> {
  const sentence = `${name} spoke on Monday.`;
  const fixture = article(source, [sentence], (say) => ({ people: [person(name, say(sentence))] }));
  await loadExtraction(db, fixture.record, { text: fixture.text });
}

/** The response as a client sees it, and whether it came from the cache (the `age` header). */
async function ask(api: TestApi, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as any, cached: response.headers.has('age') };
}

/** The names the query returns, and whether the answer came from the cache. */
async function askPeople(api: TestApi, first = 10): Promise<{ names: string[]; cached: boolean }> {
  const { body, cached } = await ask(api, PEOPLE, { first });
  return { names: body.data.people.nodes.map((n: { name: string }) => n.name), cached };
}

describe('response cache', () => {
  let api: TestApi;

  // Declared before the database's hooks, so that the API stops before the database closes.
  afterEach(() => api.stop());
  const database = useTestDatabasePerTest();
  beforeEach(async () => {
    await ensureIndexes(database().db);
    api = await startTestApi(database().db, { apiKey: TEST_API_KEY });
  });

  it('answers a query asked again from memory while the store is unchanged, per set of variables', async () => {
    await loadPerson(database().db, 'a.txt', 'Ada Lovelace');
    expect(await askPeople(api)).toEqual({ names: ['Ada Lovelace'], cached: false });
    expect(await askPeople(api)).toEqual({ names: ['Ada Lovelace'], cached: true });
    expect(await askPeople(api, 5)).toEqual({ names: ['Ada Lovelace'], cached: false });
  });

  it('runs the query again once another client has loaded or removed an article', async () => {
    await loadPerson(database().db, 'a.txt', 'Ada Lovelace');
    await askPeople(api);
    const other = (await database().connect()).db(database().db.databaseName);
    await loadPerson(other, 'b.txt', 'Charles Babbage');
    expect(await askPeople(api)).toEqual({ names: ['Ada Lovelace', 'Charles Babbage'], cached: false });
    await removeArticle(other, 'a.txt');
    expect(await askPeople(api)).toEqual({ names: ['Charles Babbage'], cached: false });
  });

  it('never answers from before a load that finished before the request was sent, while other requests fill the cache', async () => {
    const names = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth'];
    const other = (await database().connect()).db(database().db.databaseName);
    let reading = true;
    const readers = Array.from({ length: 4 }, async () => {
      while (reading) await askPeople(api, 50);
    });
    try {
      for (const [i, name] of names.entries()) {
        await loadPerson(other, `${i}.txt`, name);
        expect((await askPeople(api, 50)).names).toEqual([...names.slice(0, i + 1)].sort());
      }
    } finally {
      reading = false;
      await Promise.all(readers);
    }
  });

  it('runs the query again after an ingestArticle through the API', async () => {
    await askPeople(api);
    const ingested = await api.post(
      'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status } }',
      { input: { source: 'ingested.txt', text: 'Prime Minister Jane Doe met Foreign Minister John Roe on Monday.' } },
      { authorization: `Bearer ${TEST_API_KEY}` },
    );
    expect(ingested.data?.ingestArticle.status).toBe('ADDED');
    const after = await askPeople(api);
    expect(after.cached).toBe(false);
    expect(after.names).toEqual(expect.arrayContaining(['Jane Doe', 'John Roe']));
  });

  it('never answers from before a reset, even once the store is loaded back to as many loads', async () => {
    await loadPerson(database().db, 'a.txt', 'Ada Lovelace');
    await askPeople(api);
    await resetStore(database().db);
    await loadPerson(database().db, 'a.txt', 'Grace Hopper');
    expect(await askPeople(api)).toEqual({ names: ['Grace Hopper'], cached: false });
  });

  it('keeps no answer with errors, and none at all when its size is 0', async () => {
    const invalid = 'query { people(first: -1) { totalCount } }';
    expect((await ask(api, invalid)).body.errors).toBeDefined();
    expect((await ask(api, invalid)).cached).toBe(false);

    const uncached = await startTestApi(database().db, { responseCacheMB: 0 });
    try {
      await askPeople(uncached);
      expect((await askPeople(uncached)).cached).toBe(false);
    } finally {
      await uncached.stop();
    }
  });
});

describe('response cache, with MongoDB unreachable', () => {
  it('answers as an API without it would: the query runs and reports the failure in its field', async () => {
    const t = await openTestDatabase();
    const client = await t.connect({ serverSelectionTimeoutMS: 300 });
    const db = client.db(t.db.databaseName);
    await ensureIndexes(db);
    const cached = await startTestApi(db);
    const uncached = await startTestApi(db, { responseCacheMB: 0 });
    try {
      await askPeople(cached);
      await client.close();
      const [withCache, withoutCache] = await Promise.all(
        [cached, uncached].map((api) => ask(api, PEOPLE, { first: 10 })),
      );
      expect(withCache).toEqual(withoutCache);
      expect(withCache).toMatchObject({
        status: 200,
        body: { data: null, errors: [{ path: ['people'] }] },
        cached: false,
      });
    } finally {
      await cached.stop();
      await uncached.stop();
      await t.close();
    }
  });
});
