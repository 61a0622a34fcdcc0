/**
 * `ingestArticle` under load: extraction runs on the pool's threads, so health checks and queries
 * answer while it works; an article past the time budget is refused and nothing is stored; a full
 * queue answers HTTP 503 with Retry-After. A test extraction module that stalls on demand stands
 * in for hostile input (the real extractor behind it for every other article).
 */
import path from 'node:path';
import { configureSharedExtractionPool, sharedExtractionPool } from '../../src/ingest';
import { COLLECTIONS, ensureIndexes } from '../../src/store';
import { STALL } from '../ingest/fixtures/stalling-extraction.worker';
import { startTestApi, TEST_API_KEY, type TestApi } from '../helpers/api-test-server';
import { useTestDatabase } from '../helpers/test-database';

const WORKER = path.join(__dirname, '..', 'ingest', 'fixtures', 'stalling-extraction.worker.ts');
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status article { source } } }`;
const TEXT = 'Prime Minister Anna Lindqvist met President Omar Haddad in Paris on March 3, 2021.\n';

describe('ingestArticle on the extraction pool', () => {
  let api: TestApi;

  // Declared before the database's hooks, so that the pool and the API stop before the database closes.
  afterAll(async () => {
    await configureSharedExtractionPool({});
    await api.stop();
  });
  const database = useTestDatabase();
  beforeAll(async () => {
    await ensureIndexes(database().db);
    api = await startTestApi(database().db, { apiKey: TEST_API_KEY });
  });

  const ingest = (source: string, text: string) =>
    fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
      body: JSON.stringify({ query: INGEST, variables: { input: { source, text } } }),
    });
  const articleCount = () => database().db.collection(COLLECTIONS.articles).countDocuments();

  async function untilRunning(): Promise<void> {
    while (sharedExtractionPool().queued > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  it('refuses an article past the time budget with BAD_USER_INPUT naming the limit, and stores nothing', async () => {
    await configureSharedExtractionPool({ threads: 1, budgetMs: 300, workerFile: WORKER });
    const before = await articleCount();
    const response = await ingest('hostile.txt', `${STALL} ${TEXT}`);
    const body = (await response.json()) as { data: unknown; errors: Array<{ message: string; extensions: any }> };
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(
      /"hostile\.txt".*longer than the limit of 0\.3 s per article.*nothing was stored/,
    );
    expect(await articleCount()).toBe(before);
  });

  it('answers /healthz and queries while an extraction runs, and 503 with Retry-After once the queue is full', async () => {
    await configureSharedExtractionPool({ threads: 1, maxQueue: 1, budgetMs: 600_000, workerFile: WORKER });
    const before = await articleCount();
    const stuck = ingest('stuck.txt', `${STALL} ${TEXT}`).then((r) => r.json());
    await untilRunning();

    // The one thread is busy for good; the API thread is not.
    expect((await fetch(`http://127.0.0.1:${api.server.port}/healthz`)).status).toBe(200);
    const query = await api.post('{ people(first: 1) { totalCount } }');
    expect(query.status).toBe(200);
    expect(query.errors).toBeUndefined();

    const waiting = ingest('waiting.txt', TEXT).then((r) => r.json());
    while (sharedExtractionPool().queued < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const turnedAway = await ingest('turned-away.txt', TEXT);
    expect(turnedAway.status).toBe(503);
    expect(Number(turnedAway.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await turnedAway.json()) as { errors: Array<{ message: string; extensions: any }> };
    expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors[0].message).toMatch(/busy.*retry in \d+ s/);

    // Closing the pool ends the stuck and the waiting extractions: neither is stored.
    await configureSharedExtractionPool({});
    for (const settled of await Promise.all([stuck, waiting]))
      expect((settled as { errors?: unknown[] }).errors).toBeDefined();
    expect(await articleCount()).toBe(before);
  });
});
