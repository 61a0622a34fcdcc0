/**
 * One collection in SQLite: a table of documents (`seq` in insertion order, the `_id` key, the
 * BSON bytes and their checksum) and its secondary indexes. Documents are read on demand,
 * through the server's cache of decoded documents, and every read from SQLite is checked against
 * its checksum, so a damaged document is reported, never served. Every write keeps the indexes
 * in step; a write's checks (duplicate keys, size) all happen before it changes anything.
 */
import { BSON, EJSON, type Document } from 'bson';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { cachedMemoryOf, type DocumentCache } from './document.cache';
import { decodeKey, encodeKey } from './index-key.encoding';
import { duplicateKeyError, ID_INDEX, SecondaryIndex, type IndexSpec } from './index.catalog';
import { KeyTable, type ScanCounters } from './key-table.scan';
import { MongoServerError } from '../common/mongo-server.error';
import type { SqliteStorage, StoredIndex } from './sqlite.storage';
import { recoverySteps } from './storage.error';

const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024;
/** Documents read per statement in a collection scan. */
const SCAN_CHUNK = 256;
/**
 * Where a document read from or written to a collection is stored, so writes find their row
 * without a lookup: a symbol, invisible to BSON, projections, copies and every other reader.
 */
const SEQ = Symbol('seq');

type Stored = Document & { [SEQ]?: number };

export interface StorageCounters extends ScanCounters {
  docsExamined: number;
}

/** What every collection of a server shares. */
export interface CollectionContext {
  storage: SqliteStorage;
  cache: DocumentCache;
  counters: StorageCounters;
  /** Called before any change: refuses writes where none may happen, and opens the transaction. */
  beforeWrite(): void;
  /** Called with the size of each document version written. */
  wrote(bytes: number): void;
}

function serialize(doc: Document): Buffer {
  const serialized = BSON.serialize(doc);
  // Inserts, upserts and updates alike may not produce a document MongoDB could not store.
  if (serialized.length > MAX_DOCUMENT_SIZE) {
    throw new MongoServerError(
      'BSONObjectTooLarge',
      `document too large: ${serialized.length} bytes, the maximum is ${MAX_DOCUMENT_SIZE}`,
    );
  }
  return Buffer.from(serialized.buffer, serialized.byteOffset, serialized.length);
}

