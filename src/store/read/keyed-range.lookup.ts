/**
 * Pages of one-to-many relations for many parents in ONE command: a person's meetings, an
 * office's holders, the facts behind an aggregate. Each parent's page is its own query (filter,
 * cursor, sort, limit, which an index on the parent key and the sort field answers); the
 * queries of a batch are sent as one aggregate, the first on the collection and each other
 * appended by `$unionWith`, every result tagged with the query it answers. So resolving a
 * relation for a page of parents costs one command, however long each parent's list is.
 */
import DataLoader from 'dataloader';
import type { Db, Document, Sort } from 'mongodb';
import { BATCH_READ_OPTIONS } from './batch-read.options';
import { keysetWindow, pageOfWindow, type Page, type PageRequest, type SortSpec } from './cursor.pagination';

/** One parent's query: its key, the cursor condition, the order and how many. */
export interface KeyedRange {
  key: string;
  condition: Document | null;
  sort: Sort;
  limit: number;
}

/** Parents per command; beyond it a batch is split (a pipeline has a bounded number of stages). */
const MAX_RANGES_PER_COMMAND = 100;

export interface KeyedRangeSpec {
  collection: string;
  /** Every document of the parent with this key. */
  filterOf: (key: string) => Document;
  projection?: Document;
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
  return new DataLoader<KeyedRange, T[], string>(
    async (ranges) => {
      const [first, ...others] = ranges.map((range, tag) => branchOf(spec, range, tag));
      const pipeline = [...first, ...others.map((pipeline) => ({ $unionWith: { coll: spec.collection, pipeline } }))];
      const found = await collection.aggregate<{ tag: number; doc: T }>(pipeline, BATCH_READ_OPTIONS).toArray();
      const byRange: T[][] = ranges.map(() => []);
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

/** A page of the parent's list in `sort` order, counted by `count` when asked. */
export async function keyedPage<T extends Document & { _id: string }>(
  lookup: DataLoader<KeyedRange, T[], string>,
  key: string,
  sort: SortSpec,
  request: PageRequest,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const window = keysetWindow(sort, request);
  const found =
    window.size === 0
      ? []
      : await lookup.load({ key, condition: window.condition, sort: window.mongoSort, limit: window.limit });
  return pageOfWindow(found, window, sort, request, count);
}
