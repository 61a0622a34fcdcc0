/**
 * Secondary indexes: validated specs, and for each index a map from key to document ids
 * that enforces uniqueness, answers equality / `$in` / prefix lookups, and hands out
 * documents in key order for sorts. The `_id` index is the collection's own id map, so it
 * is described here but not stored twice.
 */
import type { Document } from 'bson';
import { Query } from './mingo.context';
import { isPlainObject, pathHasArray, valueAtPath, valueKey, valuesAtPath } from './bson-value.util';
import { MongoServerError } from './mongo-server.error';
import { OrderedKeys } from './ordered-keys.list';
import type { RangeBound } from './query.planner';
import { validateFilter } from './query-filter.validator';

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

interface DocumentKeys {
  /** Full (compound) key -> the values of the indexed fields it is made of. */
  full: Map<string, unknown[]>;
  /** First-field key -> the value it stands for. */
  first: Map<string, unknown>;
}

/** A secondary index: every key of every document it covers, mapped to the document ids holding it. */
export class SecondaryIndex {
  private readonly fields: string[];
  private readonly topLevelFields: string[];
  /** Full (compound) key -> ids; what uniqueness is checked against. */
  private readonly entries = new Map<string, Set<string>>();
  /** First field's key -> ids; what equality lookups use (same map when the index has one field). */
  private readonly byFirstField: Map<string, Set<string>>;
  private readonly partialFilter?: Query;
  /** The value behind each first-field key, to (re)build the ordered key list. */
  private readonly firstValues = new Map<string, unknown>();
  private ordered: OrderedKeys | undefined;
  /** Some document had an array on the first field: its keys are elements, not sort values. */
  private multikey = false;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.topLevelFields = [...new Set(this.fields.map((field) => field.split('.')[0]))];
    this.byFirstField = this.fields.length === 1 ? this.entries : new Map();
    if (spec.partialFilterExpression) this.partialFilter = new Query(spec.partialFilterExpression, {});
  }

  get firstField(): string {
    return this.fields[0];
  }

  /** Only a full index may answer a lookup: sparse and partial ones leave documents out. */
  get usableForLookup(): boolean {
    return !this.spec.sparse && !this.partialFilter;
  }

  /** Whether walking the first field's keys in order yields documents in that field's sort order. */
  get usableForSort(): boolean {
    return this.usableForLookup && !this.multikey;
  }

  private orderedKeys(): OrderedKeys {
    this.ordered ??= new OrderedKeys(this.firstValues);
    return this.ordered;
  }

  private covers(doc: Document): boolean {
    if (this.partialFilter && !this.partialFilter.test(doc)) return false;
    if (this.spec.sparse && this.fields.every((f) => valueAtPath(doc, f) === undefined)) return false;
    return true;
  }

  /** A document's keys: full (compound) keys with their field values, and first-field keys with their values. */
  private keysOf(doc: Document): DocumentKeys {
    const keys: DocumentKeys = { full: new Map(), first: new Map() };
    if (!this.covers(doc)) return keys;
    const perField = this.fields.map((field) => distinctByKey(valuesAtPath(doc, field)));
    keys.first = perField[0];
    if (perField.length === 1) {
      for (const [key, value] of perField[0]) keys.full.set(key, [value]);
      return keys;
    }
    let combos: Array<{ key: string; values: unknown[] }> = [{ key: '', values: [] }];
    perField.forEach((distinct, i) => {
      combos = combos.flatMap((prefix) =>
        [...distinct].map(([key, value]) => ({
          key: i === 0 ? key : `${prefix.key}\u0000${key}`,
          values: [...prefix.values, value],
        })),
      );
    });
    for (const combo of combos) keys.full.set(combo.key, combo.values);
    return keys;
  }

  private keyValue(values: unknown[]): Document {
    return Object.fromEntries(this.fields.map((f, i) => [f, values[i] === undefined ? null : values[i]]));
  }

  private checkNewKeys(ns: string, idKey: string, keys: Map<string, unknown[]>, except?: Map<string, unknown[]>): void {
    if (!this.spec.unique) return;
    for (const [full, values] of keys) {
      if (except?.has(full)) continue;
      const holders = this.entries.get(full);
      if (holders && (holders.size > 1 || !holders.has(idKey)))
        throw duplicateKeyError(ns, this.spec, this.keyValue(values));
    }
  }

  /** Throws the duplicate-key error if `doc` (with id `idKey`) would break this unique index. */
  checkUnique(ns: string, idKey: string, doc: Document): void {
    this.checkNewKeys(ns, idKey, this.keysOf(doc).full);
  }

  private addKeys(idKey: string, full: Iterable<string>, first: Iterable<[string, unknown]>): void {
    for (const key of full) addTo(this.entries, key, idKey);
    for (const [key, value] of first) {
      const isNew =
        this.byFirstField === this.entries ? !this.firstValues.has(key) : addTo(this.byFirstField, key, idKey);
      if (isNew) this.firstKeyAppeared(key, value);
    }
  }

  private removeKeys(idKey: string, full: Iterable<string>, first: Iterable<[string, unknown]>): void {
    for (const key of full) removeFrom(this.entries, key, idKey);
    for (const [key, value] of first) {
      const isGone =
        this.byFirstField === this.entries ? !this.entries.has(key) : removeFrom(this.byFirstField, key, idKey);
      if (isGone && this.firstValues.delete(key)) this.firstKeyVanished(key, value);
    }
  }

  private firstKeyAppeared(key: string, value: unknown): void {
    this.firstValues.set(key, value);
    this.ordered?.insert(key, value);
    if (this.ordered && !this.ordered.worthKeeping) this.ordered = undefined;
  }

  private firstKeyVanished(key: string, value: unknown): void {
    this.ordered?.remove(key, value);
    if (this.ordered && !this.ordered.worthKeeping) this.ordered = undefined;
  }

  add(idKey: string, doc: Document): void {
    if (!this.multikey && pathHasArray(doc, this.firstField)) this.multikey = true;
    const keys = this.keysOf(doc);
    this.addKeys(idKey, keys.full.keys(), keys.first);
  }

  remove(idKey: string, doc: Document): void {
    const keys = this.keysOf(doc);
    this.removeKeys(idKey, keys.full.keys(), keys.first);
  }

  /**
   * Moves a document from its previous to its next version, touching only the keys that
   * differ (a large array field with one new element costs one key, not all of them).
   * Throws the duplicate-key error, changing nothing, if a new key is taken.
   */
  replace(ns: string, idKey: string, previous: Document, next: Document): void {
    // Updates copy only the top-level fields they change, so an index whose fields still hold
    // the very same values (or objects) has nothing to do. A partial filter may read other fields.
    if (!this.partialFilter && this.topLevelFields.every((field) => previous[field] === next[field])) return;
    const before = this.keysOf(previous);
    const after = this.keysOf(next);
    this.checkNewKeys(ns, idKey, after.full, before.full);
    if (!this.multikey && pathHasArray(next, this.firstField)) this.multikey = true;
    const notIn = <V>(map: Map<string, V>, other: Map<string, unknown>) => [...map].filter(([key]) => !other.has(key));
    this.removeKeys(
      idKey,
      notIn(before.full, after.full).map(([key]) => key),
      notIn(before.first, after.first),
    );
    this.addKeys(
      idKey,
      notIn(after.full, before.full).map(([key]) => key),
      notIn(after.first, before.first),
    );
  }

  /** Ids of documents with a string in the first indexed field that starts with `prefix`. */
  lookupPrefix(prefix: string): Set<string> {
    const ids = new Set<string>();
    for (const key of this.orderedKeys().withPrefix(prefix)) {
      for (const id of this.byFirstField.get(key) ?? []) ids.add(id);
    }
    return ids;
  }

  /**
   * Ids of documents with a first-field value within the bounds. On a multikey index the two
   * bounds may be met by different elements of one array, so only the lower one narrows.
   */
  lookupRange(lower: RangeBound | undefined, upper: RangeBound | undefined): Set<string> {
    const ids = new Set<string>();
    const keys =
      this.multikey && lower ? this.orderedKeys().inRange(lower, undefined) : this.orderedKeys().inRange(lower, upper);
    for (const key of keys) {
      for (const id of this.byFirstField.get(key) ?? []) ids.add(id);
    }
    return ids;
  }

  /** Groups of ids with equal first-field values, in that field's sort order (see usableForSort). */
  *idsInOrder(direction: 1 | -1): Generator<Set<string>> {
    for (const key of this.orderedKeys().inOrder(direction)) {
      const ids = this.byFirstField.get(key);
      if (ids) yield ids;
    }
  }

  /** Ids of documents whose first indexed field equals one of `values`. */
  lookup(values: unknown[]): Set<string> {
    const ids = new Set<string>();
    for (const value of values) {
      for (const id of this.byFirstField.get(valueKey(value)) ?? []) ids.add(id);
    }
    return ids;
  }
}

/** Values by their key, each key once (an array holding a value twice indexes it once). */
function distinctByKey(values: unknown[]): Map<string, unknown> {
  const distinct = new Map<string, unknown>();
  for (const value of values) {
    const key = valueKey(value);
    if (!distinct.has(key)) distinct.set(key, value);
  }
  return distinct;
}

/** Adds `id` under `key`; true when the key is new to the map. */
function addTo(map: Map<string, Set<string>>, key: string, id: string): boolean {
  const set = map.get(key);
  if (set) {
    set.add(id);
    return false;
  }
  map.set(key, new Set([id]));
  return true;
}

/** Removes `id` from under `key`; true when the key is gone from the map. */
function removeFrom(map: Map<string, Set<string>>, key: string, id: string): boolean {
  const set = map.get(key);
  if (!set) return false;
  set.delete(id);
  if (set.size > 0) return false;
  map.delete(key);
  return true;
}
