/**
 * Requests that ask for more than the API gives: a subscription, over-long search and filter
 * texts, a bogus megabyte cursor, and aliases of `__typename`; each is a client error that names
 * the problem without echoing the input back.
 */
import { ensureIndexes } from '../../src/store';
import { startTestApi, type TestApi } from '../helpers/api-test-server';
import { useTestDatabase } from '../helpers/test-database';

describe('request limits', () => {
  let api: TestApi;

  // Declared before the database's hooks, so that the API stops before the database closes.
  afterAll(() => api.stop());
  const database = useTestDatabase();
  beforeAll(async () => {
    await ensureIndexes(database().db);
    api = await startTestApi(database().db);
  });

  it('answers a subscription with HTTP 400 and GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await api.post('subscription { people { totalCount } }');
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors!.map((e) => e.message).join('\n')).toMatch(/subscriptions are not supported/);
  });

  it.each([
    ['search', 'query($s: String!) { search(text: $s) { totalCount } }', 'text'],
    ['people', 'query($s: String!) { people(filter: { name: $s }) { totalCount } }', 'filter.name'],
    ['organizations', 'query($s: String!) { organizations(filter: { name: $s }) { totalCount } }', 'filter.name'],
    ['offices', 'query($s: String!) { offices(filter: { text: $s }) { totalCount } }', 'filter.text'],
    ['articles', 'query($s: String!) { articles(filter: { text: $s }) { totalCount } }', 'filter.text'],
    ['meetings', 'query($s: String!) { meetings(filter: { location: $s }) { totalCount } }', 'filter.location'],
  ])('refuses %s text over 200 characters with BAD_USER_INPUT naming the argument', async (_field, query, argument) => {
    const atLimit = await api.post(query, { s: 'a'.repeat(200) });
    expect(atLimit.errors).toBeUndefined();
    const over = await api.post(query, { s: 'a'.repeat(100_000) });
    expect(over.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(over.errors![0].message).toBe(
      `\`${argument}\` is 100000 characters long; search and filter texts are limited to 200`,
    );
  });

  it('does not echo a long bogus cursor back', async () => {
    const cursor = 'x'.repeat(1_000_000);
    const response = await api.post('query($c: String!) { people(after: $c) { totalCount } }', { c: cursor });
    expect(response.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toMatch(/is not a cursor of this list/);
    expect(response.errors![0].message.length).toBeLessThan(200);
  });

  it('counts aliases of __typename toward the alias limit', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `t${i}: __typename`).join(' ');
    const response = await api.post(`{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors![0].message).toMatch(/alias/i);
  });
});
