/**
 * The SQLite database behind the server (better-sqlite3): a file in the data directory in WAL
 * mode, or an in-memory database for `--memory`, the same code either way. It holds a catalog of
 * collections with their index definitions, and per collection a table of BSON documents (each
 * with a checksum) and one table of keys per secondary index. This module opens and guards the
 * file (the directory's lock, its record of holding data, the layout), runs transactions and
 * checks, and turns SQLite's failures into messages that say what to do; what the tables hold is
 * the collections' business.
 */
import Database from 'better-sqlite3';
import { EJSON } from 'bson';
import fs from 'node:fs';
import path from 'node:path';
import {
  checkDataDirectory,
  DATABASE_FILE,
  lockDataDirectory,
  recordDataDirectory,
  type DirectoryLock,
} from './data-directory.guard';
import type { IndexSpec } from './index.catalog';
import { quickCheckInBackground, type RunningCheck, type StartupCheckState } from './storage-quick-check';
import { describeLocation, recoverySteps, storageError, type StorageLocation } from './storage.error';
import { checkpointInBackground, type RunningCheckpointer } from './wal-checkpointer';

/** `PRAGMA user_version` of this layout; files from before it (version 0) are migrated on open. */
const LAYOUT_VERSION = 2;
/** `PRAGMA application_id`: "NGEM", newsgraph embedded MongoDB. */
const APPLICATION_ID = 0x4e47454d;
/** SQLite's page cache, in KiB (negative means KiB to SQLite): index pages stay hot across lookups. */
const PAGE_CACHE_KIB = 16 * 1024;
/**
 * The page size of a new database file. Keys of documents and indexes mostly arrive in random
 * order (hashed ids), so a write dirties about one page per key: with 16 KiB pages an index has a
 * quarter of the pages of SQLite's default 4 KiB, and a load writes and commits about half the
 * work (files made with another size keep theirs).
 */
const NEW_FILE_PAGE_SIZE = 16 * 1024;
/**
 * The write-ahead log is folded back into the file by a thread of its own (wal-checkpointer.ts)
 * while the server runs; the server's connection does it (a checkpoint, with two file syncs, run
 * inside the commit that crosses the mark) only once the log holds this much, should that thread
 * fall behind, or when nothing else does (a directory opened to check or back it up).
 */
const CHECKPOINT_WAL_BYTES = 128 * 2 ** 20;

export interface StoredIndex {
  spec: IndexSpec;
  /** The table of this index's keys. */
  table: string;
  /** Per indexed field: whether some document had an array on its path (then its keys are elements). */
  multikey: boolean[];
}

export interface CatalogRow {
  id: number;
  db: string;
  name: string;
  indexes: StoredIndex[];
}

/** A collection as the first layout stored it: one table of `(id_key, doc)` rows. */
export interface LegacyCollection {
  db: string;
  name: string;
  table: string;
  indexes: IndexSpec[];
}

export type StorageTarget = { dbPath: string } | { memory: true };

function fileOf(target: StorageTarget): StorageLocation {
  if ('memory' in target) return { dir: undefined, file: ':memory:' };
  return { dir: target.dbPath, file: path.join(target.dbPath, DATABASE_FILE) };
}

export class SqliteStorage {
  private readonly statements = new Map<string, Database.Statement>();
  private transactionOpen = false;
  private savepoints = 0;
  private quickCheck: RunningCheck | undefined;
  private checkpointer: RunningCheckpointer | undefined;

  private constructor(
    private readonly sqlite: Database.Database,
    readonly location: StorageLocation,
    private readonly lock: DirectoryLock | undefined,
  ) {}

  /**
   * Takes the directory's lock (one server per directory: a second one would serve a stale
   * copy), refuses a directory whose database has gone, then opens (creating when new) the
   * database and brings it to this layout. Throws an error naming the file and the next step.
   */
  static open(target: StorageTarget): SqliteStorage {
    const location = fileOf(target);
    let lock: DirectoryLock | undefined;
    if (location.dir !== undefined) {
      fs.mkdirSync(location.dir, { recursive: true });
      lock = lockDataDirectory(location.dir);
      try {
        checkDataDirectory(location.dir);
      } catch (err) {
        lock.release();
        throw err;
      }
    }
    let sqlite: Database.Database;
    try {
      sqlite = new Database(location.file);
    } catch (err) {
      lock?.release();
      throw openError(err, location);
    }
    const storage = new SqliteStorage(sqlite, location, lock);
    try {
      storage.configure();
    } catch (err) {
      storage.close();
      throw openError(err, location);
    }
    return storage;
  }

