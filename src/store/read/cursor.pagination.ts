/**
 * Relay-style pages over MongoDB collections and over small in-memory lists.
 *
 * Collection pages use keyset pagination (the sort value plus `_id` as tie-break, encoded in an
 * opaque cursor) rather than skip, so a deep page costs the same as the first one and a page does
 * not shift when documents are added before it. Nullable sort fields are handled explicitly
 * because MongoDB sorts null before every string and `$gt`/`$lt` never match null.
 */
import type { Collection, Document, Filter, Sort } from 'mongodb';
import { readOnceForAllWaiting } from './identical-read.coalescer';
import { StoreInputError } from '../store-input.error';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageEdge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Array<PageEdge<T>>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Counted only when asked for, since it costs a command of its own. */
  totalCount(): Promise<number>;
}

export type SortDirection = 1 | -1;

export interface SortSpec {
  field: string;
  direction: SortDirection;
}

export type SortValue = string | number | null;

const CURSOR_QUOTED = 40;

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Quotes the start of the cursor only: a client's megabyte of garbage is not sent back to it. */
function notACursor(cursor: string): StoreInputError {
  const shown = cursor.length > CURSOR_QUOTED ? `${cursor.slice(0, CURSOR_QUOTED)}...` : cursor;
  return new StoreInputError(`"${shown}" is not a cursor of this list; use a cursor from its pageInfo or edges`);
}

export function decodeCursor(cursor: string, expectedLength: number): unknown[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== expectedLength) {
    throw notACursor(cursor);
  }
  return key;
}

function decodeSortKey(cursor: string): { value: SortValue; id: string } {
  const [value, id] = decodeCursor(cursor, 2);
  const valueOk = value === null || typeof value === 'string' || typeof value === 'number';
  if (!valueOk || typeof id !== 'string') {
    throw notACursor(cursor);
  }
  return { value, id };
}

/** Documents strictly after `key` in the order (field, _id) both in `direction`. */
export function afterKey(field: string, direction: SortDirection, key: { value: SortValue; id: string }): Document {
  const further = direction === 1 ? '$gt' : '$lt';
  if (key.value === null) {
    const sameValueFurther = { [field]: null, _id: { [further]: key.id } };
    // Ascending, nulls come first, so every non-null value is after; descending, they are all before.
    return direction === 1 ? { $or: [sameValueFurther, { [field]: { $ne: null } }] } : sameValueFurther;
  }
  const branches: Document[] = [
    { [field]: { [further]: key.value } },
    { [field]: key.value, _id: { [further]: key.id } },
  ];
  if (direction === -1) branches.push({ [field]: null });
  return { $or: branches };
}

export function pageSize(request: PageRequest): { size: number; backward: boolean } {
  if (request.first != null && request.last != null) {
    throw new StoreInputError('pass either `first` or `last`, not both');
  }
  for (const [name, value] of [
    ['first', request.first],
    ['last', request.last],
  ] as const) {
    if (value != null && (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE)) {
      throw new StoreInputError(`\`${name}\` must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`);
    }
  }
  if (request.last != null) return { size: request.last, backward: true };
  return { size: request.first ?? DEFAULT_PAGE_SIZE, backward: false };
}

/** The part of a keyset page query that the request decides: where to start, in which order, how many. */
export interface KeysetWindow {
  /** The cursor conditions, or null on a first (or last) page. */
  condition: Document | null;
  mongoSort: Sort;
  /** One more than the page, to tell whether there is a next one. */
  limit: number;
  size: number;
  backward: boolean;
}

export function keysetWindow(sort: SortSpec, request: PageRequest): KeysetWindow {
  const { size, backward } = pageSize(request);
  const conditions: Document[] = [];
  if (request.after) conditions.push(afterKey(sort.field, sort.direction, decodeSortKey(request.after)));
  if (request.before) {
    conditions.push(afterKey(sort.field, -sort.direction as SortDirection, decodeSortKey(request.before)));
  }
  const scanDirection = (backward ? -sort.direction : sort.direction) as SortDirection;
  return {
    condition: conditions.length === 0 ? null : conditions.length === 1 ? conditions[0] : { $and: conditions },
    mongoSort: { [sort.field]: scanDirection, _id: scanDirection },
    limit: size + 1,
    size,
    backward,
  };
}

/** The page a window's query found, counted by `count` unless the page itself shows the count. */
export function pageOfWindow<T extends Document & { _id: string }>(
  found: readonly T[],
  window: KeysetWindow,
  sort: SortSpec,
  request: PageRequest,
  count: () => Promise<number>,
): Page<T> {
  const { size, backward } = window;
  const more = found.length > size;
  const docs = found.slice(0, size);
  if (backward) docs.reverse();
  // A first page that holds every match already knows the count: no command for it.
  const holdsEveryMatch = size > 0 && !more && !request.after && !request.before;
  let counted: Promise<number> | undefined = holdsEveryMatch ? Promise.resolve(docs.length) : undefined;
  return {
    edges: docs.map((doc) => ({ cursor: encodeCursor([(doc[sort.field] as SortValue) ?? null, doc._id]), node: doc })),
    hasNextPage: backward ? Boolean(request.before) : more,
    hasPreviousPage: backward ? more : Boolean(request.after),
    totalCount: () => (counted ??= count()),
  };
}

/** One page of `collection` matching `filter`, ordered by `sort` then `_id`. */
export async function findPage<T extends Document & { _id: string }>(
  collection: Collection<T>,
  filter: Filter<T>,
  sort: SortSpec,
  request: PageRequest,
  projection: Document = {},
): Promise<Page<T>> {
  const window = keysetWindow(sort, request);
  const query = (window.condition ? { $and: [filter, window.condition] } : filter) as Filter<T>;
  const client = collection.db.client;
  const namespace = collection.namespace;
  const { mongoSort, limit } = window;
  const found =
    window.size === 0
      ? []
      : await readOnceForAllWaiting(
          client,
          { find: namespace, query, mongoSort, limit, projection },
          async () => (await collection.find(query, { projection }).sort(mongoSort).limit(limit).toArray()) as T[],
        );
  return pageOfWindow(found, window, sort, request, () =>
    readOnceForAllWaiting(client, { count: namespace, filter }, () => collection.countDocuments(filter)),
  );
}

/**
 * A page of a list already in memory (the people an article names, a search's matches): these
 * lists are bounded and loaded whole for a batch of parents in one command, so slicing them here
 * costs nothing more.
 * `keyOf` must be unique within the list; it becomes the cursor.
 */
export function pageFromArray<T>(items: readonly T[], request: PageRequest, keyOf: (item: T) => string): Page<T> {
  const { size, backward } = pageSize(request);
  const indexOfCursor = (cursor: string): number => {
    const [key] = decodeCursor(cursor, 1);
    const index = items.findIndex((item) => keyOf(item) === key);
    if (index < 0) {
      throw notACursor(cursor);
    }
    return index;
  };
  const start = request.after ? indexOfCursor(request.after) + 1 : 0;
  const end = request.before ? indexOfCursor(request.before) : items.length;
  const window = items.slice(start, Math.max(start, end));
  const slice = backward ? window.slice(Math.max(0, window.length - size)) : window.slice(0, size);
  return {
    edges: slice.map((node) => ({ cursor: encodeCursor([keyOf(node)]), node })),
    hasNextPage: backward ? end < items.length : window.length > size,
    hasPreviousPage: backward ? window.length > size : start > 0,
    totalCount: async () => items.length,
  };
}
