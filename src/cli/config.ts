/**
 * The configuration, read from the environment once at start and checked as a whole: every
 * problem is reported at once, with the variable's name and what it accepts.
 */
import os from 'node:os';
import path from 'node:path';
// The options file alone: the config is read before, and without, the server's modules.
import { DEFAULT_RESPONSE_CACHE_MB } from '../server/api-server.options';

export interface Config {
  port: number;
  host: string;
  mongodbUri: string | undefined;
  dataDir: string;
  /** MiB of stored documents the embedded server keeps decoded in memory. */
  cacheSizeMB: number;
  /** The same for `npm run seed`, whose loads gain nothing from the cache (NEWSGRAPH_CACHE_MB sets both). */
  seedCacheSizeMB: number;
  /** MiB of whole query responses each API process keeps under the store's version; 0: none. */
  responseCacheMB: number;
  dbName: string;
  apiKey: string | undefined;
  seedsDir: string;
  production: boolean;
  introspection: boolean;
  /** The GraphQL explorer page at `/`. */
  explorer: boolean;
  /** Stack traces in error responses. */
  stackTraces: boolean;
  /** API processes serving HTTP; 1 serves from the main process itself. */
  workers: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_CACHE_MB = 64;
/**
 * A load reads the entities its articles name once per batch, through SQLite's page cache: 12,000
 * synthetic articles onto a store of 100,000 loaded at 108 articles/s with a document cache of 16
 * and of 32 MiB (peaks 764 and 776 MiB), and 32 rather than 64 had peaked 40-70 MB lower at about
 * the same rate. The memory goes to the loader's heap instead (the `seed` script's
 * garbage-collection setting).
 */
export const DEFAULT_SEED_CACHE_MB = 16;

/** The variables, their defaults and meaning: what `loadConfig` reads and the README documents. */
export const CONFIG_VARIABLES = [
  ['PORT', '4000', 'HTTP port (0 picks a free one).'],
  [
    'HOST',
    '127.0.0.1, or 0.0.0.0 in production',
    'Interface to listen on (`127.0.0.1`: this machine only; `0.0.0.0`: every interface).',
  ],
  [
    'MONGODB_URI',
    '(unset)',
    'MongoDB to use (`mongodb://...` or `mongodb+srv://...`); unset runs the embedded server.',
  ],
  ['NEWSGRAPH_DATA_DIR', './data', 'Where the embedded server keeps its data (ignored with MONGODB_URI).'],
  [
    'NEWSGRAPH_CACHE_MB',
    `${DEFAULT_CACHE_MB} (${DEFAULT_SEED_CACHE_MB} for \`npm run seed\`)`,
    "The embedded server's document cache, in MiB of stored documents: what bounds its memory (ignored with MONGODB_URI).",
  ],
  [
    'NEWSGRAPH_RESPONSE_CACHE_MB',
    String(DEFAULT_RESPONSE_CACHE_MB),
    'Query responses each API process keeps in memory, in MiB (of their JSON), until the store changes (`0`: no response cache).',
  ],
  ['NEWSGRAPH_DB_NAME', 'newsgraph', 'Database name.'],
  ['NEWSGRAPH_SEEDS_DIR', './seeds', 'Articles loaded at start when the database is empty.'],
  ['NEWSGRAPH_API_KEY', '(unset)', 'Bearer key for mutations, at least 16 characters; unset turns mutations off.'],
  [
    'NODE_ENV',
    'development',
    '`production` hides error details, listens on every interface and turns introspection and the explorer off by default.',
  ],
  ['NEWSGRAPH_INTROSPECTION', 'on unless production', '`true`/`false`: allow schema introspection.'],
  [
    'NEWSGRAPH_EXPLORER',
    'on unless production',
    '`true`/`false`: serve the GraphQL explorer page at `/` to browsers (`NEWSGRAPH_SANDBOX`, its former name, still works).',
  ],
  ['NEWSGRAPH_STACK_TRACES', 'false', '`true`/`false`: put stack traces in error responses, for debugging.'],
  [
    'NEWSGRAPH_WORKERS',
    'auto',
    'API processes sharing the port (`auto`: one per CPU core, less one for the embedded server when it runs here; `1`: serve from the main process).',
  ],
] as const;

const MIN_API_KEY_LENGTH = 16;
const MAX_CACHE_MB = 1024 * 1024;
const MAX_WORKERS = 64;
const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  on: true,
  false: false,
  '0': false,
  no: false,
  off: false,
};

