/**
 * Extraction pools for tests. Each pool's thread loads the extractor's language model (a second
 * or two), so a test file's seed runs share one thread instead of starting their own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ExtractionPool, type ExtractionPoolOptions } from '../../src/ingest';
import { openTestDatabase, type TestDatabase } from './test-database';

export function testExtractionPool(options: ExtractionPoolOptions = {}): ExtractionPool {
  return new ExtractionPool({ threads: 1, ...options, maxQueue: Number.POSITIVE_INFINITY });
}

export interface SeedTestContext {
  /** A fresh database for each test. */
  t: TestDatabase;
  /** An empty directory for each test's files. */
  dir: string;
  /** One pool for the whole file. */
  pool: ExtractionPool;
}

/** Registers the hooks that give each test of the enclosing `describe` a database and a directory, and the file a pool. */
export function useSeedTestContext(): SeedTestContext {
  const context = {} as SeedTestContext;
  beforeAll(() => {
    context.pool = testExtractionPool();
  });
  afterAll(() => context.pool.close());
  beforeEach(async () => {
    context.t = await openTestDatabase();
    context.dir = await mkdtemp(path.join(os.tmpdir(), 'seed-test-'));
  });
  afterEach(async () => {
    await context.t.close();
    await rm(context.dir, { recursive: true, force: true });
  });
  return context;
}
