/**
 * One collection's working set: documents by canonical `_id` key in natural (insertion)
 * order, plus its secondary indexes. Every mutation keeps the indexes in step and reports
 * the change to the engine, which writes it through to storage.
 */
import { BSON, type Document } from 'bson';
import { isPlainObject, valueKey } from './bson-value.util';
import { duplicateKeyError, ID_INDEX, SecondaryIndex, type IndexSpec } from './index.catalog';
import { MongoServerError } from './mongo-server.error';
import { indexConditions, orBranches, type IndexCondition } from './query.planner';
import type { StorageChange } from './storage.type';

const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024;

function lookupIn(index: SecondaryIndex, condition: IndexCondition): Set<string> {
  switch (condition.kind) {
    case 'equality':
      return index.lookup(condition.values);
    case 'prefix':
      return index.lookupPrefix(condition.prefix);
    case 'range':
      return index.lookupRange(condition.lower, condition.upper);
  }
}

function isPlainScalar(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && !Number.isNaN(value)) ||
    value instanceof Date
  );
}

/** Inserts, upserts and updates alike may not produce a document MongoDB could not store. */
function checkSize(doc: Document): void {
  const size = BSON.calculateObjectSize(doc);
  if (size > MAX_DOCUMENT_SIZE) {
    throw new MongoServerError(
      'BSONObjectTooLarge',
      `document too large: ${size} bytes, the maximum is ${MAX_DOCUMENT_SIZE}`,
    );
  }
}

export class CollectionState {
  readonly documents = new Map<string, Document>();
  private secondary: SecondaryIndex[] = [];

