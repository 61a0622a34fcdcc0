/**
 * Concurrent loads leave the store as some serial order of them would: after any mix of loads
 * (several clients, several processes, one killed with SIGKILL half-way), every reference
 * resolves, every evidence span is its article's text, every aggregate equals what its facts
 * add up to, and each article's facts are those of a lone ingest of its stored text.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Db } from 'mongodb';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus';
import { ingestArticle, type ArticleSubmission, type ExtractionPool } from '../../src/ingest';
import { COLLECTIONS, ensureIndexes } from '../../src/store';
import { dumpCollections } from '../helpers/collection-dump';
import { testExtractionPool } from '../helpers/extraction-pool';
import { articleFacts, consistencyProblems } from '../helpers/store-consistency';
import { useTestDatabasePerTest } from '../helpers/test-database';

const ROOT = path.join(__dirname, '..', '..');

/** Article texts of the synthetic corpus (officials who recur, offices, meetings). */
async function corpusTexts(count: number, seed: number): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'concurrent-'));
  try {
    await writeSyntheticCorpus(dir, count, seed);
    const files = (await readdir(dir)).sort();
    return Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('concurrent loads', () => {
  let lone = 0;
  // One thread whose queue takes every concurrent article: what is tested is the store, not the 503.
  let pool: ExtractionPool;
  beforeAll(() => {
    pool = testExtractionPool();
  });
  afterAll(() => pool.close());
  const database = useTestDatabasePerTest();
  beforeEach(async () => {
    await ensureIndexes(database().db);
  });

  /** A store that holds only this article, loaded alone. */
  async function loneIngest<T>(submission: ArticleSubmission, read: (db: Db) => Promise<T>): Promise<T> {
    const db = database().client.db(`${database().db.databaseName}_lone${lone++}`);
    try {
      await ensureIndexes(db);
      await ingestArticle(db, submission, pool);
      return await read(db);
    } finally {
      await db.dropDatabase();
    }
  }

  /** Each published article's facts equal those of a lone ingest of its stored text. */
  async function expectEachArticleAsIfAlone(): Promise<void> {
    const stored = await database()
      .db.collection(COLLECTIONS.articles)
      .find({ version: { $type: 'string' } })
      .toArray();
    for (const a of stored) {
      const alone = await loneIngest({ source: a.source, text: a.text }, (db) => articleFacts(db, a.source));
      expect(await articleFacts(database().db, a.source)).toEqual(alone);
    }
  }

  it('leaves one of 20 concurrent ingests of one source, exactly as if it had been loaded alone', async () => {
    const texts = await corpusTexts(20, 11);
    const clients = await Promise.all([0, 1, 2, 3].map(() => database().connect()));
    const results = await Promise.all(
      texts.map((text, i) =>
        ingestArticle(clients[i % 4].db(database().db.databaseName), { source: 'contested.txt', text }, pool),
      ),
    );
    expect(results.filter((r) => r.status === 'added')).toHaveLength(1);

    const [stored] = await database().db.collection(COLLECTIONS.articles).find().toArray();
    expect(texts).toContain(stored.text);
    expect(await consistencyProblems(database().db)).toEqual([]);
    const alone = await loneIngest({ source: 'contested.txt', text: stored.text }, dumpCollections);
    expect(await dumpCollections(database().db)).toEqual(alone);
  }, 120_000);

  it('stays consistent while 8 clients load and reload overlapping articles', async () => {
    const texts = await corpusTexts(40, 12);
    const clients = await Promise.all(Array.from({ length: 8 }, () => database().connect()));
    // Client k loads 5 articles one after another; sources overlap between clients, with different texts.
    await Promise.all(
      clients.map(async (client, k) => {
        for (let j = 0; j < 5; j++) {
          await ingestArticle(
            client.db(database().db.databaseName),
            {
              source: `article-${(k * 3 + j) % 24}.txt`,
              text: texts[k * 5 + j],
            },
            pool,
          );
        }
      }),
    );
    expect(await database().db.collection(COLLECTIONS.articles).countDocuments()).toBe(24);
    expect(await consistencyProblems(database().db)).toEqual([]);
    await expectEachArticleAsIfAlone();
  }, 120_000);

  it('stays consistent when a loader process is killed in the middle of concurrent loads', async () => {
    const texts = await corpusTexts(25, 13);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'killed-loader-'));
    const write = async (name: string, submissions: ArticleSubmission[]) => {
      await writeFile(path.join(dir, name), JSON.stringify(submissions));
      return path.join(dir, name);
    };
    const start = (file: string) =>
      spawn(
        process.execPath,
        ['-r', '@swc-node/register', path.join(__dirname, '..', 'helpers', 'ingest-child.script.ts'), file],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            MONGODB_URI: database().uri,
            NEWSGRAPH_DB_NAME: database().db.databaseName,
            CONCURRENCY: '4',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    try {
      // One process reloads a contested source and loads others; another loads its own articles.
      const doomed = start(
        await write('doomed.json', [
          ...texts.slice(0, 6).map((text) => ({ source: 'contested.txt', text })),
          ...texts.slice(6, 14).map((text, i) => ({ source: `doomed-${i}.txt`, text })),
        ]),
      );
      const survivor = start(
        await write(
          'survivor.json',
          texts.slice(14, 24).map((text, i) => ({ source: `survivor-${i}.txt`, text })),
        ),
      );
      const survived = new Promise<number | null>((resolve) => survivor.on('close', resolve));
      let loaded = 0;
      await new Promise<void>((resolve, reject) => {
        doomed.stdout!.on('data', (chunk: Buffer) => {
          loaded += chunk
            .toString()
            .split('\n')
            .filter((line) => line.startsWith('ok ')).length;
          if (loaded >= 4) resolve();
        });
        doomed.on('close', () => reject(new Error('the loader finished before it could be killed')));
      });
      const killed = new Promise((resolve) => doomed.on('close', resolve));
      doomed.kill('SIGKILL');
      await killed;
      expect(await survived).toBe(0);

      // The next load completes whatever the killed loader left in the log, then its own.
      await ingestArticle(database().db, { source: 'after.txt', text: texts[24] }, pool);
      expect(await consistencyProblems(database().db)).toEqual([]);
      await expectEachArticleAsIfAlone();
      const contested = await database().db.collection(COLLECTIONS.articles).findOne({ source: 'contested.txt' });
      expect(texts.slice(0, 6)).toContain(contested!.text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
