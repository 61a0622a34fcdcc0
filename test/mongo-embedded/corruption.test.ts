/**
 * Damaged data is detected, never served: a byte changed inside a stored document (a string
 * value, or its `_id`) fails the read with an error naming the collection and the `_id`; damage
 * to the file's structure is reported with the file and the next step, including where no query
 * reads (the quick check at start); a database file that is gone or empty is refused at start;
 * `newsgraph-mongod --check` lists what is damaged.
 */
import Database from 'better-sqlite3';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { checkDatabase, startEmbeddedMongo } from '../../src/mongo-embedded';
import { withEmbeddedClient } from '../helpers/embedded-client';
import { runMongodTool } from '../helpers/mongod-process';

const describeEmbedded = process.env.MONGODB_URI ? describe.skip : describe;
const FILE = 'newsgraph-embedded.sqlite';

/** The bytes of a BSON string element, as they sit inside a stored document. */
function bsonString(name: string, value: string): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32LE(Buffer.byteLength(value) + 1);
  return Buffer.concat([Buffer.of(0x02), Buffer.from(`${name}\0`), length, Buffer.from(`${value}\0`)]);
}

/** Changes one byte of the only place `pattern` occurs in the file. */
function changeByte(file: string, pattern: Buffer, offset: number, to: string): void {
  const data = readFileSync(file);
  const at = data.indexOf(pattern);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(data.indexOf(pattern, at + 1)).toBe(-1);
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from(to), 0, 1, at + offset);
  closeSync(fd);
}

/** Overwrites the header of the first page of a table or index, which SQLite then cannot read. */
function breakPage(file: string, tableName: (sqlite: Database.Database) => string): void {
  const sqlite = new Database(file);
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const root = sqlite
    .prepare('SELECT rootpage FROM sqlite_master WHERE name = ?')
    .pluck()
    .get(tableName(sqlite)) as number;
  sqlite.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(12, 0xee), 0, 12, (root - 1) * pageSize);
  closeSync(fd);
}

const tableOf = (collection: string) => (sqlite: Database.Database) =>
  `docs_${sqlite.prepare('SELECT id FROM catalog WHERE name = ?').pluck().get(collection) as number}`;

describeEmbedded('damaged data', () => {
  let dataDir: string;
  let file: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-damage-'));
    file = path.join(dataDir, FILE);
    await withServer(async (client) => {
      const people = client.db('newsgraph').collection('people');
      await people.createIndex({ slug: 1 }, { unique: true });
      await people.insertMany([
        { _id: 's5-166' as never, slug: 'ada', note: 'Met the envoy in Erbil' },
        { _id: 's5-167' as never, slug: 'grace', note: 'Summit in Baghdad' },
        { _id: 's5-168' as never, slug: 'alan', note: 'Talks in Amman' },
      ]);
    });
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const withServer = <T>(use: (client: MongoClient) => Promise<T>): Promise<T> =>
    withEmbeddedClient(() => startEmbeddedMongo({ dbPath: dataDir }), use);

  it('refuses to serve a document whose string value was changed, naming the collection and the _id', async () => {
    changeByte(file, bsonString('note', 'Summit in Baghdad'), 'note'.length + 6, 'Z');
    await withServer(async (client) => {
      const people = client.db('newsgraph').collection('people');
      const error = await people.findOne({ _id: 's5-167' as never }).catch((err: Error) => err);
      expect(error).toMatchObject({ code: 300, codeName: 'DataCorruptionDetected' });
      expect((error as Error).message).toContain('newsgraph.people');
      expect((error as Error).message).toContain('"s5-167"');
      expect((error as Error).message).toContain(file);
      // The sound documents are still served.
      expect(await people.findOne({ _id: 's5-168' as never })).toMatchObject({ note: 'Talks in Amman' });
      await expect(people.find({}).toArray()).rejects.toMatchObject({ code: 300 });
    });
  });

  it('names the stored _id when the _id inside the document was changed', async () => {
    changeByte(file, bsonString('_id', 's5-167'), '_id'.length + 6, 'Z');
    await withServer(async (client) => {
      const error = await client
        .db('newsgraph')
        .collection('people')
        .find({ slug: 'grace' })
        .toArray()
        .catch((err: Error) => err);
      expect(error).toMatchObject({ code: 300 });
      expect((error as Error).message).toContain('"s5-167"');
      expect((error as Error).message).not.toContain('Z5-167');
    });
  });

  it('lists the damaged document with --check, and finds nothing wrong in a sound directory', () => {
    expect(checkDatabase(dataDir)).toMatchObject({ collections: 1, documents: 3, indexes: 2, problems: [] });
    changeByte(file, bsonString('note', 'Talks in Amman'), 'note'.length + 6, 'W');
    const damaged = runMongodTool(['--check', '--dbpath', dataDir]);
    expect(damaged.status).toBe(1);
    expect(damaged.stdout).toContain('1 problem found');
    expect(damaged.stdout).toMatch(/_id "s5-168" in newsgraph\.people is damaged/);
  });

  it('reports damage to the file structure with the file and the next step', async () => {
    breakPage(file, tableOf('people'));
    await withServer(async (client) => {
      const error = await client
        .db('newsgraph')
        .collection('people')
        .find({})
        .toArray()
        .catch((err: Error) => err);
      // The message goes along, to say what failed when the code is not the expected one.
      expect({ code: (error as { code?: number }).code, message: (error as Error).message }).toMatchObject({
        code: 300,
        message: expect.stringContaining(file),
      });
      expect((error as Error).message).toContain(`newsgraph-mongod --check --dbpath ${dataDir}`);
      expect((error as Error).message).toContain('--restore');
    });
  });

  it('says in serverStatus when the check it runs at start has found a sound file', async () => {
    await withServer(async (client) => {
      const startupCheck = async () =>
        (await client.db('admin').command({ serverStatus: 1 })).storageEngine.startupCheck as string;
      let state = await startupCheck();
      while (state === 'running') state = await startupCheck();
      expect(state).toBe('passed');
    });
  });

  it('finds damage no query reads with the quick check it runs at start, then serves nothing', async () => {
    breakPage(file, (sqlite) => {
      const indexes = sqlite.prepare("SELECT indexes FROM catalog WHERE name = 'people'").pluck().get() as string;
      return (JSON.parse(indexes) as Array<{ table: string }>)[0].table;
    });
    await withServer(async (client) => {
      let refused: unknown;
      // Serving starts at once; the check reads the whole file beside it, then stops everything.
      while (!refused) {
        refused = await client
          .db('newsgraph')
          .listCollections()
          .toArray()
          .then(
            () => undefined,
            (err: unknown) => err,
          );
        if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(refused).toMatchObject({ code: 300 });
      expect((await client.db('admin').command({ serverStatus: 1 })).storageEngine.startupCheck).toBe('damaged');
      expect((refused as Error).message).toContain(`${file} is damaged`);
      expect((refused as Error).message).toContain('--restore');
      expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    });
  });

  it('refuses a data directory whose database file is empty or missing, saying how to restore or reload', async () => {
    truncateSync(file, 0);
    const empty = await startEmbeddedMongo({ dbPath: dataDir }).catch((err: Error) => err);
    expect((empty as Error).message).toContain(`${file} is empty (0 bytes)`);
    expect((empty as Error).message).toContain(`newsgraph-mongod --restore BACKUP_FILE --dbpath ${dataDir}`);
    expect((empty as Error).message).toContain('npm run seed -- --reset');
    rmSync(file);
    await expect(startEmbeddedMongo({ dbPath: dataDir })).rejects.toThrow(`${file} is missing`);
  });
});
