/** An API process loads the extractor before it serves when mutations are enabled, and only then. */
import { startApiProcess } from '../../src/cli/api-process.starter';
import { DEFAULT_RESPONSE_CACHE_MB, type ApiServerOptions } from '../../src/server';
import { TEST_API_KEY } from '../helpers/api-test-server';
import { useTestDatabase } from '../helpers/test-database';

describe('startApiProcess', () => {
  const database = useTestDatabase();

  const options: ApiServerOptions = {
    port: 0,
    host: '127.0.0.1',
    apiKey: undefined,
    production: false,
    introspection: true,
    explorer: false,
    stackTraces: false,
    responseCacheMB: DEFAULT_RESPONSE_CACHE_MB,
  };

  async function start(apiKey: string | undefined): Promise<string[]> {
    const logged: string[] = [];
    const server = await startApiProcess({
      db: database().db,
      options: { ...options, apiKey },
      log: (m) => logged.push(m),
    });
    await server.stop();
    return logged;
  }

  it('loads the extractor before serving when mutations are enabled', async () => {
    expect(await start(TEST_API_KEY)).toEqual([
      expect.stringMatching(/^newsgraph: extractor loaded for mutations in \d/),
    ]);
  });

  it('does not when they are off', async () => {
    expect(await start(undefined)).toEqual([]);
  });
});
