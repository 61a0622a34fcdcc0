/**
 * Secondary indexes: validated specs, and for each index a SQLite table of `(key, seq)` pairs,
 * one per distinct key of each document it covers (keys in the order-preserving encoding, so
 * lookups and ordered walks are range scans). An index enforces uniqueness and follows every
 * write. The `_id` index is the document table's own key column, so it is described here but
 * not stored twice.
 */
import type { Document } from 'bson';
import { Query } from '../query/mingo.context';
import { isPlainObject, pathHasArray, valueAtPath, valuesAtPath } from '../common/bson-value.util';
import { encodeCompoundKey } from './index-key.encoding';
import { KeyTable, type ScanCounters } from './key-table.scan';
import { MongoServerError } from '../common/mongo-server.error';
import { validateFilter } from '../query/query-filter.validator';
import type { SqliteStorage, StoredIndex } from './sqlite.storage';

export interface IndexSpec {
  v: 2;
  key: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
}

export const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

const ACCEPTED_OPTIONS = new Set([
  'key',
  'name',
  'unique',
  'sparse',
  'partialFilterExpression',
  'v',
  'background',
  'ns',
]);

/** Validates one entry of `createIndexes.indexes` and normalizes it, or says what is refused. */
export function parseIndexSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw)) throw new MongoServerError('TypeMismatch', 'each index specification must be an object');
  if (!isPlainObject(raw.key) || Object.keys(raw.key).length === 0) {
    throw new MongoServerError('CannotCreateIndex', 'index specification must have a non-empty "key" object');
  }
  const key: Record<string, 1 | -1> = {};
  for (const [field, direction] of Object.entries(raw.key)) {
    const numeric = typeof direction === 'number' ? direction : Number(direction?.valueOf?.());
    if (typeof direction === 'string' || !Number.isFinite(numeric) || numeric === 0) {
      throw new MongoServerError(
        'CannotCreateIndex',
        `index type ${JSON.stringify(direction)} on field "${field}" is not supported by the embedded server (only ascending 1 / descending -1 keys; no text, 2dsphere or hashed indexes)`,
      );
    }
    key[field] = numeric > 0 ? 1 : -1;
  }
  for (const option of Object.keys(raw)) {
    if (!ACCEPTED_OPTIONS.has(option)) {
      throw new MongoServerError('NotImplemented', `index option "${option}" is not supported by the embedded server`);
    }
  }
  if (typeof raw.name !== 'string' || raw.name === '') {
    throw new MongoServerError('CannotCreateIndex', 'index specification must have a "name" string');
  }
  const spec: IndexSpec = { v: 2, key, name: raw.name };
  if (raw.unique) spec.unique = true;
  if (raw.sparse) spec.sparse = true;
  if (raw.partialFilterExpression !== undefined) {
    if (!isPlainObject(raw.partialFilterExpression)) {
      throw new MongoServerError('TypeMismatch', 'partialFilterExpression must be an object');
    }
    validateFilter(raw.partialFilterExpression);
    spec.partialFilterExpression = raw.partialFilterExpression;
  }
  return spec;
}

