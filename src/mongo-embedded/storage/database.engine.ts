/**
 * All databases and collections of one server over its SQLite storage, and the rules every
 * command runs under: a command's writes happen in the synchronous part of its handler, inside
 * one transaction committed before its reply exists (so an acknowledged write is durable, and a
 * storage failure rolls the whole command back); reads may pause and run on past that part, but
 * never write. Reads get a deadline that stops them at their maxTimeMS or when the server stops.
 */
import { BSON } from 'bson';
import { CollectionState, type CollectionContext, type StorageCounters } from './collection.state';
import { DocumentCache, type DocumentCacheStats } from './document.cache';
import { ID_INDEX } from './index.catalog';
import { MongoServerError } from '../common/mongo-server.error';
import { Deadline } from '../query/query.deadline';
import type { SqliteStorage } from './sqlite.storage';
import { isSqliteError } from './storage.error';
import type { StartupCheckState } from './storage-quick-check';

const INVALID_DB_CHARS = /[/\\. "$\0]/;

export function validateNamespace(db: string, collection?: string): void {
  if (typeof db !== 'string' || db === '' || INVALID_DB_CHARS.test(db) || db.length > 64) {
    throw new MongoServerError('InvalidNamespace', `Invalid database name: '${String(db)}'`);
  }
  if (collection === undefined) return;
  if (typeof collection !== 'string' || collection === '' || collection.includes('$') || collection.includes('\0')) {
    throw new MongoServerError('InvalidNamespace', `Invalid collection name: '${String(collection)}'`);
  }
}

export interface EngineOptions {
  /** The budget of the decoded-document cache, in bytes of stored BSON. */
  cacheBytes: number;
}

export class DatabaseEngine {
  private readonly collections = new Map<string, CollectionState>();
  private readonly context: CollectionContext;
  /** Keys and documents read, for serverStatus's `metrics.queryExecutor`. */
  readonly counters: StorageCounters = { keysExamined: 0, docsExamined: 0 };
  /** True while a command's synchronous part runs: the only time writes may happen. */
  private writable = false;
  private stopping = false;
  /** Set when the file was found damaged: no data is served from then on. */
  private damage: string | undefined;
  private readonly running = new Set<Promise<unknown>>();
  /** Bytes of document versions written since `takeWrittenBytes` last asked. */
  private writtenBytes = 0;

  constructor(
    private readonly storage: SqliteStorage,
    options: EngineOptions,
  ) {
    this.context = {
      storage,
      cache: new DocumentCache(options.cacheBytes),
      counters: this.counters,
      beforeWrite: () => this.beforeWrite(),
      wrote: (bytes) => {
        this.writtenBytes += bytes;
      },
    };
    this.loadCatalog();
    this.migrateLegacyLayout();
  }

  private loadCatalog(): void {
    this.collections.clear();
    for (const row of this.storage.catalog()) {
      const collection = new CollectionState(this.context, row.id, row.db, row.name, row.indexes);
      this.collections.set(collection.ns, collection);
    }
  }

  /** Moves collections stored in the first layout (documents only, indexes rebuilt at every start) into this one. */
  private migrateLegacyLayout(): void {
    const legacy = this.storage.legacyCollections();
    if (!legacy) return;
    this.storage.begin();
    this.writable = true;
    try {
      for (const old of legacy) {
        const collection = this.create(old.db, old.name);
        for (const spec of old.indexes) if (spec.name !== ID_INDEX.name) collection.createIndex(spec);
        for (const chunk of this.storage.legacyDocuments(old.table)) {
          for (const bytes of chunk) collection.insert(BSON.deserialize(bytes));
        }
      }
      this.storage.dropLegacy(legacy);
      this.storage.commit();
    } catch (err) {
      this.storage.rollback();
      throw new Error(
        `could not bring ${this.storage.description} to the current storage layout, so it was left as it was: ${(err as Error).message}`,
        { cause: err },
      );
    } finally {
      this.writable = false;
      this.context.cache.clear();
    }
  }

  /**
   * How many bytes of documents were written since the last call: each write leaves as much
   * garbage several times over (the command's decoded documents, their serialized copies).
   */
  takeWrittenBytes(): number {
    const bytes = this.writtenBytes;
    this.writtenBytes = 0;
    return bytes;
  }

  private beforeWrite(): void {
    if (!this.writable) throw new Error('a write outside the synchronous part of a command');
    if (!this.storage.inTransaction) this.storage.begin();
  }

  /**
   * Runs one command. Its synchronous part may write: those writes commit together when it
   * returns (or throws: what a command did before failing stays, as in mongod), and a storage
   * failure rolls them all back. What it returns asynchronously (a read that pauses) may not write.
   */
  run<T>(command: () => T | Promise<T>): T | Promise<T> {
    let result: T | Promise<T>;
    this.writable = true;
    try {
      result = command();
    } catch (err) {
      this.writable = false;
      this.finishWrites(err);
      throw err;
    }
    this.writable = false;
    this.finishWrites(undefined);
    if (!(result instanceof Promise)) return result;
    const translated = result.catch((err: unknown) => {
      throw this.storage.translate(err);
    });
    this.running.add(translated);
    void translated.then(
      () => this.running.delete(translated),
      () => this.running.delete(translated),
    );
    return translated;
  }

  /** Commits the command's writes, or rolls them back when storage failed (and reports that failure). */
  private finishWrites(failure: unknown): void {
    if (isSqliteError(failure)) {
      this.abandonWrites();
      throw this.storage.translate(failure);
    }
    if (!this.storage.inTransaction) return;
    try {
      this.storage.commit();
    } catch (err) {
      this.abandonWrites();
      throw this.storage.translate(err);
    }
  }

  /** After a rollback, forgets what memory knew of the writes that are gone. */
  private abandonWrites(): void {
    this.storage.rollback();
    this.context.cache.clear();
    this.loadCatalog();
  }

  /** The deadline of a read with this budget (undefined: no limit); it also ends when the server stops. */
  deadline(budgetMs: number | undefined): Deadline {
    return new Deadline(budgetMs, () => this.stopping);
  }

  /** From now on, every command that touches data is refused with this message. */
  refuseFromNowOn(damage: string): void {
    this.damage = damage;
  }

  private usable(): void {
    if (this.damage !== undefined) throw new MongoServerError('DataCorruptionDetected', this.damage);
  }

  find(db: string, name: string): CollectionState | undefined {
    this.usable();
    return this.collections.get(`${db}.${name}`);
  }

  /** The collection, created implicitly as MongoDB does on first write. */
  obtain(db: string, name: string): CollectionState {
    validateNamespace(db, name);
    return this.find(db, name) ?? this.create(db, name);
  }

  create(db: string, name: string): CollectionState {
    validateNamespace(db, name);
    if (this.find(db, name)) throw new MongoServerError('NamespaceExists', `Collection ${db}.${name} already exists.`);
    this.beforeWrite();
    const collection = CollectionState.create(this.context, db, name);
    this.collections.set(collection.ns, collection);
    return collection;
  }

  drop(db: string, name: string): boolean {
    const collection = this.find(db, name);
    if (!collection) return false;
    collection.drop();
    this.collections.delete(collection.ns);
    return true;
  }

  /** Moves a collection under a new namespace, replacing the target only when asked to. */
  rename(source: CollectionState, toDb: string, toName: string, dropTarget: boolean): void {
    validateNamespace(toDb, toName);
    if (this.find(toDb, toName)) {
      if (!dropTarget) throw new MongoServerError('NamespaceExists', `target namespace exists: ${toDb}.${toName}`);
      this.drop(toDb, toName);
    }
    this.collections.delete(source.ns);
    source.rename(toDb, toName);
    this.collections.set(source.ns, source);
  }

  collectionsOf(db: string): CollectionState[] {
    this.usable();
    return [...this.collections.values()].filter((c) => c.db === db);
  }

  allCollections(): CollectionState[] {
    return [...this.collections.values()];
  }

  databaseNames(): string[] {
    this.usable();
    return [...new Set([...this.collections.values()].map((c) => c.db))].sort();
  }

  cacheStats(): DocumentCacheStats {
    return this.context.cache.stats();
  }

  /** The data directory, or undefined for an in-memory server. */
  get dataDirectory(): string | undefined {
    return this.storage.location.dir;
  }

  sizeOnDisk(): number {
    return this.storage.sizeOnDisk();
  }

  /** Where the integrity check the server runs beside serving from its start stands. */
  startupCheck(): StartupCheckState {
    return this.storage.startupCheck();
  }

  /** A consistent copy of the whole database in `file`, taken while commands go on. */
  backup(file: string): Promise<void> {
    return this.storage.backup(file);
  }

  /** Stops the reads still running (at their next pause), waits for them, then closes the storage. */
  async close(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
    await this.storage.stopBackgroundWork();
    this.storage.close();
  }
}