  constructor(
    readonly db: string,
    readonly name: string,
    private readonly record: (change: StorageChange) => void,
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get indexSpecs(): IndexSpec[] {
    return [ID_INDEX, ...this.secondary.map((index) => index.spec)];
  }

  /** Loads stored state without recording changes (they are already stored). */
  restore(indexes: IndexSpec[], documents: Document[]): void {
    for (const doc of documents) this.documents.set(valueKey(doc._id), doc);
    for (const spec of indexes) if (spec.name !== ID_INDEX.name) this.buildIndex(spec);
  }

  insert(doc: Document): void {
    checkSize(doc);
    const idKey = valueKey(doc._id);
    if (this.documents.has(idKey)) throw duplicateKeyError(this.ns, ID_INDEX, { _id: doc._id });
    for (const index of this.secondary) index.checkUnique(this.ns, idKey, doc);
    this.documents.set(idKey, doc);
    for (const index of this.secondary) index.add(idKey, doc);
    this.record({ kind: 'putDocument', db: this.db, name: this.name, idKey, document: doc });
  }

  /** Replaces a document by a new version with the same `_id`. */
  replace(previous: Document, next: Document): void {
    checkSize(next);
    const idKey = valueKey(previous._id);
    if (valueKey(next._id) !== idKey) {
      throw new MongoServerError(
        'ImmutableField',
        "Performing an update on the path '_id' would modify the immutable field '_id'",
      );
    }
    const done: typeof this.secondary = [];
    try {
      for (const index of this.secondary) {
        index.replace(this.ns, idKey, previous, next);
        done.push(index);
      }
    } catch (err) {
      for (const index of done) index.replace(this.ns, idKey, next, previous);
      throw err;
    }
    this.documents.set(idKey, next);
    this.record({ kind: 'putDocument', db: this.db, name: this.name, idKey, document: next });
  }

  remove(doc: Document): void {
    const idKey = valueKey(doc._id);
    if (!this.documents.delete(idKey)) return;
    for (const index of this.secondary) index.remove(idKey, doc);
    this.record({ kind: 'deleteDocument', db: this.db, name: this.name, idKey });
  }

  /** Adds an index over the existing documents; fails without changing anything on a duplicate. */
  createIndex(spec: IndexSpec): void {
    this.buildIndex(spec);
    this.record({ kind: 'setIndexes', db: this.db, name: this.name, indexes: this.indexSpecs });
  }

  private buildIndex(spec: IndexSpec): void {
    const index = new SecondaryIndex(spec);
    for (const [idKey, doc] of this.documents) {
      index.checkUnique(this.ns, idKey, doc);
      index.add(idKey, doc);
    }
    this.secondary.push(index);
  }

  dropIndex(name: string): void {
    this.secondary = this.secondary.filter((index) => index.spec.name !== name);
    this.record({ kind: 'setIndexes', db: this.db, name: this.name, indexes: this.indexSpecs });
  }

  /**
   * The documents matching a filter that is one top-level field equal to one of some non-null
   * scalars, read from `_id` or an index without testing each document: for such a filter an
   * index's keys are exactly MongoDB's equality, element by element on arrays. This is what
   * spares testing every document of a long `$in` (mingo rebuilds the list's set per document).
   * Undefined for any other filter.
   */
  exactMatches(filter: Document): Document[] | undefined {
    const paths = Object.keys(filter);
    if (paths.length !== 1 || paths[0].startsWith('$') || paths[0].includes('.')) return undefined;
    const operand: unknown = filter[paths[0]];
    const operators = isPlainObject(operand) ? Object.keys(operand) : [];
    if (operators.length > 1 || (operators.length === 1 && operators[0] !== '$in' && operators[0] !== '$eq'))
      return undefined;
    const [condition] = indexConditions(filter);
    if (condition?.kind !== 'equality' || !condition.values.every(isPlainScalar)) return undefined;
    if (condition.path === '_id') return this.candidates(filter);
    const index = this.secondary.find((i) => i.usableForLookup && i.firstField === condition.path);
    return index ? this.documentsOf(index.lookup(condition.values)) : undefined;
  }

  /**
   * The documents that may match `filter`: from the most selective usable index when the
   * filter has an equality, `$in` or anchored prefix regex on an indexed field (or an `$or`
   * whose every branch has one), else every document. Callers still apply the full filter.
   */
  candidates(filter: Document): Document[] {
    const ids = this.candidateIds(filter);
    return ids ? this.documentsOf(ids) : [...this.documents.values()];
  }

  private documentsOf(ids: Set<string>): Document[] {
    const docs: Document[] = [];
    for (const id of ids) {
      const doc = this.documents.get(id);
      if (doc) docs.push(doc);
    }
    return docs;
  }

  /**
   * All documents in the sort order of `path`, as groups of equal values, read from an index
   * on that field; undefined when no index can give that order.
   */
  documentsInOrder(path: string, direction: 1 | -1): Iterable<Document[]> | undefined {
    const index = this.secondary.find((i) => i.usableForSort && i.firstField === path);
    if (!index) return undefined;
    const documents = this.documents;
    return (function* groups() {
      for (const ids of index.idsInOrder(direction)) {
        const group: Document[] = [];
        for (const id of ids) {
          const doc = documents.get(id);
          if (doc) group.push(doc);
        }
        yield group;
      }
    })();
  }

  private candidateIds(filter: Document): Set<string> | undefined {
    let best: Set<string> | undefined;
    const consider = (ids: Set<string> | undefined) => {
      if (ids && (!best || ids.size < best.size)) best = ids;
    };
    for (const condition of indexConditions(filter)) {
      if (condition.path === '_id' && condition.kind === 'equality') {
        consider(new Set(condition.values.map(valueKey).filter((key) => this.documents.has(key))));
        continue;
      }
      const index = this.secondary.find((i) => i.usableForLookup && i.firstField === condition.path);
      if (index) consider(lookupIn(index, condition));
      if (best?.size === 0) return best;
    }
    for (const branches of orBranches(filter)) {
      const sets = branches.map((branch) => this.candidateIds(branch));
      if (sets.every((set) => set !== undefined)) consider(new Set(sets.flatMap((set) => [...set!])));
    }
    return best;
  }
}
