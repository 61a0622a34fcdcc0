/**
 * What a storage engine must do for the server: hand back everything it holds when the
 * server starts, and apply one command's changes atomically before that command is
 * acknowledged. Queries never reach storage; the working set lives in memory.
 */
import type { Document } from 'bson';
import type { IndexSpec } from './index.catalog';

export interface StoredCollection {
  db: string;
  name: string;
  indexes: IndexSpec[];
  documents: Document[];
}

export type StorageChange =
  | { kind: 'createCollection'; db: string; name: string; indexes: IndexSpec[] }
  | { kind: 'dropCollection'; db: string; name: string }
  | { kind: 'renameCollection'; db: string; name: string; toDb: string; toName: string }
  | { kind: 'setIndexes'; db: string; name: string; indexes: IndexSpec[] }
  | { kind: 'putDocument'; db: string; name: string; idKey: string; document: Document }
  | { kind: 'deleteDocument'; db: string; name: string; idKey: string };

export interface DocumentStorage {
  /** Everything stored, read once at start. */
  load(): StoredCollection[];
  /** Applies all changes in one atomic, durable step; throws if it cannot. */
  apply(changes: StorageChange[]): void;
  close(): void;
  /** Bytes on disk, for listDatabases/serverStatus (0 when nothing is on disk). */
  sizeOnDisk(): number;
}
