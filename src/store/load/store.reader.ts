/**
 * What a plan reads of the store: the store as the entries before its own left it. While the
 * entry just before it is still being written, that is the store overlaid with the aggregates
 * the earlier entry's plan writes (its plan is stored, so whoever completes it writes exactly
 * those): a loader plans its next entry while the store writes the last one. Reads the overlay
 * cannot answer (sorted, limited, or of facts) wait until the earlier entry is written.
 */
import type { Db, Document, Filter } from 'mongodb';
import { COLLECTIONS, type CollectionName } from '../collection-names';
import type { LoadPlan } from './load-plan.type';

type Stored = { _id: string } & Document;

/** A plan's reads come back in one reply rather than the driver's first batch of 101 and more round trips. */
const READ_BATCH_SIZE = 100_000;

/** A read of one collection: the filter the store runs, and the same condition in memory. */
export interface OverlaidQuery<D> {
  filter: Filter<D>;
  test: (doc: D) => boolean;
}

/** The documents with these ids. */
export function byIds<D extends { _id: string }>(ids: Iterable<string>): OverlaidQuery<D> {
  const wanted = new Set(ids);
  return { filter: { _id: { $in: [...wanted] } } as Filter<D>, test: (doc) => wanted.has(doc._id) };
}

/** Documents matching any of the queries. */
export function anyOf<D>(queries: ReadonlyArray<OverlaidQuery<D>>): OverlaidQuery<D> {
  return {
    filter: (queries.length === 1 ? queries[0].filter : { $or: queries.map((q) => q.filter) }) as Filter<D>,
    test: (doc) => queries.some((q) => q.test(doc)),
  };
}

/** Raised to a plan that waited for the entry before it, when writing that entry failed: the plan is not made. */
export class EarlierEntryNotWrittenError extends Error {
  constructor(cause: unknown) {
    super('the load-log entry before this one could not be written yet', { cause });
    this.name = 'EarlierEntryNotWrittenError';
  }
}

/** An entry whose plan is made and whose writes are under way. */
export class PendingEntry {
  private readonly documents = new Map<CollectionName, Map<string, Stored>>();
  /** The articles it loads or removes. */
  readonly articleIds: ReadonlySet<string>;
  /** Settles once its writes are done; rejects when they failed. */
  readonly written: Promise<void>;

  constructor(plan: LoadPlan, written: Promise<unknown>) {
    for (const { collection, doc } of [...plan.writes, ...plan.tombstones]) {
      let docs = this.documents.get(collection);
      if (!docs) {
        docs = new Map();
        this.documents.set(collection, docs);
      }
      docs.set(doc._id, doc);
    }
    this.articleIds = new Set(plan.articles.map((a) => a.articleId));
    this.written = written.then(
      () => undefined,
      (err: unknown) => {
        throw new EarlierEntryNotWrittenError(err);
      },
    );
    // Whoever needs it awaits it; the entry's own applier handles its failure.
    this.written.catch(() => undefined);
  }

  documentsOf(collection: CollectionName): ReadonlyMap<string, Stored> | undefined {
    return this.documents.get(collection);
  }
}

export class StoreReader {
  constructor(
    readonly db: Db,
    private readonly pending: PendingEntry | null = null,
  ) {}

  /** The documents of `collection` that match, as the store is once the pending entry is written. */
  async find<D extends { _id: string }>(collection: CollectionName, query: OverlaidQuery<D>): Promise<D[]> {
    const found = (await this.db
      .collection(COLLECTIONS[collection])
      .find(query.filter as Filter<Document>, { batchSize: READ_BATCH_SIZE })
      .toArray()) as unknown as D[];
    const overlay = this.pending?.documentsOf(collection) as ReadonlyMap<string, D> | undefined;
    if (!overlay) return found;
    const result = found.filter((doc) => !overlay.has(doc._id));
    for (const doc of overlay.values()) if (query.test(doc)) result.push(doc);
    return result;
  }

  /** The database once the pending entry is written, for reads the overlay cannot answer. */
  async settled(): Promise<Db> {
    await this.pending?.written;
    return this.db;
  }
}
