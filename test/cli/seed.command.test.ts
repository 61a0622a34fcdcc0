import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus';
import { seedDirectory, type SeedSummary } from '../../src/ingest';
import { COLLECTIONS } from '../../src/store';
import { dumpCollections } from '../helpers/collection-dump';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

const ROOT = path.join(__dirname, '..', '..');
const SEED_ARTICLE = path.join(ROOT, 'seeds', '000_b616cf4ecb68c9fa.txt');

/** Starts `newsgraph seed` against the test server, in its own database. */
function startSeed(t: TestDatabase, dbName: string, args: string[]): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(ROOT, 'src', 'cli', 'main.ts'), 'seed', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, MONGODB_URI: t.uri, NEWSGRAPH_DB_NAME: dbName },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

async function runSeed(
  t: TestDatabase,
  dbName: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startSeed(t, dbName, args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

describe('newsgraph seed', () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'seed-cli-'));
    await copyFile(SEED_ARTICLE, path.join(dir, path.basename(SEED_ARTICLE)));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prints the summary as JSON and exits 1 when a file could not be loaded', async () => {
    await writeFile(path.join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    const dbName = `${t.db.databaseName}_json`;
    const result = await runSeed(t, dbName, ['--dir', dir, '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as SeedSummary;
    expect(summary.articles.added).toBe(1);
    expect(summary.failed).toEqual([{ source: 'broken.txt', error: expect.stringMatching(/binary/) }]);
    expect(result.stderr).toMatch(/broken\.txt: failed/);
    await t.client.db(dbName).dropDatabase();
  });

  it('prints a summary table and exits 0 when every file loaded', async () => {
    const dbName = `${t.db.databaseName}_table`;
    const result = await runSeed(t, dbName, ['--dir', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/articles\s*│\s*1\s*│\s*0\s*│\s*0/);
    await t.client.db(dbName).dropDatabase();
  });

  it('refuses a directory that does not exist, with exit 1', async () => {
    const result = await runSeed(t, `${t.db.databaseName}_missing`, ['--dir', path.join(dir, 'missing')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/seed directory ".*missing" does not exist/);
  });

  it('ends, after being killed half-way and run again, in exactly the state of one clean run', async () => {
    const total = 120;
    await writeSyntheticCorpus(dir, total, 99);
    const clean = t.client.db(`${t.db.databaseName}_clean`);
    const crashed = t.client.db(`${t.db.databaseName}_crashed`);
    try {
      await seedDirectory(clean, { dir });

      const child = startSeed(t, crashed.databaseName, ['--dir', dir]);
      const exited = new Promise((resolve) => child.on('close', resolve));
      let loaded = 0;
      while (loaded < total / 3 && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        loaded = await crashed.collection(COLLECTIONS.articles).estimatedDocumentCount();
      }
      child.kill('SIGKILL');
      await exited;
      const afterKill = await crashed.collection(COLLECTIONS.articles).countDocuments();
      expect(afterKill).toBeGreaterThan(0);
      expect(afterKill).toBeLessThan(total + 1);

      await seedDirectory(crashed, { dir });
      expect(await dumpCollections(crashed)).toEqual(await dumpCollections(clean));
    } finally {
      await clean.dropDatabase();
      await crashed.dropDatabase();
    }
  }, 120_000);
});