export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = BOOLEAN_WORDS[raw.toLowerCase()];
    if (parsed === undefined) problems.push(`${name}="${raw}" is not a boolean; use true or false`);
    return parsed ?? fallback;
  };
  /** A cache size in whole MiB, from `min` (0: the cache may be turned off) to MAX_CACHE_MB. */
  const cacheMegabytes = (name: string, fallback: number, min: 0 | 1): number => {
    const raw = value(name) ?? String(fallback);
    const parsed = Number(raw);
    if (!/^\d+$/.test(raw) || parsed < min || parsed > MAX_CACHE_MB) {
      const allowed = min === 0 ? '(0 turns it off)' : `from ${min}`;
      problems.push(`${name}="${raw}" is not a cache size; use a whole number of MiB ${allowed}`);
    }
    return parsed;
  };

  const rawPort = value('PORT') ?? '4000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) problems.push(`PORT="${rawPort}" is not a port number (0-65535)`);

  const mongodbUri = value('MONGODB_URI');
  if (mongodbUri !== undefined && !/^mongodb(\+srv)?:\/\/./.test(mongodbUri)) {
    problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  }

  const dbName = value('NEWSGRAPH_DB_NAME') ?? 'newsgraph';
  if (!/^[^/\\. "$*<>:|?]{1,63}$/.test(dbName)) {
    problems.push(
      `NEWSGRAPH_DB_NAME="${dbName}" is not a MongoDB database name (1-63 characters, none of / \\ . " $ * < > : | ? or space)`,
    );
  }

  const apiKey = value('NEWSGRAPH_API_KEY');
  if (apiKey !== undefined && apiKey.length < MIN_API_KEY_LENGTH) {
    problems.push(
      `NEWSGRAPH_API_KEY is ${apiKey.length} characters; use at least ${MIN_API_KEY_LENGTH} (e.g. \`openssl rand -hex 24\`)`,
    );
  }

  const rawWorkers = value('NEWSGRAPH_WORKERS') ?? 'auto';
  // The embedded server works on a thread of its own, busy in proportion to the API's load: it gets a core.
  const automaticWorkers = Math.max(1, os.availableParallelism() - (mongodbUri === undefined ? 1 : 0));
  const workers = rawWorkers.toLowerCase() === 'auto' ? automaticWorkers : Number(rawWorkers);
  if (!/^(auto|\d+)$/i.test(rawWorkers) || workers < 1 || workers > MAX_WORKERS) {
    problems.push(`NEWSGRAPH_WORKERS="${rawWorkers}" is not a number of processes; use auto or 1-${MAX_WORKERS}`);
  }

  const cacheSizeMB = cacheMegabytes('NEWSGRAPH_CACHE_MB', DEFAULT_CACHE_MB, 1);
  const seedCacheSizeMB = value('NEWSGRAPH_CACHE_MB') === undefined ? DEFAULT_SEED_CACHE_MB : cacheSizeMB;
  const responseCacheMB = cacheMegabytes('NEWSGRAPH_RESPONSE_CACHE_MB', DEFAULT_RESPONSE_CACHE_MB, 0);

  const production = value('NODE_ENV') === 'production';
  // A development server answers this machine only; a production one sits behind a proxy or in a container.
  const defaultHost = production ? '0.0.0.0' : '127.0.0.1';
  const config: Config = {
    port,
    host: value('HOST') ?? defaultHost,
    mongodbUri,
    dataDir: path.resolve(cwd, value('NEWSGRAPH_DATA_DIR') ?? './data'),
    cacheSizeMB,
    seedCacheSizeMB,
    responseCacheMB,
    dbName,
    apiKey,
    seedsDir: path.resolve(cwd, value('NEWSGRAPH_SEEDS_DIR') ?? './seeds'),
    production,
    introspection: flag('NEWSGRAPH_INTROSPECTION', !production),
    explorer: value('NEWSGRAPH_EXPLORER')
      ? flag('NEWSGRAPH_EXPLORER', !production)
      : flag('NEWSGRAPH_SANDBOX', !production),
    stackTraces: flag('NEWSGRAPH_STACK_TRACES', false),
    workers,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Loads the configuration for a command; on bad values reports every problem and returns null (the command exits 2). */
export function loadConfigOrReport(
  env: Readonly<Record<string, string | undefined>>,
  report: (message: string) => void,
): Config | null {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      report(`newsgraph: ${err.message}`);
      return null;
    }
    throw err;
  }
}
