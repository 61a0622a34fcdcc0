/**
 * `openDatabase`: without MONGODB_URI, the embedded server with data on disk, usable through the
 * driver and released on close; with a MONGODB_URI that does not answer, a prompt failure that
 * says what and where.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, uriHosts, type DatabaseOptions } from '../../src/cli/database.connection';

/** A loopback port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('openDatabase without MONGODB_URI', () => {
  let dataDir: string;
  let logged: string[];
  let options: DatabaseOptions;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-database-'));
    logged = [];
    options = { mongodbUri: undefined, dataDir, dbName: 'newsgraph', log: (message) => logged.push(message) };
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the embedded server on the data directory, and a later open sees what the first one wrote', async () => {
    const first = await openDatabase(options);
    try {
      expect(first.mode).toBe('embedded');
      expect(logged.join('\n')).toContain(`with data in ${dataDir}`);
      await first.db.collection('articles').insertOne({ title: 'Summit' });
    } finally {
      await first.close();
    }
    const second = await openDatabase(options);
    try {
      expect(
        await second.db
          .collection('articles')
          .find({}, { projection: { _id: 0 } })
          .toArray(),
      ).toEqual([{ title: 'Summit' }]);
    } finally {
      await second.close();
    }
  });
});

describe('openDatabase with a MONGODB_URI that does not answer', () => {
  const options = { dataDir: '/nonexistent', dbName: 'newsgraph', log: () => undefined };

  it('fails within the connect timeout, naming MongoDB, the host, the variable and the reason', async () => {
    const port = await closedPort();
    const message = await openDatabase({
      ...options,
      mongodbUri: `mongodb://newsgraph:secret@127.0.0.1:${port}/newsgraph`,
      connectTimeoutMs: 300,
    }).catch((err: Error) => err.message);
    expect(message).toMatch(
      new RegExp(`^cannot connect to MongoDB at 127\\.0\\.0\\.1:${port} \\(MONGODB_URI\\): connect ECONNREFUSED`),
    );
    expect(message).toMatch(/gave up after 0\.3 s/);
    expect(message).toMatch(/unset MONGODB_URI to use the embedded server/);
    expect(message).toMatch(/add serverSelectionTimeoutMS=<milliseconds> to the URI/);
    expect(message).not.toContain('secret');
  });

  it("waits as long as the URI's serverSelectionTimeoutMS says, when it says", async () => {
    const port = await closedPort();
    const message = await openDatabase({
      ...options,
      mongodbUri: `mongodb://127.0.0.1:${port}/?serverSelectionTimeoutMS=200`,
      connectTimeoutMs: 60_000,
    }).catch((err: Error) => err.message);
    expect(message).toMatch(new RegExp(`MongoDB at 127\\.0\\.0\\.1:${port} \\(MONGODB_URI\\):.*gave up after 0\\.2 s`));
  });

  it('names the hosts of a URI without its credentials, database or options', () => {
    expect(uriHosts('mongodb://user:pw@db1:27017,db2/newsgraph?replicaSet=rs0')).toBe('db1:27017,db2');
    expect(uriHosts('mongodb+srv://cluster0.example.net')).toBe('cluster0.example.net');
  });
});
