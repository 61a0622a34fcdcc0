import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/cli/config';

const CWD = '/srv/newsgraph';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, CWD);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({}, CWD)).toEqual({
      port: 4000,
      host: '127.0.0.1',
      mongodbUri: undefined,
      dataDir: path.join(CWD, 'data'),
      cacheSizeMB: 64,
      seedCacheSizeMB: 16,
      responseCacheMB: 32,
      dbName: 'newsgraph',
      apiKey: undefined,
      seedsDir: path.join(CWD, 'seeds'),
      production: false,
      introspection: true,
      explorer: true,
      stackTraces: false,
      workers: Math.max(1, os.availableParallelism() - 1),
    });
  });

  it('listens on every interface and turns introspection and the explorer off in production, unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }, CWD)).toMatchObject({
      host: '0.0.0.0',
      production: true,
      introspection: false,
      explorer: false,
      stackTraces: false,
    });
    expect(
      loadConfig(
        { NODE_ENV: 'production', HOST: '10.1.2.3', NEWSGRAPH_INTROSPECTION: 'true', NEWSGRAPH_EXPLORER: '1' },
        CWD,
      ),
    ).toMatchObject({ host: '10.1.2.3', introspection: true, explorer: true });
  });

  it('still reads the explorer switch under its former name, NEWSGRAPH_SANDBOX, which NEWSGRAPH_EXPLORER overrides', () => {
    expect(loadConfig({ NODE_ENV: 'production', NEWSGRAPH_SANDBOX: 'true' }, CWD).explorer).toBe(true);
    expect(loadConfig({ NEWSGRAPH_SANDBOX: 'off' }, CWD).explorer).toBe(false);
    expect(loadConfig({ NEWSGRAPH_SANDBOX: 'off', NEWSGRAPH_EXPLORER: 'on' }, CWD).explorer).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        MONGODB_URI: 'mongodb://db.internal:27017',
        NEWSGRAPH_DATA_DIR: '/var/lib/newsgraph',
        NEWSGRAPH_CACHE_MB: '256',
        NEWSGRAPH_RESPONSE_CACHE_MB: '0',
        NEWSGRAPH_DB_NAME: 'graph',
        NEWSGRAPH_API_KEY: 'k'.repeat(32),
        NEWSGRAPH_SEEDS_DIR: 'articles',
        NEWSGRAPH_EXPLORER: 'off',
        NEWSGRAPH_STACK_TRACES: 'true',
        NEWSGRAPH_WORKERS: '3',
      },
      CWD,
    );
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      mongodbUri: 'mongodb://db.internal:27017',
      dataDir: '/var/lib/newsgraph',
      cacheSizeMB: 256,
      seedCacheSizeMB: 256,
      responseCacheMB: 0,
      dbName: 'graph',
      apiKey: 'k'.repeat(32),
      seedsDir: path.join(CWD, 'articles'),
      production: false,
      introspection: true,
      explorer: false,
      stackTraces: true,
      workers: 3,
    });
  });

  it('reports every bad value at once, naming the variable and what it accepts', () => {
    const problems = problemsOf({
      PORT: 'http',
      MONGODB_URI: 'localhost:27017',
      NEWSGRAPH_DB_NAME: 'my.db',
      NEWSGRAPH_API_KEY: 'short',
      NEWSGRAPH_INTROSPECTION: 'maybe',
      NEWSGRAPH_WORKERS: 'many',
      NEWSGRAPH_STACK_TRACES: 'sometimes',
      NEWSGRAPH_CACHE_MB: '0.5',
      NEWSGRAPH_RESPONSE_CACHE_MB: '-1',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^PORT="http" .*0-65535/),
      expect.stringMatching(/^MONGODB_URI must start with mongodb:\/\//),
      expect.stringMatching(/^NEWSGRAPH_DB_NAME="my.db"/),
      expect.stringMatching(/^NEWSGRAPH_API_KEY .*at least 16/),
      expect.stringMatching(/^NEWSGRAPH_WORKERS="many" .*auto or 1-64/),
      expect.stringMatching(/^NEWSGRAPH_CACHE_MB="0.5" .*whole number of MiB/),
      expect.stringMatching(/^NEWSGRAPH_RESPONSE_CACHE_MB="-1" .*0 turns it off/),
      expect.stringMatching(/^NEWSGRAPH_INTROSPECTION="maybe" is not a boolean/),
      expect.stringMatching(/^NEWSGRAPH_STACK_TRACES="sometimes" is not a boolean/),
    ]);
    expect(problemsOf({ PORT: '70000' })).toHaveLength(1);
    expect(problemsOf({ NEWSGRAPH_WORKERS: '0' })).toHaveLength(1);
    expect(loadConfig({ NEWSGRAPH_WORKERS: 'AUTO', MONGODB_URI: 'mongodb://db.internal' }, CWD).workers).toBe(
      os.availableParallelism(),
    );
  });
});
