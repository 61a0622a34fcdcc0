/**
 * The embedded server on a worker thread: the same server through the official driver, its data
 * kept across restarts, a clear refusal when it cannot start, and a stop that really ends it
 * (the port closes and the data directory is released).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import {
  startEmbeddedMongo,
  startEmbeddedMongoThread,
  type EmbeddedMongoThreadOptions,
} from '../../src/mongo-embedded';
import { withEmbeddedClient } from '../helpers/embedded-client';

const describeEmbedded = process.env.MONGODB_URI ? describe.skip : describe;

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describeEmbedded('startEmbeddedMongoThread', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-thread-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const withThreadServer = <T>(
    options: EmbeddedMongoThreadOptions,
    use: (client: MongoClient) => Promise<T>,
  ): Promise<T> => withEmbeddedClient(() => startEmbeddedMongoThread(options), use);

  it('serves inserts, queries, updates and deletes through the official driver', async () => {
    await withThreadServer({ memory: true }, async (client) => {
      const people = client.db('app').collection('people');
      await people.createIndex({ slug: 1 }, { unique: true });
      await people.insertMany([
        { slug: 'ada', name: 'Ada Lovelace', born: 1815 },
        { slug: 'alan', name: 'Alan Turing', born: 1912 },
      ]);
      await people.updateOne({ slug: 'ada' }, { $set: { field: 'mathematics' } });
      await people.deleteOne({ slug: 'alan' });
      expect(await people.find({}, { projection: { _id: 0 } }).toArray()).toEqual([
        { slug: 'ada', name: 'Ada Lovelace', born: 1815, field: 'mathematics' },
      ]);
      await expect(people.insertOne({ slug: 'ada' })).rejects.toMatchObject({ code: 11000 });
    });
  });

  it('keeps the data on disk across a stop and a new start on the same directory', async () => {
    await withThreadServer({ dbPath: dataDir }, async (client) => {
      await client
        .db('app')
        .collection('notes')
        .insertMany([{ n: 1 }, { n: 2 }]);
    });
    await withThreadServer({ dbPath: dataDir }, async (client) => {
      expect(
        await client
          .db('app')
          .collection('notes')
          .find({}, { projection: { _id: 0 } })
          .toArray(),
      ).toEqual([{ n: 1 }, { n: 2 }]);
    });
  });

  it('rejects a second server on a data directory in use, with the reason', async () => {
    const first = await startEmbeddedMongoThread({ dbPath: dataDir });
    try {
      await expect(startEmbeddedMongoThread({ dbPath: dataDir })).rejects.toThrow(
        `the data directory ${dataDir} is in use by another embedded MongoDB server`,
      );
    } finally {
      await first.stop();
    }
  });

  it('rejects a port that is already taken, with the system error code', async () => {
    const first = await startEmbeddedMongoThread({ memory: true });
    try {
      await expect(startEmbeddedMongoThread({ memory: true, port: first.port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await first.stop();
    }
  });

  it('stops the server and releases its data directory when stop() resolves', async () => {
    const server = await startEmbeddedMongoThread({ dbPath: dataDir });
    expect(await canConnect(server.port)).toBe(true);
    await server.stop();
    expect(await canConnect(server.port)).toBe(false);
    const reopened = await startEmbeddedMongo({ dbPath: dataDir });
    await reopened.stop();
    await expect(server.stop()).resolves.toBeUndefined();
  });
});
