/**
 * Pages of one-to-many relations for many parents in ONE command: a person's meetings, an
 * office's holders, the facts behind an aggregate. Each parent's page is its own query (filter,
 * cursor, sort, limit, which an index on the parent key and the sort field answers); the
 * queries of a batch are sent as one aggregate, the first on the collection and each other
 * appended by `$unionWith`, every result tagged with the query it answers. So resolving a
 * relation for a page of parents costs one command, however long each parent's list is.
 *
 * A parent known to have no more documents than its page asks for (most meetings are reported
 * by an article or two, and their evidence page asks for five) needs no range of its own: such
 * parents are read whole by one plain `$in` on the field that holds their key, and each one's
 * page is cut from its documents here, in the same order. That plain read costs the database far
 * less than as many `$unionWith` branches, each planned and run as a query of its own.
 */
import DataLoader from 'dataloader';
import type { Collection, Db, Document, Sort } from 'mongodb';
import { BATCH_READ_OPTIONS } from './batch-read.options';
import { keysetWindow, pageOfWindow, type Page, type PageRequest, type SortSpec } from './cursor.pagination';

/** One parent's query: its key, the cursor condition, the order and how many. */
export interface KeyedRange {
  key: string;
  condition: Document | null;
  sort: Sort;
  limit: number;
  /** The parent has no more documents than `limit` (and `condition` is null): its whole list may be read. */
  whole?: boolean;
}

/**
 * A parent's range; `atMost`, when known, bounds how many documents the parent has, and a parent
 * with no more than the range asks for (and no cursor condition) is marked to be read whole.
 */
export function keyedRange(
  key: string,
  condition: Document | null,
  sort: Sort,
  limit: number,
  atMost: number | undefined,
): KeyedRange {
  const range: KeyedRange = { key, condition, sort, limit };
  if (atMost !== undefined && atMost <= limit && !condition) range.whole = true;
  return range;
}

/** Parents per command; beyond it a batch is split (a pipeline has a bounded number of stages). */
const MAX_RANGES_PER_COMMAND = 100;

export interface KeyedRangeSpec {
  collection: string;
  /** Every document of the parent with this key. */
  filterOf: (key: string) => Document;
  projection?: Document;
  /**
   * The field every document holds its parent's key in, as one value, when `filterOf(key)` is
   * `{ [keyField]: key }` with conditions that do not depend on the key: then parents read whole
   * are read together, by `$in` on it.
   */
  keyField?: string;
}

/** BSON's order of the types a sort key of these collections holds: null (and missing), numbers, strings. */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  throw new Error(`a whole-list read sorts by null, number and string values only, not ${typeof value}`);
}

/** UTF-16 order is UTF-8 byte order except between a surrogate pair and a character above it in the BMP. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** MongoDB's order of two values: by type, then numbers by value and strings by their UTF-8 bytes. */
function compareValues(a: unknown, b: unknown): number {
  const byType = typeRank(a) - typeRank(b);
  if (byType !== 0 || a === null || a === undefined) return byType;
  if (typeof a === 'number') return a - (b as number);
  const [x, y] = [a as string, b as string];
  if (!SURROGATE.test(x) && !SURROGATE.test(y)) return x < y ? -1 : x > y ? 1 : 0;
  return Buffer.compare(Buffer.from(x, 'utf8'), Buffer.from(y, 'utf8'));
}

/** The documents in `sort` order (a keyset sort ends with `_id`, so the order is total). */
function sortedBy<T>(docs: readonly T[], sort: Sort): T[] {
  const fields = Object.entries(sort as Record<string, 1 | -1>);
  return [...docs].sort((a, b) => {
    for (const [field, direction] of fields) {
      const order = compareValues((a as Document)[field], (b as Document)[field]);
      if (order !== 0) return direction * order;
    }
    return 0;
  });
}

/** Every document of the parents read whole, in one `$in` read, grouped by parent key. */
async function wholeLists<T>(
  collection: Collection,
  spec: KeyedRangeSpec & { keyField: string },
  keys: string[],
): Promise<Map<string, T[]>> {
  const projection = spec.projection && {
    ...spec.projection,
    // An inclusion projection must keep the field the documents are grouped by.
    ...(Object.values(spec.projection).includes(1) ? { [spec.keyField]: 1 } : {}),
  };
  const filter = { ...spec.filterOf(keys[0]), [spec.keyField]: { $in: keys } };
  const docs = await collection
    .find(filter, { ...BATCH_READ_OPTIONS, ...(projection ? { projection } : {}) })
    .toArray();
  const lists = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const doc of docs) lists.get(doc[spec.keyField] as string)?.push(doc as T);
  return lists;
}

function branchOf(spec: KeyedRangeSpec, range: KeyedRange, tag: number): Document[] {
  const filter = spec.filterOf(range.key);
  return [
    { $match: range.condition ? { $and: [filter, range.condition] } : filter },
    { $sort: range.sort },
    { $limit: range.limit },
    ...(spec.projection ? [{ $project: spec.projection }] : []),
    { $replaceWith: { tag: { $literal: tag }, doc: '$$ROOT' } },
  ];
}

/** A loader of ranges over `spec.collection`, batching what concurrent callers ask before the event loop idles. */
export function keyedRangeLookup<T>(db: Db, spec: KeyedRangeSpec): DataLoader<KeyedRange, T[], string> {
  const collection = db.collection(spec.collection);
  const readRanges = ([first, ...others]: Document[][]) => {
    const pipeline = [...first, ...others.map((pipeline) => ({ $unionWith: { coll: spec.collection, pipeline } }))];
    return collection.aggregate<{ tag: number; doc: T }>(pipeline, BATCH_READ_OPTIONS).toArray();
  };
  return new DataLoader<KeyedRange, T[], string>(
    async (ranges) => {
      const { keyField } = spec;
      const readWhole = (range: KeyedRange) => keyField !== undefined && range.whole === true && !range.condition;
      const ranged = ranges.flatMap((range, tag) => (readWhole(range) ? [] : [branchOf(spec, range, tag)]));
      const wholeKeys = [...new Set(ranges.filter(readWhole).map((range) => range.key))];
      const [found, lists] = await Promise.all([
        ranged.length ? readRanges(ranged) : [],
        wholeKeys.length ? wholeLists<T>(collection, { ...spec, keyField: keyField! }, wholeKeys) : undefined,
      ]);
      const byRange: T[][] = ranges.map((range) =>
        readWhole(range) ? sortedBy(lists!.get(range.key)!, range.sort).slice(0, range.limit) : [],
      );
      for (const { tag, doc } of found) byRange[tag].push(doc);
      return byRange;
    },
    {
      cache: false,
      maxBatchSize: MAX_RANGES_PER_COMMAND,
      batchScheduleFn: (dispatch) => setImmediate(dispatch),
      cacheKeyFn: (range) => JSON.stringify(range),
    },
  );
}

/**
 * A page of the parent's list in `sort` order, counted by `count` when asked. `atMost`, when
 * known, bounds how many documents the parent has (the list may then be read whole).
 */
export async function keyedPage<T extends Document & { _id: string }>(
  lookup: DataLoader<KeyedRange, T[], string>,
  key: string,
  sort: SortSpec,
  request: PageRequest,
  count: () => Promise<number>,
  atMost?: number,
): Promise<Page<T>> {
  const window = keysetWindow(sort, request);
  const found =
    window.size === 0
      ? []
      : await lookup.load(keyedRange(key, window.condition, window.mongoSort, window.limit, atMost));
  return pageOfWindow(found, window, sort, request, count);
}
