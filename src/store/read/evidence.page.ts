/**
 * Pages of evidence sentences behind an aggregate (a person's mentions, a holding, a meeting):
 * the facts in their order (latest article first), each fact's sentences in text order. A
 * cursor names a sentence (the fact's date and id, and its place in the fact), so a page can
 * start in the middle of one article's sentences.
 */
import type DataLoader from 'dataloader';
import type { EvidenceDocument } from '../documents/evidence.document';
import { StoreInputError } from '../store-input.error';
import {
  afterKey,
  decodeCursor,
  encodeCursor,
  pageSize,
  type Page,
  type PageRequest,
  type SortDirection,
} from './cursor.pagination';
import { keyedRange, type KeyedRange } from './keyed-range.lookup';
import type { FactView } from './read.view';

interface Position {
  date: string | null;
  id: string;
  index: number;
}

/** Latest date first (undated last), then by fact id descending, then sentence by sentence. */
function compare(a: Position, b: Position): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date > b.date ? -1 : 1;
  }
  if (a.id !== b.id) return a.id > b.id ? -1 : 1;
  return a.index - b.index;
}

function decodePosition(cursor: string): Position {
  const [date, id, index] = decodeCursor(cursor, 3);
  if ((date !== null && typeof date !== 'string') || typeof id !== 'string' || !Number.isInteger(index)) {
    throw new StoreInputError(`"${cursor}" is not a cursor of this list; use a cursor from its pageInfo or edges`);
  }
  return { date, id, index: index as number };
}

/** Facts at or beyond the fact of `position`, scanning in `direction`. */
function fromFact(position: Position, direction: SortDirection) {
  return { $or: [afterKey('date', direction, { value: position.date, id: position.id }), { _id: position.id }] };
}

/** `atMost`, when known, bounds how many facts the aggregate has (they may then be read whole). */
export async function evidencePage<F extends FactView>(
  lookup: DataLoader<KeyedRange, F[], string>,
  key: string,
  request: PageRequest,
  published: (facts: F[]) => Promise<F[]>,
  count: () => Promise<number>,
  atMost?: number,
): Promise<Page<EvidenceDocument>> {
  const { size, backward } = pageSize(request);
  const after = request.after ? decodePosition(request.after) : null;
  const before = request.before ? decodePosition(request.before) : null;
  const conditions = [...(after ? [fromFact(after, -1)] : []), ...(before ? [fromFact(before, 1)] : [])];
  const direction: SortDirection = backward ? 1 : -1;
  const range = keyedRange(
    key,
    conditions.length ? { $and: conditions } : null,
    { date: direction, _id: direction },
    // Each fact has a sentence, so these hold one more than the page beyond a cursor's own fact.
    size + 2,
    atMost,
  );
  const facts = size === 0 ? [] : await lookup.load(range);
  const ordered = backward ? [...facts].reverse() : facts;
  const sentences = (await published(ordered)).flatMap((fact) =>
    fact.evidence.map((span, index) => ({ position: { date: fact.date, id: fact._id, index }, fact, span })),
  );
  const inWindow = sentences.filter(
    ({ position }) => (!after || compare(position, after) > 0) && (!before || compare(position, before) < 0),
  );
  const more = inWindow.length > size;
  const page = backward ? inWindow.slice(Math.max(0, inWindow.length - size)) : inWindow.slice(0, size);
  return {
    edges: page.map(({ position, fact, span }) => ({
      cursor: encodeCursor([position.date, position.id, position.index]),
      node: { articleId: fact.articleId, text: span.text, start: span.start, end: span.end },
    })),
    hasNextPage: backward ? Boolean(before) : more,
    hasPreviousPage: backward ? more : Boolean(after),
    totalCount: count,
  };
}