  private configure(): void {
    // Only an empty file takes a page size (before WAL mode, which fixes it).
    const empty = this.sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get() === 0;
    if (empty) this.sqlite.pragma(`page_size = ${NEW_FILE_PAGE_SIZE}`);
    if (this.location.dir !== undefined) {
      this.sqlite.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives the process being killed; only an OS crash or
      // power loss can drop the last transactions, never corrupt the file.
      this.sqlite.pragma('synchronous = NORMAL');
      const pageSize = this.sqlite.pragma('page_size', { simple: true }) as number;
      this.sqlite.pragma(`wal_autocheckpoint = ${Math.ceil(CHECKPOINT_WAL_BYTES / pageSize)}`);
    }
    this.sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    this.prepareLayout();
    if (this.location.dir !== undefined) recordDataDirectory(this.location.dir);
  }

  /**
   * Starts what runs beside serving, each on a thread of its own: SQLite's quick_check of the
   * file (see storage-quick-check.ts), whose `onDamage` hears what it finds as a message naming
   * the file and the next step; and the checkpoints of the write-ahead log (wal-checkpointer.ts).
   */
  startBackgroundWork(onDamage: (message: string) => void): void {
    if (this.location.dir === undefined) return;
    const location = this.location;
    this.quickCheck = quickCheckInBackground(location.file, (problems) =>
      onDamage(new DamagedFileError(location, problems).message),
    );
    this.checkpointer = checkpointInBackground(location.file);
  }

  /** The quick check started with the server. */
  startupCheck(): StartupCheckState {
    return this.quickCheck?.state ?? 'not run';
  }

  private prepareLayout(): void {
    const version = this.sqlite.pragma('user_version', { simple: true }) as number;
    const applicationId = this.sqlite.pragma('application_id', { simple: true }) as number;
    const tables = this.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (version === LAYOUT_VERSION && applicationId === APPLICATION_ID) return;
    if (version > LAYOUT_VERSION && applicationId === APPLICATION_ID) {
      throw new Error(
        `${describeLocation(this.location)} was written by a newer version of newsgraph (layout ${version}, this one reads ${LAYOUT_VERSION}); run that version, or restore a backup made by this one`,
      );
    }
    const legacy = version === 0 && tables.includes('collections');
    if (tables.length > 0 && !legacy) {
      throw new Error(
        `${describeLocation(this.location)} is a SQLite database, but not one the embedded MongoDB server wrote; point --dbpath at another directory`,
      );
    }
    this.sqlite.exec(`
      CREATE TABLE catalog (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        db TEXT NOT NULL,
        name TEXT NOT NULL,
        indexes TEXT NOT NULL,
        UNIQUE (db, name));
      PRAGMA application_id = ${APPLICATION_ID};
      PRAGMA user_version = ${LAYOUT_VERSION};`);
  }

  get description(): string {
    return describeLocation(this.location);
  }

