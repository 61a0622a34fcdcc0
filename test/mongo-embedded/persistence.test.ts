/**
 * The on-disk store (embedded server only): data and indexes survive a restart on the same
 * data directory, values keep their BSON types, a second server cannot open a directory in
 * use, and a process killed with SIGKILL while writing loses no acknowledged write.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Binary, Decimal128, Long, MongoClient, ObjectId } from 'mongodb';
import { startEmbeddedMongo } from '../../src/mongo-embedded';
import { withEmbeddedClient } from '../helpers/embedded-client';

const describeEmbedded = process.env.MONGODB_URI ? describe.skip : describe;
const ROOT = path.join(__dirname, '..', '..');

describeEmbedded('durable storage', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-mongo-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const withServer = <T>(use: (client: MongoClient) => Promise<T>): Promise<T> =>
    withEmbeddedClient(() => startEmbeddedMongo({ dbPath: dataDir }), use);

  it('keeps documents, their types and indexes across a restart', async () => {
    const id = new ObjectId();
    const original = {
      _id: id,
      when: new Date('2024-05-01T12:00:00Z'),
      big: Long.fromString('9007199254740993'),
      price: Decimal128.fromString('19.99'),
      bytes: new Binary(Buffer.from([1, 2, 3])),
      nested: { list: [1, 'two', { three: 3 }], empty: {} },
    };
    await withServer(async (client) => {
      const coll = client.db('app').collection('things');
      await coll.createIndex({ slug: 1 }, { unique: true });
      await coll.insertOne({ ...original, slug: 'a' });
      await coll.insertOne({ slug: 'b' });
      await coll.updateOne(
        { slug: 'b' },
        { $set: { touched: true, ref: id, at: original.when, prices: [original.price] } },
      );
      await coll.insertOne({ slug: 'c' });
      await coll.deleteOne({ slug: 'c' });
      await client.db('app').collection('dropped').insertOne({ x: 1 });
      await client.db('app').collection('dropped').drop();
      await client.db('app').collection('draft').insertOne({ kept: true });
      await client.db('app').collection('draft').rename('renamed');
    });
    await withServer(async (client) => {
      const coll = client.db('app').collection('things');
      expect(await coll.findOne({ _id: id }, { promoteLongs: false })).toEqual({ ...original, slug: 'a' });
      expect(
        await coll
          .find({}, { projection: { _id: 0 } })
          .sort({ slug: 1 })
          .toArray(),
      ).toMatchObject([
        { slug: 'a' },
        { slug: 'b', touched: true, ref: id, at: original.when, prices: [original.price] },
      ]);
      expect(await coll.countDocuments()).toBe(2);
      await expect(coll.insertOne({ slug: 'a' })).rejects.toMatchObject({ code: 11000 });
      expect((await client.db('app').listCollections().toArray()).map((c) => c.name).sort()).toEqual([
        'renamed',
        'things',
      ]);
      expect(
        await client
          .db('app')
          .collection('renamed')
          .findOne({}, { projection: { _id: 0 } }),
      ).toEqual({ kept: true });
    });
  });

  it('folds its write-ahead log back into the database file in the background, while it serves', async () => {
    const file = path.join(dataDir, 'newsgraph-embedded.sqlite');
    await withServer(async (client) => {
      const coll = client.db('app').collection('notes');
      const before = statSync(file).size;
      const text = 'x'.repeat(10_000);
      await coll.insertMany(Array.from({ length: 500 }, (_, i) => ({ i, text })));
      // The 5 MB are in the log once acknowledged; no command makes the server fold them back.
      while (statSync(file).size < before + 5_000_000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await coll.countDocuments()).toBe(500);
    });
  });

  it('refuses to serve a data directory another server is using', async () => {
    const first = await startEmbeddedMongo({ dbPath: dataDir });
    try {
      await expect(startEmbeddedMongo({ dbPath: dataDir })).rejects.toThrow(/in use/);
    } finally {
      await first.stop();
    }
  });

  it('keeps every acknowledged write when the process is killed with SIGKILL', async () => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, 'fixtures', 'write-until-killed.ts'), dataDir],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let acknowledged = -1;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        if (lines.length) acknowledged = Number(lines[lines.length - 1]);
        if (acknowledged >= 150) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');
    await withServer(async (client) => {
      const writes = client.db('crash').collection('writes');
      const stored = new Set((await writes.find({}, { projection: { n: 1 } }).toArray()).map((d) => d.n as number));
      const missing = Array.from({ length: acknowledged + 1 }, (_, n) => n).filter((n) => !stored.has(n));
      expect(missing).toEqual([]);
      await expect(writes.insertOne({ n: 0 })).rejects.toMatchObject({ code: 11000 });
    });
  }, 30_000);
});
