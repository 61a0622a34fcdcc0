/**
 * Durable storage in one SQLite file (better-sqlite3, WAL mode): a catalog of collections
 * with their index specs, and one table per collection of BSON documents keyed by the
 * canonical `_id` key. Each command's changes commit in one transaction, so an acknowledged
 * write survives `kill -9` and a crash leaves the previous consistent state.
 */
import Database from 'better-sqlite3';
import { BSON, EJSON } from 'bson';
import fs from 'node:fs';
import path from 'node:path';
import type { IndexSpec } from './index.catalog';
import type { DocumentStorage, StorageChange, StoredCollection } from './storage.type';

const FILE_NAME = 'newsgraph-embedded.sqlite';

interface CatalogRow {
  db: string;
  name: string;
  table_name: string;
  indexes: string;
}

export class SqliteStorage implements DocumentStorage {
  private readonly sqlite: Database.Database;
  private readonly file: string;
  /** `db.name` -> table holding that collection's documents. */
  private readonly tables = new Map<string, string>();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, FILE_NAME);
    // A short busy timeout: the only contention is another server holding the directory.
    this.sqlite = new Database(this.file, { timeout: 200 });
    try {
      this.sqlite.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives the process being killed; only an OS crash
      // or power loss can drop the last transactions, never corrupt the file.
      this.sqlite.pragma('synchronous = NORMAL');
      // One server per data directory: a second one would serve a stale copy of the data.
      this.sqlite.pragma('locking_mode = EXCLUSIVE');
      this.sqlite.exec(
        `CREATE TABLE IF NOT EXISTS collections (
           db TEXT NOT NULL, name TEXT NOT NULL, table_name TEXT NOT NULL UNIQUE, indexes TEXT NOT NULL,
           PRIMARY KEY (db, name))`,
      );
      // Takes the exclusive lock now rather than on the first write.
      this.sqlite.exec('BEGIN IMMEDIATE; COMMIT');
      this.transaction = this.sqlite.transaction(this.applyInTransaction);
    } catch (err) {
      this.sqlite.close();
      if (/locked|busy/i.test((err as Error).message)) {
        throw new Error(`the data directory ${dataDir} is in use by another embedded MongoDB server`, { cause: err });
      }
      throw err;
    }
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  load(): StoredCollection[] {
    const rows = this.sqlite
      .prepare('SELECT db, name, table_name, indexes FROM collections ORDER BY rowid')
      .all() as CatalogRow[];
    return rows.map((row) => {
      this.tables.set(`${row.db}.${row.name}`, row.table_name);
      const documents = (
        this.sqlite.prepare(`SELECT doc FROM "${row.table_name}" ORDER BY rowid`).all() as Array<{ doc: Buffer }>
      ).map((r) => BSON.deserialize(r.doc));
      return {
        db: row.db,
        name: row.name,
        indexes: EJSON.parse(row.indexes, { relaxed: false }) as IndexSpec[],
        documents,
      };
    });
  }

  private tableOf(db: string, name: string): string {
    const table = this.tables.get(`${db}.${name}`);
    if (!table) throw new Error(`no table for collection ${db}.${name}`);
    return table;
  }

  private readonly applyInTransaction = (changes: StorageChange[]): void => {
    for (const change of changes) {
      switch (change.kind) {
        case 'createCollection': {
          const row = this.statement('SELECT COALESCE(MAX(rowid), 0) + 1 AS next FROM collections').get() as {
            next: number;
          };
          const table = `docs_${row.next}_${Date.now().toString(36)}`;
          this.sqlite.exec(`CREATE TABLE "${table}" (id_key TEXT PRIMARY KEY, doc BLOB NOT NULL)`);
          this.statement('INSERT INTO collections (db, name, table_name, indexes) VALUES (?, ?, ?, ?)').run(
            change.db,
            change.name,
            table,
            indexesText(change.indexes),
          );
          this.tables.set(`${change.db}.${change.name}`, table);
          break;
        }
        case 'dropCollection': {
          const table = this.tableOf(change.db, change.name);
          this.sqlite.exec(`DROP TABLE "${table}"`);
          for (const sql of this.statements.keys()) if (sql.includes(`"${table}"`)) this.statements.delete(sql);
          this.statement('DELETE FROM collections WHERE db = ? AND name = ?').run(change.db, change.name);
          this.tables.delete(`${change.db}.${change.name}`);
          break;
        }
        case 'renameCollection': {
          const table = this.tableOf(change.db, change.name);
          this.statement('UPDATE collections SET db = ?, name = ? WHERE db = ? AND name = ?').run(
            change.toDb,
            change.toName,
            change.db,
            change.name,
          );
          this.tables.delete(`${change.db}.${change.name}`);
          this.tables.set(`${change.toDb}.${change.toName}`, table);
          break;
        }
        case 'setIndexes':
          this.statement('UPDATE collections SET indexes = ? WHERE db = ? AND name = ?').run(
            indexesText(change.indexes),
            change.db,
            change.name,
          );
          break;
        case 'putDocument':
          this.statement(
            `INSERT INTO "${this.tableOf(change.db, change.name)}" (id_key, doc) VALUES (?, ?) ON CONFLICT(id_key) DO UPDATE SET doc = excluded.doc`,
          ).run(change.idKey, BSON.serialize(change.document));
          break;
        case 'deleteDocument':
          this.statement(`DELETE FROM "${this.tableOf(change.db, change.name)}" WHERE id_key = ?`).run(change.idKey);
          break;
      }
    }
  };

  private readonly transaction: (changes: StorageChange[]) => void;

  apply(changes: StorageChange[]): void {
    const tablesBefore = new Map(this.tables);
    try {
      this.transaction(changes);
    } catch (err) {
      // The transaction rolled back; so must the table map it touched.
      this.tables.clear();
      for (const [k, v] of tablesBefore) this.tables.set(k, v);
      throw err;
    }
  }

  sizeOnDisk(): number {
    return [this.file, `${this.file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }
}

/** Index specs as canonical Extended JSON: partial filters may hold dates, ObjectIds, ... */
function indexesText(indexes: IndexSpec[]): string {
  return EJSON.stringify(indexes, { relaxed: false });
}
