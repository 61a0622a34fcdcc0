/** The HTTP surface: probes, CSRF prevention, landing page and introspection per environment, limits, auth and error codes. */
import { ensureIndexes } from '../../src/store';
import { startTestApi, TEST_API_KEY, type TestApi } from '../helpers/api-test-server';
import { useTestDatabase } from '../helpers/test-database';

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status article { id source people { totalCount } } } }`;
const ARTICLE = {
  source: 'api-test-1.txt',
  text: 'Prime Minister Jane Doe met Foreign Minister John Roe in Springfield on 3 March 2021.\n\nThey discussed trade.',
  publishedOn: '2021-03-04',
};

describe('API server', () => {
  let dev: TestApi;

  // Declared before the database's hooks, so that the API stops before the database closes.
  afterAll(() => dev.stop());
  const database = useTestDatabase();
  beforeAll(async () => {
    await ensureIndexes(database().db);
    dev = await startTestApi(database().db, { apiKey: TEST_API_KEY });
  });

  const base = (api: TestApi) => `http://127.0.0.1:${api.server.port}`;

  describe('probes', () => {
    it('answers /healthz and /readyz while MongoDB answers', async () => {
      expect((await fetch(`${base(dev)}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base(dev)}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    });

    it('reports not ready once its MongoDB connection is gone, while /healthz stays up', async () => {
      const client = await database().connect({ serverSelectionTimeoutMS: 500 });
      const api = await startTestApi(client.db(database().db.databaseName));
      try {
        await client.close();
        expect((await fetch(`${base(api)}/readyz`)).status).toBe(503);
        expect((await fetch(`${base(api)}/healthz`)).status).toBe(200);
      } finally {
        await api.stop();
      }
    });

    it('answers 404 with the GraphQL paths for other routes', async () => {
      const response = await fetch(`${base(dev)}/nope`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: string }).error).toContain('/graphql');
    });
  });

  describe('requests', () => {
    it('serves GraphQL at / and /graphql', async () => {
      for (const url of [`${base(dev)}/`, `${base(dev)}/graphql`]) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ people { totalCount } }"}',
        });
        expect(await response.json()).toEqual({ data: { people: { totalCount: 0 } } });
      }
    });

    it('refuses simple (CSRF-able) requests', async () => {
      const response = await fetch(`${base(dev)}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{"query":"{ people { totalCount } }"}',
      });
      expect(response.status).toBe(400);
      const get = await fetch(`${base(dev)}/graphql?query=${encodeURIComponent('{ people { totalCount } }')}`);
      expect(get.status).toBe(400);
      const allowed = await fetch(`${base(dev)}/graphql?query=${encodeURIComponent('{ people { totalCount } }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(allowed.status).toBe(200);
    });

    it('lets browser apps on other origins call it (CORS preflight)', async () => {
      const preflight = await fetch(`${base(dev)}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    });

    it('refuses malformed JSON with 400', async () => {
      const response = await fetch(`${base(dev)}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": ',
      });
      expect(response.status).toBe(400);
    });

    it('reports schema mistakes as GRAPHQL_VALIDATION_FAILED without suggesting field names', async () => {
      const response = await dev.post('{ people { nodes { nam } } }');
      expect(response.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors![0].message).not.toContain('Did you mean');
    });
  });

  describe('limits', () => {
    it('refuses queries nested too deep', async () => {
      const deep = `{ people { nodes { meetings { nodes { participants { participant { ... on Person { meetings { nodes { participants { participant { ... on Person { meetings { nodes { id } } } } } } } } } } } } } } }`;
      const response = await dev.post(deep);
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors![0].message).toMatch(/depth/i);
    });

    it('refuses too many aliases', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: people { totalCount }`).join(' ');
      const response = await dev.post(`{ ${aliases} }`);
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors![0].message).toMatch(/alias/i);
    });

    it('refuses documents with too many tokens', async () => {
      const fields = Array.from({ length: 2100 }, () => '__typename').join(' ');
      const response = await dev.post(`{ ${fields} }`);
      expect(response.status).toBe(400);
      expect(response.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(response.errors![0].message).toMatch(/token/i);
    });
  });

  describe('ingestArticle', () => {
    it('refuses a request without the API key as UNAUTHENTICATED, and a wrong key too', async () => {
      const none = await dev.post(INGEST, { input: ARTICLE });
      expect(none.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      const wrong = await dev.post(INGEST, { input: ARTICLE }, { authorization: 'Bearer not-the-key-at-all-000' });
      expect(wrong.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect((await dev.post('{ articles { totalCount } }')).data).toEqual({ articles: { totalCount: 0 } });
    });

    it('stores the article with the key, and reports the same article again as unchanged', async () => {
      const auth = { authorization: `Bearer ${TEST_API_KEY}` };
      const first = await dev.post(INGEST, { input: ARTICLE }, auth);
      expect(first.errors).toBeUndefined();
      expect(first.data.ingestArticle.status).toBe('ADDED');
      expect(first.data.ingestArticle.article.source).toBe(ARTICLE.source);
      const again = await dev.post(INGEST, { input: ARTICLE }, auth);
      expect(again.data.ingestArticle.status).toBe('UNCHANGED');
      const { data } = await dev.post(`query($id: ID!) { node(id: $id) { ... on Article { source } } }`, {
        id: first.data.ingestArticle.article.id,
      });
      expect(data.node).toEqual({ source: ARTICLE.source });
    });

    it('refuses bad input with BAD_USER_INPUT and a message saying what is wrong', async () => {
      const auth = { authorization: `Bearer ${TEST_API_KEY}` };
      const empty = await dev.post(INGEST, { input: { ...ARTICLE, source: 'empty.txt', text: '   ' } }, auth);
      expect(empty.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const badDate = await dev.post(INGEST, { input: { ...ARTICLE, publishedOn: '2021-13-45' } }, auth);
      expect(badDate.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    });

    it('is refused with a message saying how to set a key when the server has none', async () => {
      const keyless = await startTestApi(database().db, { apiKey: undefined });
      try {
        const response = await keyless.post(INGEST, { input: ARTICLE }, { authorization: `Bearer ${TEST_API_KEY}` });
        expect(response.errors![0].extensions!.code).toBe('FORBIDDEN');
        expect(response.errors![0].message).toContain('NEWSGRAPH_API_KEY');
      } finally {
        await keyless.stop();
      }
    });
  });

  describe('development and production', () => {
    const asBrowser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

    it('serves the explorer page to browsers, built from local files only, and allows introspection in development', async () => {
      for (const pagePath of ['/', '/graphql']) {
        const page = await fetch(`${base(dev)}${pagePath}`, { headers: asBrowser });
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        // The browser itself refuses anything the page would load from another host.
        expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'self'/);
        const html = await page.text();
        const config = JSON.parse(
          /<script id="newsgraph-explorer-config" type="application\/json">(.*?)<\/script>/s.exec(html)![1],
        );
        expect(config).toMatchObject({ endpointPath: '/graphql', mutationsEnabled: true, introspection: true });
        expect(config.examples.map((e: any) => e.name)).toEqual(expect.arrayContaining(['person-with-meetings']));
        expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
        const script = /<script src="(\/explorer\/[^"]+\/explorer\.js)"/.exec(html)![1];
        const bundle = await fetch(`${base(dev)}${script}`);
        expect(bundle.status).toBe(200);
        expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
      }
      expect((await fetch(`${base(dev)}/explorer/0000000000000000/explorer.js`)).status).toBe(404);
      expect((await dev.post('{ __schema { queryType { name } } }')).data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
    });

    it('answers a GET from a script with GraphQL, not the page', async () => {
      const response = await fetch(`${base(dev)}/graphql?query=${encodeURIComponent('{ people { totalCount } }')}`, {
        headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
      });
      expect(await response.json()).toEqual({ data: { people: { totalCount: expect.any(Number) } } });
    });

    it('puts stack traces in error responses only when asked to', async () => {
      const quiet = await dev.post('{ nope }');
      expect(quiet.errors![0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
      const debugging = await startTestApi(database().db, { stackTraces: true });
      try {
        const loud = await debugging.post('{ nope }');
        expect(loud.errors![0].extensions!.stacktrace).toEqual(expect.arrayContaining([expect.any(String)]));
      } finally {
        await debugging.stop();
      }
    });

    it('turns off introspection and the explorer, and hides stack traces, in production', async () => {
      const prod = await startTestApi(database().db, { production: true, introspection: false, explorer: false });
      try {
        const introspection = await prod.post('{ __schema { queryType { name } } }');
        expect(introspection.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
        const page = await fetch(`${base(prod)}/`, { headers: asBrowser });
        expect(page.headers.get('content-type')).not.toMatch(/^text\/html/);
        expect((await fetch(`${base(prod)}/explorer/0000000000000000/explorer.js`)).status).toBe(404);
        const bad = await prod.post('{ people(first: 500) { totalCount } }');
        expect(bad.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
      } finally {
        await prod.stop();
      }
    });
  });

  it('stops accepting connections once stopped', async () => {
    const api = await startTestApi(database().db);
    await api.stop();
    await expect(fetch(`${base(api)}/healthz`)).rejects.toThrow();
  });
});
