import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus';
import { seedDirectory, type SeedSummary } from '../../src/ingest';
import { SERVER_RECORD_FILE, startEmbeddedMongo, type EmbeddedMongo } from '../../src/mongo-embedded';
import { COLLECTIONS } from '../../src/store';
import { dumpCollections } from '../helpers/collection-dump';
import { useTestDatabase, type TestDatabase } from '../helpers/test-database';

const ROOT = path.join(__dirname, '..', '..');
const SEED_ARTICLE = path.join(ROOT, 'seeds', '000_b616cf4ecb68c9fa.txt');
/** Each test starts Node, the database and an extraction thread: slow on a busy machine. */
const PROCESS_TEST_MS = 120_000;

/** Starts `newsgraph seed` with these variables added to the environment. */
function startSeed(env: Record<string, string>, args: string[]): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(ROOT, 'src', 'cli', 'main.ts'), 'seed', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** The variables that point the command at the test server, in a database of its own. */
const onTestServer = (t: TestDatabase, dbName: string) => ({ MONGODB_URI: t.uri, NEWSGRAPH_DB_NAME: dbName });

async function runSeed(
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startSeed(env, args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

describe('newsgraph seed', () => {
  jest.setTimeout(PROCESS_TEST_MS);
  const database = useTestDatabase();
  const db = () => database().db;
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'seed-cli-'));
    await copyFile(SEED_ARTICLE, path.join(dir, path.basename(SEED_ARTICLE)));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prints the summary as JSON and exits 1 when a file could not be loaded', async () => {
    await writeFile(
      path.join(dir, 'broken.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    );
    const dbName = `${db().databaseName}_json`;
    const result = await runSeed(onTestServer(database(), dbName), ['--dir', dir, '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as SeedSummary;
    expect(summary.articles.added).toBe(1);
    expect(summary.failed).toEqual([{ source: 'broken.txt', error: expect.stringMatching(/binary/) }]);
    expect(result.stderr).toMatch(/broken\.txt: failed/);
    await database().client.db(dbName).dropDatabase();
  });

  it('prints a summary table and exits 0 when every file loaded', async () => {
    const dbName = `${db().databaseName}_table`;
    const result = await runSeed(onTestServer(database(), dbName), ['--dir', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/articles\s*│\s*1\s*│\s*0\s*│\s*0/);
    await database().client.db(dbName).dropDatabase();
  });

  it('refuses a directory that does not exist, with exit 1', async () => {
    const result = await runSeed(onTestServer(database(), `${db().databaseName}_missing`), [
      '--dir',
      path.join(dir, 'missing'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/seed directory ".*missing" does not exist/);
  });

  it('loads a CSV given with --file and mapped columns, naming bad rows by number', async () => {
    const csv = path.join(dir, 'archive.csv');
    await writeFile(
      csv,
      [
        'ref,headline,story,when',
        'r1,Talks,"Prime Minister Anna Lindqvist met President Omar Haddad in Paris on March 3, 2021.","December 31, 2017"',
        'r2,Empty,,2017-12-31',
        'r3,Undated,"Foreign Minister Giulia Ferraro met Prime Minister Anna Lindqvist in Oslo.",someday',
      ].join('\n'),
    );
    const dbName = `${db().databaseName}_csv`;
    const args = ['--file', csv, '--text-field', 'story', '--title-field', 'headline', '--date-field', 'when'];
    const result = await runSeed(onTestServer(database(), dbName), [...args, '--id-field', 'ref', '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as SeedSummary;
    expect(summary.articles.added).toBe(1);
    expect(summary.failed).toEqual([
      { source: 'archive.csv', row: 2, line: 3, error: expect.stringMatching(/no text/) },
      { source: 'archive.csv', row: 3, line: 4, error: expect.stringMatching(/"someday".*not a full date/) },
    ]);
    const stored = await database().client.db(dbName).collection(COLLECTIONS.articles).findOne({});
    expect(stored).toMatchObject({ source: 'archive.csv#id=r1', title: 'Talks', publishedOn: '2017-12-31' });
    await database().client.db(dbName).dropDatabase();
  });

  it('without a terminal, reports progress in a few lines (done, rate, time left), not one per file', async () => {
    const files = 40;
    await writeSyntheticCorpus(dir, files, 7);
    const dbName = `${db().databaseName}_progress`;
    const result = await runSeed(onTestServer(database(), dbName), ['--dir', dir]);
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('seed:'));
    expect(lines[0]).toMatch(/^seed: 4[01] files, [\d.]+ MB$/);
    expect(lines.at(-1)).toMatch(
      /^seed: 4[01] articles loaded, 0 failed, [\d.]+ articles\/s, 100% of [\d.]+ MB read, done$/,
    );
    // A line every few seconds at most: far fewer than the files.
    expect(lines.length).toBeLessThan(files / 2);
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/articles\/s, \d+% of .* read, about .* left$/);
    await database().client.db(dbName).dropDatabase();
  });

  describe('while a server holds the data directory', () => {
    let dataDir: string;
    let server: EmbeddedMongo;
    beforeEach(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'seed-busy-data-'));
      server = await startEmbeddedMongo({ dbPath: dataDir });
    });
    afterEach(async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    const embedded = () => ({ MONGODB_URI: '', NEWSGRAPH_DATA_DIR: dataDir, NEWSGRAPH_DB_NAME: 'newsgraph' });

    it('loads through that server, found by the record it keeps there, and says so', async () => {
      const result = await runSeed(embedded(), ['--dir', dir]);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(
        `${dataDir} is in use by a running server (process ${process.pid}); loading through it at ${server.uri}`,
      );
      const client = await new MongoClient(server.uri).connect();
      try {
        expect(await client.db('newsgraph').collection(COLLECTIONS.articles).countDocuments()).toBe(1);
      } finally {
        await client.close();
      }
    });

    it('says exactly what to run when the server left no record of where it listens', async () => {
      await rm(path.join(dataDir, SERVER_RECORD_FILE));
      const result = await runSeed(embedded(), ['--dir', dir, '--json']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`the data directory ${dataDir} is in use by another server`);
      expect(result.stderr).toContain(
        `MONGODB_URI='mongodb://127.0.0.1:PORT/?directConnection=true' npm run seed -- --dir ${dir} --json`,
      );
    });
  });

  it('refuses --dir together with --file, with the usage', async () => {
    const result = await runSeed(onTestServer(database(), `${db().databaseName}_usage`), [
      '--dir',
      dir,
      '--file',
      SEED_ARTICLE,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/give --dir or --file, not both[\s\S]*usage: newsgraph seed/);
  });

  it('ends, after being killed half-way and run again, in exactly the state of one clean run', async () => {
    await writeSyntheticCorpus(dir, 120, 99);
    // The synthetic articles and the seed article copied in before each test.
    const files = (await readdir(dir)).length;
    const clean = database().client.db(`${db().databaseName}_clean`);
    const crashed = database().client.db(`${db().databaseName}_crashed`);
    const published = () => crashed.collection(COLLECTIONS.articles).countDocuments({ version: { $type: 'string' } });
    try {
      await seedDirectory(clean, { dir });

      // A small archive is loaded in several batches: killed once a third is published, the
      // run has more batches to extract, plan and write.
      const child = startSeed(onTestServer(database(), crashed.databaseName), ['--dir', dir]);
      const exited = new Promise((resolve) => child.on('close', resolve));
      while ((await published()) < files / 3 && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      child.kill('SIGKILL');
      await exited;
      const afterKill = await published();
      expect(afterKill).toBeGreaterThanOrEqual(files / 3);
      expect(afterKill).toBeLessThan(files);

      await seedDirectory(crashed, { dir });
      expect(await dumpCollections(crashed)).toEqual(await dumpCollections(clean));
    } finally {
      await clean.dropDatabase();
      await crashed.dropDatabase();
    }
  });
});