export function sameKeyPattern(a: IndexSpec['key'], b: IndexSpec['key']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function keyPatternText(doc: Document): string {
  const parts = Object.entries(doc).map(
    ([k, v]) => `${k}: ${v === undefined ? 'null' : (JSON.stringify(v) ?? String(v))}`,
  );
  return `{ ${parts.join(', ')} }`;
}

export function duplicateKeyError(ns: string, spec: IndexSpec, keyValue: Document): MongoServerError {
  return new MongoServerError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${ns} index: ${spec.name} dup key: ${keyPatternText(keyValue)}`,
    { keyPattern: spec.key, keyValue },
  );
}

/** One key of a document in an index: its bytes, and the field values it is made of (for errors). */
export interface IndexKey {
  key: Buffer;
  values: unknown[];
}

/**
 * Whether two values give an index the same keys without encoding them: the very same value, or
 * arrays holding the very same elements in order (a replaced person's unchanged `identityKeys`).
 */
function sameElements(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => value === b[i]);
}

/** A document's keys in an index, by their bytes (as latin1 text, so that equal keys meet). */
export type DocumentKeys = Map<string, IndexKey>;

/** A secondary index: every distinct key of every document it covers, paired with the document's seq. */
export class SecondaryIndex {
  readonly fields: string[];
  private readonly topLevelFields: string[];
  private readonly partialFilter?: Query;
  readonly keys: KeyTable;
  private readonly insertSql: string;
  private readonly deleteSql: string;

  constructor(
    readonly spec: IndexSpec,
    readonly table: string,
    /** Per field: whether some document had an array on its path, so that its keys are elements. */
    readonly multikey: boolean[],
    private readonly storage: SqliteStorage,
    counters: ScanCounters,
  ) {
    this.fields = Object.keys(spec.key);
    this.topLevelFields = [...new Set(this.fields.map((field) => field.split('.')[0]))];
    if (spec.partialFilterExpression) this.partialFilter = new Query(spec.partialFilterExpression, {});
    this.keys = new KeyTable(storage, table, 'key', counters);
    this.insertSql = `INSERT INTO "${table}" (key, seq) VALUES (?, ?)`;
    this.deleteSql = `DELETE FROM "${table}" WHERE key = ? AND seq = ?`;
  }

  /** A new, empty index with its table. */
  static create(storage: SqliteStorage, counters: ScanCounters, table: string, spec: IndexSpec): SecondaryIndex {
    storage.exec(
      `CREATE TABLE "${table}" (key BLOB NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)) WITHOUT ROWID`,
    );
    return new SecondaryIndex(
      spec,
      table,
      Object.keys(spec.key).map(() => false),
      storage,
      counters,
    );
  }

  get stored(): StoredIndex {
    return { spec: this.spec, table: this.table, multikey: [...this.multikey] };
  }

  drop(): void {
    this.storage.exec(`DROP TABLE "${this.table}"`);
    this.storage.forgetTable(this.table);
  }

  get firstField(): string {
    return this.fields[0];
  }

  private covers(doc: Document): boolean {
    if (this.partialFilter && !this.partialFilter.test(doc)) return false;
    if (this.spec.sparse && this.fields.every((f) => valueAtPath(doc, f) === undefined)) return false;
    return true;
  }

  /** The document's keys: one per combination of its values on the indexed fields (a missing value is null). */
  keysOf(doc: Document): DocumentKeys {
    const keys: DocumentKeys = new Map();
    if (!this.covers(doc)) return keys;
    let combinations: unknown[][] = [[]];
    for (const field of this.fields) {
      const values = valuesAtPath(doc, field);
      combinations =
        values.length === 1
          ? combinations.map((prefix) => [...prefix, values[0]])
          : combinations.flatMap((prefix) => values.map((value) => [...prefix, value]));
    }
    for (const values of combinations) {
      const key = encodeCompoundKey(values);
      keys.set(key.toString('latin1'), { key, values });
    }
    return keys;
  }

  /** Marks the fields on which `doc` holds arrays; true when that changed what is known (save the catalog). */
  noteArrays(doc: Document): boolean {
    let changed = false;
    this.fields.forEach((field, i) => {
      if (!this.multikey[i] && pathHasArray(doc, field)) {
        this.multikey[i] = true;
        changed = true;
      }
    });
    return changed;
  }

  private keyValue(values: unknown[]): Document {
    return Object.fromEntries(this.fields.map((f, i) => [f, values[i] === undefined ? null : values[i]]));
  }

  /** Throws the duplicate-key error if a unique index already holds one of `keys` for another document. */
  checkUnique(ns: string, seq: number, keys: Iterable<IndexKey>): void {
    if (!this.spec.unique) return;
    for (const { key, values } of keys) {
      if (this.keys.holderOtherThan(key, seq) !== undefined)
        throw duplicateKeyError(ns, this.spec, this.keyValue(values));
    }
  }

  /** Whether the index holds this pair (for a full check). */
  holds(key: Buffer, seq: number): boolean {
    return (
      this.storage.statement(`SELECT 1 FROM "${this.table}" WHERE key = ? AND seq = ?`).get(key, seq) !== undefined
    );
  }

  /** How many pairs the index holds (for a full check). */
  size(): number {
    return this.storage.statement(`SELECT count(*) FROM "${this.table}"`).pluck().get() as number;
  }

  add(seq: number, keys: Iterable<Buffer>): void {
    const insert = this.storage.statement(this.insertSql);
    for (const key of keys) insert.run(key, seq);
  }

  remove(seq: number, keys: Iterable<Buffer>): void {
    const remove = this.storage.statement(this.deleteSql);
    for (const key of keys) remove.run(key, seq);
  }

  /**
   * The keys a change from `previous` to `next` takes away and brings, after checking that none
   * it brings is taken (a large array with one new element costs one key, not all of them);
   * undefined when the change touches nothing this index holds.
   */
  diff(
    ns: string,
    seq: number,
    previous: Document,
    next: Document,
  ): { removed: Buffer[]; added: Buffer[] } | undefined {
    // Updates copy only the top-level fields they change, and a replacement repeats the lists it
    // does not change, so an index whose fields still hold the same values (or the same elements
    // in the same order) has nothing to do. A partial filter may read other fields.
    if (!this.partialFilter && this.topLevelFields.every((field) => sameElements(previous[field], next[field])))
      return undefined;
    const before = this.keysOf(previous);
    const after = this.keysOf(next);
    const added = [...after].filter(([text]) => !before.has(text)).map(([, key]) => key);
    const removed = [...before].filter(([text]) => !after.has(text)).map(([, { key }]) => key);
    if (!added.length && !removed.length) return undefined;
    this.checkUnique(ns, seq, added);
    return { removed, added: added.map(({ key }) => key) };
  }
}
