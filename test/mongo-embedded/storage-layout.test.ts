/**
 * The data on disk: a server starts without reading documents, holds in memory only what its
 * cache allows whatever the size of the data, and brings a data directory written in the first
 * layout (documents only, indexes rebuilt at every start) into the current one.
 */
import Database from 'better-sqlite3';
import { BSON, EJSON } from 'bson';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../src/mongo-embedded';
import { withEmbeddedClient } from '../helpers/embedded-client';

const describeEmbedded = process.env.MONGODB_URI ? describe.skip : describe;

interface Status {
  documentCache: { maxBytes: number; bytes: number; documents: number; evictions: number };
  metrics: { queryExecutor: { scanned: number; scannedObjects: number } };
}

const status = async (client: MongoClient) =>
  (await client.db('admin').command({ serverStatus: 1 })) as unknown as Status;

describeEmbedded('storage', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-layout-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts without reading documents, and reads only those a query needs', async () => {
    await withEmbeddedClient(
      () => startEmbeddedMongo({ dbPath: dataDir }),
      async (client) => {
        const articles = client.db('app').collection('articles');
        await articles.createIndex({ key: 1 }, { unique: true });
        await articles.insertMany(Array.from({ length: 2_000 }, (_, i) => ({ key: `a${i}`, i })));
      },
    );
    await withEmbeddedClient(
      () => startEmbeddedMongo({ dbPath: dataDir }),
      async (client) => {
        const atStart = await status(client);
        expect(atStart.documentCache.documents).toBe(0);
        expect(atStart.metrics.queryExecutor.scannedObjects).toBe(0);
        const articles = client.db('app').collection('articles');
        expect(await articles.countDocuments()).toBe(2_000);
        expect(await articles.findOne({ key: 'a1234' })).toMatchObject({ i: 1234 });
        const after = await status(client);
        expect(after.metrics.queryExecutor.scannedObjects).toBe(1);
        expect(after.documentCache.documents).toBe(1);
      },
    );
  });

  it('holds no more documents in memory than its cache allows, whatever it reads', async () => {
    await withEmbeddedClient(
      () => startEmbeddedMongo({ memory: true, cacheSizeMB: 1 }),
      async (client) => {
        const articles = client.db('app').collection('articles');
        await articles.createIndex({ key: 1 });
        const text = 'x'.repeat(1_000);
        await articles.insertMany(Array.from({ length: 3_000 }, (_, i) => ({ key: `a${i}`, text })));
        for (let from = 0; from < 3_000; from += 500) {
          const keys = Array.from({ length: 500 }, (_, i) => `a${from + i}`);
          expect(await articles.find({ key: { $in: keys } }).toArray()).toHaveLength(500);
        }
        expect(await articles.find({ text: { $ne: text } }).toArray()).toEqual([]);
        const { documentCache } = await status(client);
        // About 3 MB of documents went through a 1 MiB cache, where each counts as twice its
        // stored size (what it takes decoded), so it holds at most 1 MiB / 2 KB of them.
        expect(documentCache.maxBytes).toBe(2 ** 20);
        expect(documentCache.bytes).toBeLessThanOrEqual(2 ** 20);
        expect(documentCache.documents).toBeLessThanOrEqual(2 ** 20 / 2_000);
        expect(documentCache.evictions).toBeGreaterThanOrEqual(2_000);
      },
    );
  });

  it('moves a data directory in the first layout into this one, indexes and all', async () => {
    // The first layout: a catalog of collections, and per collection a table of BSON documents.
    mkdirSync(dataDir, { recursive: true });
    const old = new Database(path.join(dataDir, 'newsgraph-embedded.sqlite'));
    old.pragma('journal_mode = WAL');
    old.exec(`CREATE TABLE collections (
        db TEXT NOT NULL, name TEXT NOT NULL, table_name TEXT NOT NULL UNIQUE, indexes TEXT NOT NULL,
        PRIMARY KEY (db, name));
      CREATE TABLE "docs_1_old" (id_key TEXT PRIMARY KEY, doc BLOB NOT NULL);`);
    const indexes = [
      { v: 2, key: { _id: 1 }, name: '_id_' },
      { v: 2, key: { slug: 1 }, name: 'slug_1', unique: true },
      { v: 2, key: { joined: -1 }, name: 'joined_-1' },
    ];
    old
      .prepare('INSERT INTO collections VALUES (?, ?, ?, ?)')
      .run('newsgraph', 'people', 'docs_1_old', EJSON.stringify(indexes, { relaxed: false }));
    const people = [
      { _id: 'p2', slug: 'grace', joined: new Date('2021-02-01') },
      { _id: 'p1', slug: 'ada', joined: new Date('2020-01-01') },
      { _id: 'p3', slug: 'alan', joined: new Date('2022-03-01') },
    ];
    const insert = old.prepare('INSERT INTO "docs_1_old" VALUES (?, ?)');
    for (const person of people) insert.run(`s:${person._id}`, BSON.serialize(person));
    old.close();

    await withEmbeddedClient(
      () => startEmbeddedMongo({ dbPath: dataDir }),
      async (client) => {
        const coll = client.db('newsgraph').collection('people');
        expect(await coll.find({}).toArray()).toEqual(people);
        expect((await coll.find({}).sort({ joined: -1 }).limit(2).toArray()).map((p) => p._id)).toEqual(['p3', 'p2']);
        expect((await coll.listIndexes().toArray()).map((index) => index.name)).toEqual([
          '_id_',
          'slug_1',
          'joined_-1',
        ]);
        await expect(coll.insertOne({ slug: 'ada' })).rejects.toMatchObject({ code: 11000 });
      },
    );
    const migrated = new Database(path.join(dataDir, 'newsgraph-embedded.sqlite'), { readonly: true });
    const tables = migrated.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    migrated.close();
    expect(tables).not.toContain('collections');
    expect(tables).not.toContain('docs_1_old');
  });
});
