/**
 * The storage's transactions as another connection to the file sees them: reads share a
 * read transaction until the event loop's next turn, a write that follows a read in the same
 * turn is committed (and visible) when its command commits, and no read keeps the write-ahead
 * log from being folded back once its turn is over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { SqliteStorage } from '../../../src/mongo-embedded/storage/sqlite.storage';

const DATABASE_FILE = 'newsgraph-embedded.sqlite';

let dir: string;
let storage: SqliteStorage;
let other: Database.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-storage-'));
  storage = SqliteStorage.open({ dbPath: dir });
  other = new Database(path.join(dir, DATABASE_FILE));
  other.pragma('busy_timeout = 0');
});

afterEach(async () => {
  other.close();
  await storage.stopBackgroundWork();
  storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const catalogNames = () => other.prepare('SELECT name FROM catalog ORDER BY id').pluck().all();

it('commits a write that follows a read in the same turn when the write commits, not at the next turn', () => {
  expect(storage.catalog()).toEqual([]);
  storage.begin();
  storage.addCatalogEntry('app', 'people');
  storage.commit();
  expect(storage.inTransaction).toBe(false);
  expect(catalogNames()).toEqual(['people']);
});

it('rolls back only the write when a write that follows a read fails', () => {
  storage.begin();
  storage.addCatalogEntry('app', 'kept');
  storage.commit();
  expect(storage.catalog().map((row) => row.name)).toEqual(['kept']);
  storage.begin();
  storage.addCatalogEntry('app', 'dropped');
  storage.rollback();
  expect(storage.catalog().map((row) => row.name)).toEqual(['kept']);
  expect(catalogNames()).toEqual(['kept']);
});

it('holds no read transaction past the turn of its reads, so the log can be folded back whole', async () => {
  storage.begin();
  storage.addCatalogEntry('app', 'people');
  storage.commit();
  const checkpoint = () => (other.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number }>)[0];
  storage.catalog();
  // While the read's turn lasts, its snapshot keeps a truncating checkpoint from completing.
  expect(checkpoint().busy).toBe(1);
  await nextTurn();
  expect(checkpoint()).toMatchObject({ busy: 0, log: 0 });
});