  /**
   * A prepared statement, run inside a transaction: outside a command's write transaction, a
   * read transaction is opened and lasts until the event loop's next turn, so the many short
   * reads of one command's step (a loader's batch: thousands of key lookups) share it. On its
   * own, each statement starts and ends a read of the write-ahead log's snapshot, which cost
   * more than a short range's lookup itself (8 against 5 µs, measured).
   */
  statement(sql: string): Database.Statement {
    if (!this.sqlite.inTransaction) this.openRead();
    return this.prepared(sql);
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  exec(sql: string): void {
    this.sqlite.exec(sql);
  }

  /** Forgets prepared statements on a dropped table. */
  forgetTable(table: string): void {
    for (const sql of this.statements.keys()) if (sql.includes(`"${table}"`)) this.statements.delete(sql);
  }

  catalog(): CatalogRow[] {
    const rows = this.statement('SELECT id, db, name, indexes FROM catalog ORDER BY id').all() as Array<{
      id: number;
      db: string;
      name: string;
      indexes: string;
    }>;
    return rows.map((row) => ({ ...row, indexes: EJSON.parse(row.indexes, { relaxed: false }) as StoredIndex[] }));
  }

  addCatalogEntry(db: string, name: string): number {
    const info = this.statement('INSERT INTO catalog (db, name, indexes) VALUES (?, ?, ?)').run(db, name, '[]');
    return Number(info.lastInsertRowid);
  }

  saveIndexes(id: number, indexes: StoredIndex[]): void {
    this.statement('UPDATE catalog SET indexes = ? WHERE id = ?').run(EJSON.stringify(indexes, { relaxed: false }), id);
  }

  renameCatalogEntry(id: number, db: string, name: string): void {
    this.statement('UPDATE catalog SET db = ?, name = ? WHERE id = ?').run(db, name, id);
  }

  deleteCatalogEntry(id: number): void {
    this.statement('DELETE FROM catalog WHERE id = ?').run(id);
  }

  /** Collections still in the first layout, to be moved into this one; undefined when the file has none. */
  legacyCollections(): LegacyCollection[] | undefined {
    const hasLegacy = this.sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'collections'")
      .get();
    if (!hasLegacy) return undefined;
    const rows = this.sqlite
      .prepare('SELECT db, name, table_name, indexes FROM collections ORDER BY rowid')
      .all() as Array<{ db: string; name: string; table_name: string; indexes: string }>;
    return rows.map((row) => ({
      db: row.db,
      name: row.name,
      table: row.table_name,
      indexes: EJSON.parse(row.indexes, { relaxed: false }) as IndexSpec[],
    }));
  }

  /** A legacy table's BSON documents in stored order, a chunk at a time. */
  *legacyDocuments(table: string): Generator<Buffer[]> {
    const chunk = this.sqlite.prepare(`SELECT rowid, doc FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT 1000`);
    for (let after = 0; ;) {
      const rows = chunk.all(after) as Array<{ rowid: number; doc: Buffer }>;
      if (rows.length === 0) return;
      after = rows[rows.length - 1].rowid;
      yield rows.map((row) => row.doc);
    }
  }

  dropLegacy(collections: LegacyCollection[]): void {
    for (const collection of collections) this.sqlite.exec(`DROP TABLE "${collection.table}"`);
    this.sqlite.exec('DROP TABLE collections');
  }

  get inTransaction(): boolean {
    return this.transactionOpen;
  }

  /** Opens the write transaction (a read transaction open in this turn becomes it: nothing else writes). */
  begin(): void {
    if (!this.sqlite.inTransaction) this.prepared('BEGIN').run();
    this.transactionOpen = true;
  }

  commit(): void {
    this.prepared('COMMIT').run();
    this.transactionOpen = false;
    this.checkpointer?.committed();
  }

  rollback(): void {
    this.transactionOpen = false;
    if (this.sqlite.inTransaction) this.prepared('ROLLBACK').run();
  }

  private openRead(): void {
    this.prepared('BEGIN').run();
    setImmediate(() => this.endRead());
  }

  /**
   * Ends the read transaction open, if any: not one a write took over (its commit ends it). A
   * call scheduled for a transaction a write already ended may end a later read's early, between
   * turns, which only makes that read's next statement begin another.
   */
  private endRead(): void {
    if (!this.sqlite.open || !this.sqlite.inTransaction || this.transactionOpen) return;
    // A read-only transaction has nothing to keep: end it however it can be ended. This runs
    // outside any command, so it must not throw; one it cannot end, the next write's commit ends.
    try {
      this.prepared('COMMIT').run();
    } catch {
      try {
        this.prepared('ROLLBACK').run();
      } catch {
        // Left open: see above.
      }
    }
  }

  /** Runs `work` so that it changes everything or nothing (inside the open transaction). */
  atomically<T>(work: () => T): T {
    const name = `step_${(this.savepoints += 1)}`;
    this.sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const result = work();
      this.sqlite.exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      this.sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw err;
    } finally {
      this.savepoints -= 1;
    }
  }

  /** The error to report for a failure of this database (SQLite's own errors get the file and the next step). */
  translate(err: unknown): unknown {
    return storageError(err, this.location);
  }

  /** SQLite's `quick_check` or full `integrity_check`: the problems found, none when the file is sound. */
  check(kind: 'quick_check' | 'integrity_check'): string[] {
    const results = this.sqlite.pragma(kind) as Array<Record<string, string>>;
    const problems = results.map((row) => Object.values(row)[0]);
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  }

  sizeOnDisk(): number {
    if (this.location.dir === undefined) return 0;
    const { file } = this.location;
    return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
  }

  /**
   * A consistent copy of the whole database in `destination` (SQLite's online backup, a few pages
   * per step; changes made meanwhile through this connection are carried into the copy).
   */
  async backup(destination: string): Promise<void> {
    await this.sqlite.backup(destination);
  }

  /**
   * Ends the background threads: their connections must be gone before the last one closes, for
   * closing to fold the write-ahead log back into the database file.
   */
  async stopBackgroundWork(): Promise<void> {
    await Promise.all([this.quickCheck?.stop(), this.checkpointer?.stop()]);
  }

  close(): void {
    this.endRead();
    if (this.sqlite.open) this.sqlite.close();
    this.lock?.release();
  }
}

/** A file whose structure SQLite's check found damaged. */
export class DamagedFileError extends Error {
  constructor(location: StorageLocation, problems: string[]) {
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    super(
      `the database file ${describeLocation(location)} is damaged: ${shown}${more}. Next: ${recoverySteps(location.dir ?? '.')}`,
    );
  }
}

function openError(err: unknown, location: StorageLocation): Error {
  const translated = storageError(err, location);
  return translated instanceof Error ? new Error(translated.message, { cause: err }) : (err as Error);
}
