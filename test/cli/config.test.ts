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
      host: '0.0.0.0',
      mongodbUri: undefined,
      dataDir: path.join(CWD, 'data'),
      cacheSizeMB: 64,
      dbName: 'newsgraph',
      apiKey: undefined,
      seedsDir: path.join(CWD, 'seeds'),
      production: false,
      introspection: true,
      sandbox: true,
      workers: Math.max(1, os.availableParallelism() - 1),
    });
  });

  it('turns introspection and Sandbox off in production unless enabled', () => {
    expect(loadConfig({ NODE_ENV: 'production' }, CWD)).toMatchObject({
      production: true,
      introspection: false,
      sandbox: false,
    });
    expect(
      loadConfig({ NODE_ENV: 'production', NEWSGRAPH_INTROSPECTION: 'true', NEWSGRAPH_SANDBOX: '1' }, CWD),
    ).toMatchObject({
      introspection: true,
      sandbox: true,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        MONGODB_URI: 'mongodb://db.internal:27017',
        NEWSGRAPH_DATA_DIR: '/var/lib/newsgraph',
        NEWSGRAPH_CACHE_MB: '256',
        NEWSGRAPH_DB_NAME: 'graph',
        NEWSGRAPH_API_KEY: 'k'.repeat(32),
        NEWSGRAPH_SEEDS_DIR: 'articles',
        NEWSGRAPH_SANDBOX: 'off',
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
      dbName: 'graph',
      apiKey: 'k'.repeat(32),
      seedsDir: path.join(CWD, 'articles'),
      production: false,
      introspection: true,
      sandbox: false,
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
      NEWSGRAPH_CACHE_MB: '0.5',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^PORT="http" .*0-65535/),
      expect.stringMatching(/^MONGODB_URI must start with mongodb:\/\//),
      expect.stringMatching(/^NEWSGRAPH_DB_NAME="my.db"/),
      expect.stringMatching(/^NEWSGRAPH_API_KEY .*at least 16/),
      expect.stringMatching(/^NEWSGRAPH_WORKERS="many" .*auto or 1-64/),
      expect.stringMatching(/^NEWSGRAPH_CACHE_MB="0.5" .*whole number of MiB/),
      expect.stringMatching(/^NEWSGRAPH_INTROSPECTION="maybe" is not a boolean/),
    ]);
    expect(problemsOf({ PORT: '70000' })).toHaveLength(1);
    expect(problemsOf({ NEWSGRAPH_WORKERS: '0' })).toHaveLength(1);
    expect(loadConfig({ NEWSGRAPH_WORKERS: 'AUTO', MONGODB_URI: 'mongodb://db.internal' }, CWD).workers).toBe(
      os.availableParallelism(),
    );
  });
});
