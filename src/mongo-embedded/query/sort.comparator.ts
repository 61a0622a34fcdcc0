/**
 * Sorting documents in MongoDB's order without going through the query library: sort keys
 * are extracted once per document (arrays sort by their smallest element ascending, largest
 * descending; missing counts as null), values compare by BSON type order then value, and a
 * sort with a limit keeps only the top k, so "newest 20 of 100k" does not sort 100k.
 */
import type { Document } from 'bson';
import { valuesAtPath } from '../common/bson-value.util';
import { MongoServerError } from '../common/mongo-server.error';

function bsonType(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' ? (value as { _bsontype?: string })._bsontype : undefined;
}

/** MongoDB's cross-type order: MinKey, null, numbers, strings, objects, arrays, binary, ObjectId, bool, date, timestamp, regex, MaxKey. */
function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 1;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 8;
    default:
      break;
  }
  if (Array.isArray(value)) return 5;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  switch (bsonType(value)) {
    case 'MinKey':
      return 0;
    case 'Long':
    case 'Int32':
    case 'Double':
    case 'Decimal128':
      return 2;
    case 'BSONSymbol':
      return 3;
    case 'Binary':
      return 6;
    case 'ObjectId':
      return 7;
    case 'Timestamp':
      return 10;
    case 'BSONRegExp':
      return 11;
    case 'MaxKey':
      return 12;
    default:
      return 4;
  }
}

function numeric(value: unknown): number {
  return typeof value === 'number'
    ? value
    : Number(typeof value === 'bigint' ? value : (value as { toString(): string }).toString());
}

export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case 1:
      return 0;
    case 2: {
      const x = numeric(a);
      const y = numeric(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 3:
      return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
    case 4: {
      const entriesA = Object.entries(a as Document);
      const entriesB = Object.entries(b as Document);
      for (let i = 0; i < Math.min(entriesA.length, entriesB.length); i += 1) {
        const byType = typeRank(entriesA[i][1]) - typeRank(entriesB[i][1]);
        if (byType) return byType;
        if (entriesA[i][0] !== entriesB[i][0]) return entriesA[i][0] < entriesB[i][0] ? -1 : 1;
        const byValue = compareValues(entriesA[i][1], entriesB[i][1]);
        if (byValue) return byValue;
      }
      return entriesA.length - entriesB.length;
    }
    case 5: {
      const arrayA = a as unknown[];
      const arrayB = b as unknown[];
      for (let i = 0; i < Math.min(arrayA.length, arrayB.length); i += 1) {
        const byValue = compareValues(arrayA[i], arrayB[i]);
        if (byValue) return byValue;
      }
      return arrayA.length - arrayB.length;
    }
    case 7: {
      const x = (a as { toHexString(): string }).toHexString();
      const y = (b as { toHexString(): string }).toHexString();
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 8:
      return Number(a) - Number(b);
    case 9:
      return (a as Date).getTime() - (b as Date).getTime();
    default: {
      const x = String(a);
      const y = String(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

export interface SortField {
  path: string;
  direction: 1 | -1;
}

/** The sort's fields in order, refusing directions other than 1 / -1. */
export function parseSort(sort: Document): SortField[] {
  return Object.entries(sort).map(([path, direction]) => {
    const numericDirection = typeof direction === 'number' ? direction : Number(direction?.valueOf?.());
    if (numericDirection !== 1 && numericDirection !== -1) {
      throw new MongoServerError(
        'BadValue',
        `$sort key ordering must be 1 (for ascending) or -1 (for descending); got ${JSON.stringify(direction)} for "${path}"`,
      );
    }
    return { path, direction: numericDirection };
  });
}

/** The value a document sorts by on one field: the extreme array element in the sort's direction. */
function sortKey(doc: Document, field: SortField, topLevel: boolean): unknown {
  const direct = topLevel ? doc[field.path] : undefined;
  const values =
    topLevel && !Array.isArray(direct) ? [direct] : topLevel ? (direct as unknown[]) : valuesAtPath(doc, field.path);
  if (values.length === 0) return undefined;
  let best = values[0];
  for (let i = 1; i < values.length; i += 1) {
    const order = compareValues(values[i], best);
    if (field.direction === 1 ? order < 0 : order > 0) best = values[i];
  }
  return best;
}

/**
 * A sort key reduced once to what compares fast: its type rank, and a number for numbers and
 * dates (strings stay strings); other types keep the value for the full comparison.
 */
export interface KeyPart {
  rank: number;
  value: unknown;
}

export function keyPart(value: unknown): KeyPart {
  const rank = typeRank(value);
  if (rank === 2) return { rank, value: numeric(value) };
  if (rank === 9) return { rank, value: (value as Date).getTime() };
  return { rank, value };
}

export function compareParts(a: KeyPart, b: KeyPart): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank === 2 || a.rank === 9 || a.rank === 3) {
    const x = a.value as number | string;
    const y = b.value as number | string;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return compareValues(a.value, b.value);
}

interface Keyed {
  doc: Document;
  keys: KeyPart[];
  position: number;
}

/**
 * `docs` in `sort` order; when `keep` is given, only the first `keep` of that order. Ties keep
 * the input order. `{ $natural: 1 | -1 }` means input order or its reverse.
 */
export function sortDocuments(docs: Document[], sort: Document, keep?: number): Document[] {
  const fields = parseSort(sort);
  if (fields.length === 1 && fields[0].path === '$natural') {
    const ordered = fields[0].direction === 1 ? docs : [...docs].reverse();
    return keep === undefined ? ordered : ordered.slice(0, keep);
  }
  const operator = fields.find((f) => f.path.startsWith('$'));
  if (operator) throw new MongoServerError('BadValue', `cannot sort by "${operator.path}"`);
  const topLevel = fields.map((f) => !f.path.includes('.'));
  const compare = (x: Keyed, y: Keyed): number => {
    for (let i = 0; i < fields.length; i += 1) {
      const order = compareParts(x.keys[i], y.keys[i]) * fields[i].direction;
      if (order) return order;
    }
    return x.position - y.position;
  };
  const keyed = docs.map((doc, position) => ({
    doc,
    keys: fields.map((f, i) => keyPart(sortKey(doc, f, topLevel[i]))),
    position,
  }));
  if (keep === undefined || keep >= keyed.length / 4) return keyed.sort(compare).map((k) => k.doc);
  return topK(keyed, keep, compare).map((k) => k.doc);
}

/** The `k` smallest items in order, via a bounded max-heap: O(n log k) instead of a full sort. */
function topK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  const heap: T[] = [];
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j], heap[i]];
  };
  const siftUp = (start: number) => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i], heap[parent]) <= 0) return;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = () => {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && compare(heap[left], heap[largest]) > 0) largest = left;
      if (right < heap.length && compare(heap[right], heap[largest]) > 0) largest = right;
      if (largest === i) return;
      swap(i, largest);
      i = largest;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap.length - 1);
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item;
      siftDown();
    }
  }
  return heap.sort(compare);
}
