/**
 * All databases and collections of one server and the write-through to storage: commands
 * change the in-memory collections, which record their changes here, and `commit()` hands
 * one command's changes to storage in a single transaction before the reply is sent.
 */
import { CollectionState } from './collection.state';
import { ID_INDEX } from './index.catalog';
import { MongoServerError } from './mongo-server.error';
import type { DocumentStorage, StorageChange } from './storage.type';

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

export class DatabaseEngine {
  private readonly collections = new Map<string, CollectionState>();
  private pending: StorageChange[] = [];

  constructor(private readonly storage: DocumentStorage) {
    for (const stored of storage.load()) {
      this.newCollection(stored.db, stored.name).restore(stored.indexes, stored.documents);
    }
  }

  private readonly recordChange = (change: StorageChange): void => {
    this.pending.push(change);
  };

  private newCollection(db: string, name: string): CollectionState {
    const collection = new CollectionState(db, name, this.recordChange);
    this.collections.set(`${db}.${name}`, collection);
    return collection;
  }

  find(db: string, name: string): CollectionState | undefined {
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
    const collection = this.newCollection(db, name);
    this.recordChange({ kind: 'createCollection', db, name, indexes: [ID_INDEX] });
    return collection;
  }

  drop(db: string, name: string): boolean {
    if (!this.collections.delete(`${db}.${name}`)) return false;
    this.recordChange({ kind: 'dropCollection', db, name });
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
    this.newCollection(toDb, toName).restore(source.indexSpecs, [...source.documents.values()]);
    this.recordChange({ kind: 'renameCollection', db: source.db, name: source.name, toDb, toName });
  }

  collectionsOf(db: string): CollectionState[] {
    return [...this.collections.values()].filter((c) => c.db === db);
  }

  databaseNames(): string[] {
    return [...new Set([...this.collections.values()].map((c) => c.db))].sort();
  }

  /**
   * Why storage refused a commit, once it has: memory then holds changes the disk does not,
   * so data commands are refused until a restart reloads what was really stored.
   */
  storageFailure: string | undefined;

  /** Writes the changes of the command that just ran; called once per command, success or not. */
  commit(): void {
    if (this.pending.length === 0) return;
    const changes = this.pending;
    this.pending = [];
    try {
      this.storage.apply(changes);
    } catch (err) {
      this.storageFailure = (err as Error).message;
      throw err;
    }
  }

  sizeOnDisk(): number {
    return this.storage.sizeOnDisk();
  }

  close(): void {
    this.storage.close();
  }
}