function checksum(bytes: Buffer): number {
  return crc32(bytes);
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class CollectionState {
  readonly idKeys: KeyTable;
  private secondary: SecondaryIndex[];
  private documentCount: number | undefined;
  private readonly table: string;
  /** The documents decoded so far, to judge the collection's size. */
  private decodedBytes = 0;
  private decodedCount = 0;
  /** Set once the collection is dropped: a read still running on it stops. */
  dropped = false;

  constructor(
    private readonly context: CollectionContext,
    readonly id: number,
    private database: string,
    private collectionName: string,
    indexes: StoredIndex[],
  ) {
    this.table = `docs_${id}`;
    this.idKeys = new KeyTable(context.storage, this.table, 'id', context.counters);
    this.secondary = indexes.map(
      (stored) => new SecondaryIndex(stored.spec, stored.table, stored.multikey, context.storage, context.counters),
    );
  }

  /** A new, empty collection with its tables and catalog entry. */
  static create(context: CollectionContext, db: string, name: string): CollectionState {
    const id = context.storage.addCatalogEntry(db, name);
    context.storage.exec(
      `CREATE TABLE "docs_${id}" (seq INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, doc BLOB NOT NULL, crc INTEGER NOT NULL)`,
    );
    return new CollectionState(context, id, db, name, []);
  }

  get db(): string {
    return this.database;
  }

  get name(): string {
    return this.collectionName;
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get indexSpecs(): IndexSpec[] {
    return [ID_INDEX, ...this.secondary.map((index) => index.spec)];
  }

  get indexes(): readonly SecondaryIndex[] {
    return this.secondary;
  }

  /** How many documents the collection holds (counted once, then kept in step with writes). */
  get count(): number {
    this.documentCount ??= this.context.storage
      .statement(`SELECT count(*) FROM "${this.table}"`)
      .pluck()
      .get() as number;
    return this.documentCount;
  }

  /** Forgets the kept count: after a rolled-back write it may be wrong. */
  forgetCount(): void {
    this.documentCount = undefined;
  }

  /** Where `doc`, as read from or written to this collection, is stored. */
  seqOf(doc: Document): number {
    const seq = (doc as Stored)[SEQ];
    if (seq === undefined) throw new Error(`a document of ${this.ns} was written without having been read from it`);
    return seq;
  }

  /** A stored document's BSON, checked against its checksum, decoded (and kept in the cache when `keep`). */
  private decode(seq: number, bytes: Buffer, crc: number, keep = true): Document {
    if (checksum(bytes) !== crc) throw this.damaged(seq, 'its checksum does not match its contents');
    this.decodedBytes += bytes.length;
    this.decodedCount += 1;
    let doc: Document;
    try {
      doc = BSON.deserialize(bytes);
    } catch (err) {
      throw this.damaged(seq, `it is not valid BSON (${(err as Error).message})`);
    }
    (doc as Stored)[SEQ] = seq;
    if (keep) this.context.cache.set(this.id, seq, doc, bytes.length);
    return doc;
  }

  /** The error for a damaged document, naming it by the `_id` its key column holds (its bytes may be what is damaged). */
  private damaged(seq: number, why: string): MongoServerError {
    const { storage } = this.context;
    let shownId: string;
    try {
      const id = storage.statement(`SELECT id FROM "${this.table}" WHERE seq = ?`).pluck().get(seq) as Buffer;
      shownId = EJSON.stringify(decodeKey(id)[0] as Document, { relaxed: true });
    } catch {
      shownId = `(unreadable; stored at seq ${seq})`;
    }
    const next = storage.location.dir === undefined ? 'restart the server' : recoverySteps(storage.location.dir);
    return new MongoServerError(
      'DataCorruptionDetected',
      `the stored document with _id ${shownId} in ${this.ns} is damaged in ${storage.description}: ${why}; it is not served. Next: ${next}`,
      { ns: this.ns },
    );
  }

  /**
   * Whether the whole collection would fit in half the cache (judged by the documents decoded so
   * far): only then does a large read keep what it reads. A larger one would push the working set
   * out, and leave the garbage collector a heap of evicted documents.
   */
  fitsInCache(): boolean {
    const average = this.decodedCount ? this.decodedBytes / this.decodedCount : 0;
    return cachedMemoryOf(average) * this.count <= this.context.cache.maxBytes / 2;
  }

  /** The document stored at `seq`, or undefined when there is none (any more); cached unless `keep` is false. */
  document(seq: number, keep = true): Document | undefined {
    this.context.counters.docsExamined += 1;
    const cached = this.context.cache.get(this.id, seq);
    if (cached) return cached;
    const row = this.context.storage
      .statement(`SELECT doc, crc FROM "${this.table}" WHERE seq = ?`)
      .raw(true)
      .get(seq) as [Buffer, number] | undefined;
    return row ? this.decode(seq, row[0], row[1], keep) : undefined;
  }

  /** The document whose `_id` equals `id` (5, 5.0 and Long(5) alike, as the unique key compares them), if any. */
  byId(id: unknown): Document | undefined {
    const seq = this.idKeys.holderOf(encodeKey(id));
    return seq === undefined ? undefined : this.document(seq);
  }

  /**
   * The documents stored at `seqs` (ascending), skipping any no longer there: from the cache, and
   * what it lacks read in one statement and kept.
   */
  private scanned(seqs: number[]): Document[] {
    const { cache, counters, storage } = this.context;
    counters.docsExamined += seqs.length;
    const found: Array<Document | undefined> = seqs.map((seq) => cache.get(this.id, seq));
    if (found.every((doc) => doc !== undefined)) return found as Document[];
    const rows = storage
      .statement(`SELECT seq, doc, crc FROM "${this.table}" WHERE seq >= ? AND seq <= ? ORDER BY seq`)
      .raw(true)
      .all(seqs[0], seqs[seqs.length - 1]) as Array<[number, Buffer, number]>;
    const bySeq = new Map(rows.map((row) => [row[0], row]));
    seqs.forEach((seq, i) => {
      const row = found[i] ? undefined : bySeq.get(seq);
      if (row) found[i] = this.decode(seq, row[1], row[2]);
    });
    return found.filter((doc) => doc !== undefined);
  }

  /**
   * Every document in insertion order, a chunk at a time (each chunk read at once, so consistent
   * in itself). A collection that fits in the cache is read through it; a larger one is read
   * straight from its rows (few of them would be cached), and not kept.
   */
  *naturalOrder(): Generator<Document[]> {
    const { cache, counters, storage } = this.context;
    const seqsAfter = storage
      .statement(`SELECT seq FROM "${this.table}" WHERE seq > ? ORDER BY seq LIMIT ${SCAN_CHUNK}`)
      .pluck();
    const rowsAfter = storage
      .statement(`SELECT seq, doc, crc FROM "${this.table}" WHERE seq > ? ORDER BY seq LIMIT ${SCAN_CHUNK}`)
      .raw(true);
    for (let after = 0, read = SCAN_CHUNK; read === SCAN_CHUNK;) {
      this.checkNotDropped();
      let docs: Document[];
      if (this.fitsInCache()) {
        const seqs = seqsAfter.all(after) as number[];
        read = seqs.length;
        if (read) after = seqs[read - 1];
        docs = this.scanned(seqs);
      } else {
        const rows = rowsAfter.all(after) as Array<[number, Buffer, number]>;
        read = rows.length;
        if (read) after = rows[read - 1][0];
        counters.docsExamined += read;
        docs = rows.map(([seq, bytes, crc]) => cache.get(this.id, seq) ?? this.decode(seq, bytes, crc, false));
      }
      if (docs.length) yield docs;
    }
  }

  /**
   * Reads every stored document and compares every index with them: the problems found, as
   * lines naming the collection, the document and the index (for `newsgraph-mongod --check`).
   */
  *verify(): Generator<string, { documents: number }> {
    const chunk = this.context.storage
      .statement(`SELECT seq, id, doc, crc FROM "${this.table}" WHERE seq > ? ORDER BY seq LIMIT ${SCAN_CHUNK}`)
      .raw(true);
    const expectedKeys = this.secondary.map(() => 0);
    let documents = 0;
    let unreadable = 0;
    for (let after = 0; ;) {
      const rows = chunk.all(after) as Array<[number, Buffer, Buffer, number]>;
      if (rows.length === 0) break;
      after = rows[rows.length - 1][0];
      for (const [seq, id, bytes, crc] of rows) {
        documents += 1;
        let doc: Document;
        try {
          doc = this.decode(seq, bytes, crc, false);
        } catch (err) {
          unreadable += 1;
          yield (err as Error).message;
          continue;
        }
        if (!encodeKey(doc._id).equals(id)) {
          yield `${this.ns}: the document stored at seq ${seq} has an _id that differs from its key`;
        }
        for (const [i, index] of this.secondary.entries()) {
          for (const { key } of index.keysOf(doc).values()) {
            expectedKeys[i] += 1;
            if (!index.holds(key, seq))
              yield `${this.ns}: index ${index.spec.name} lacks a key of the document at seq ${seq}`;
          }
        }
      }
    }
    // An unreadable document's keys are unknown: the counts cannot be compared.
    for (const [i, index] of unreadable ? [] : this.secondary.entries()) {
      const size = index.size();
      if (size !== expectedKeys[i])
        yield `${this.ns}: index ${index.spec.name} holds ${size} keys where its documents have ${expectedKeys[i]}`;
    }
    return { documents };
  }

  /** Stops a read that is still running on a collection dropped meanwhile. */
  checkNotDropped(): void {
    if (this.dropped)
      throw new MongoServerError('QueryPlanKilled', `collection ${this.ns} was dropped during the query`);
  }

  private saveIndexes(indexes: SecondaryIndex[]): void {
    this.context.storage.saveIndexes(
      this.id,
      indexes.map((index) => index.stored),
    );
  }

  /** Records arrays met on indexed fields, which change how those indexes may be used. */
  private noteArrays(doc: Document): void {
    let changed = false;
    for (const index of this.secondary) changed = index.noteArrays(doc) || changed;
    if (changed) this.saveIndexes(this.secondary);
  }

  insert(doc: Document): void {
    this.context.beforeWrite();
    const bytes = serialize(doc);
    this.context.wrote(bytes.length);
    const id = encodeKey(doc._id);
    const keys = this.secondary.map((index) => index.keysOf(doc));
    this.secondary.forEach((index, i) => index.checkUnique(this.ns, -1, keys[i].values()));
    let seq: number;
    try {
      const inserted = this.context.storage
        .statement(`INSERT INTO "${this.table}" (id, doc, crc) VALUES (?, ?, ?)`)
        .run(id, bytes, checksum(bytes));
      seq = Number(inserted.lastInsertRowid);
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateKeyError(this.ns, ID_INDEX, { _id: doc._id });
      throw err;
    }
    this.secondary.forEach((index, i) =>
      index.add(
        seq,
        [...keys[i].values()].map(({ key }) => key),
      ),
    );
    this.noteArrays(doc);
    if (this.documentCount !== undefined) this.documentCount += 1;
    // Not cached: a write keeps the cache current but does not grow it, so a bulk load does not
    // churn out the documents being read (nor leave the garbage collector a heap of evicted ones).
    (doc as Stored)[SEQ] = seq;
  }

  /** Replaces a document by a new version with the same `_id`. */
  replace(previous: Document, next: Document): void {
    this.context.beforeWrite();
    const seq = this.seqOf(previous);
    const id = encodeKey(previous._id);
    if (!encodeKey(next._id).equals(id)) {
      throw new MongoServerError(
        'ImmutableField',
        "Performing an update on the path '_id' would modify the immutable field '_id'",
      );
    }
    const bytes = serialize(next);
    this.context.wrote(bytes.length);
    const changes = this.secondary.map((index) => index.diff(this.ns, seq, previous, next));
    this.context.storage
      .statement(`UPDATE "${this.table}" SET doc = ?, crc = ? WHERE seq = ?`)
      .run(bytes, checksum(bytes), seq);
    this.secondary.forEach((index, i) => {
      const change = changes[i];
      if (!change) return;
      index.remove(seq, change.removed);
      index.add(seq, change.added);
    });
    this.noteArrays(next);
    (next as Stored)[SEQ] = seq;
    this.context.cache.replace(this.id, seq, next, bytes.length);
  }

  remove(doc: Document): void {
    this.context.beforeWrite();
    const seq = this.seqOf(doc);
    const removed = this.context.storage.statement(`DELETE FROM "${this.table}" WHERE seq = ?`).run(seq);
    if (removed.changes === 0) return;
    for (const index of this.secondary)
      index.remove(
        seq,
        [...index.keysOf(doc).values()].map(({ key }) => key),
      );
    if (this.documentCount !== undefined) this.documentCount -= 1;
    this.context.cache.delete(this.id, seq);
  }

  /** Adds an index over the existing documents; fails without changing anything on a duplicate. */
  createIndex(spec: IndexSpec): void {
    this.context.beforeWrite();
    const { storage, counters } = this.context;
    this.secondary = storage.atomically(() => {
      const table = `keys_${this.id}_${randomBytes(4).toString('hex')}`;
      const index = SecondaryIndex.create(storage, counters, table, spec);
      for (const docs of this.naturalOrder()) {
        for (const doc of docs) {
          const seq = this.seqOf(doc);
          const keys = index.keysOf(doc);
          index.checkUnique(this.ns, seq, keys.values());
          index.add(
            seq,
            [...keys.values()].map(({ key }) => key),
          );
          index.noteArrays(doc);
        }
      }
      const indexes = [...this.secondary, index];
      this.saveIndexes(indexes);
      return indexes;
    });
  }

  dropIndex(name: string): void {
    const index = this.secondary.find((candidate) => candidate.spec.name === name);
    if (!index) return;
    this.context.beforeWrite();
    const remaining = this.secondary.filter((candidate) => candidate !== index);
    this.context.storage.atomically(() => {
      index.drop();
      this.saveIndexes(remaining);
    });
    this.secondary = remaining;
  }

  /** Removes the collection's tables and catalog entry. */
  drop(): void {
    this.context.beforeWrite();
    const { storage, cache } = this.context;
    storage.atomically(() => {
      for (const index of this.secondary) index.drop();
      storage.exec(`DROP TABLE "${this.table}"`);
      storage.forgetTable(this.table);
      storage.deleteCatalogEntry(this.id);
    });
    cache.dropCollection(this.id);
    this.dropped = true;
  }

  /** Moves the collection under another name (its tables stay as they are). */
  rename(db: string, name: string): void {
    this.context.beforeWrite();
    this.context.storage.renameCatalogEntry(this.id, db, name);
    this.database = db;
    this.collectionName = name;
  }
}
