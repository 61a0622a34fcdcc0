/**
 * Open cursors: the rest of a result, handed out batch by batch through getMore. A cursor holds
 * the read itself (a document stream, paused where the last batch ended), not its results, so a
 * large result costs memory one batch at a time and its work is spread over the getMores; what
 * remains of its maxTimeMS budget carries over from one getMore to the next, as in mongod. Ids
 * are positive integers below 2^53 so they survive the driver's Long <-> number conversions.
 * Cursors left idle for ten minutes are closed, as mongod does.
 */
import { BSON, Long, type Document } from 'bson';
import { randomInt } from 'node:crypto';
import { inChunks, type DocumentStream } from './document.stream';
import { MongoServerError } from '../common/mongo-server.error';
import type { Deadline } from './query.deadline';

export const DEFAULT_FIRST_BATCH = 101;
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface OpenCursor {
  ns: string;
  stream: DocumentStream;
  /** The chunk the stream last produced, and how much of it has been handed out. */
  chunk: Document[];
  taken: number;
  done: boolean;
  busy: boolean;
  lastUsed: number;
  /** What is left of the maxTimeMS budget; undefined when there is none. */
  remainingMs: number | undefined;
}

export interface CursorReply {
  id: Long;
  ns: string;
  firstBatch?: Document[];
  nextBatch?: Document[];
}

function newCursor(ns: string, stream: DocumentStream): OpenCursor {
  return { ns, stream, chunk: [], taken: 0, done: false, busy: false, lastUsed: Date.now(), remainingMs: undefined };
}

/** Moves the cursor to its next chunk; false when the stream has ended. */
function advance(cursor: OpenCursor): boolean {
  const step = cursor.stream.next();
  if (step.done) {
    cursor.done = true;
    return false;
  }
  cursor.chunk = step.value;
  cursor.taken = 0;
  return true;
}

function hasBuffered(cursor: OpenCursor): boolean {
  return cursor.taken < cursor.chunk.length;
}

/**
 * Up to `batchSize` documents (and at most ~16 MB), pausing between chunks; afterwards reads on
 * until it knows whether anything is left, so the last batch comes with cursor id 0.
 */
async function takeBatch(
  cursor: OpenCursor,
  batchSize: number,
  pause: (() => Promise<void>) | undefined,
): Promise<Document[]> {
  const batch: Document[] = [];
  let bytes = 0;
  const refill = async (): Promise<boolean> => {
    const more = advance(cursor);
    if (pause) await pause();
    return more;
  };
  while (batch.length < batchSize) {
    if (!hasBuffered(cursor)) {
      if (cursor.done || !(await refill())) break;
      continue;
    }
    const doc = cursor.chunk[cursor.taken];
    bytes += BSON.calculateObjectSize(doc);
    if (batch.length > 0 && bytes > MAX_BATCH_BYTES) break;
    batch.push(doc);
    cursor.taken += 1;
  }
  while (!cursor.done && !hasBuffered(cursor)) await refill();
  return batch;
}

function firstBatchSize(batchSize: number | undefined): number {
  if (batchSize === 0) return 0;
  return batchSize && batchSize > 0 ? batchSize : DEFAULT_FIRST_BATCH;
}

export class CursorRegistry {
  private readonly cursors = new Map<number, OpenCursor>();
  private readonly reaper: NodeJS.Timeout;

  constructor(private readonly idleTimeoutMs = IDLE_TIMEOUT_MS) {
    this.reaper = setInterval(() => this.reapIdle(), Math.min(60_000, idleTimeoutMs)).unref();
  }

  private register(cursor: OpenCursor): Long {
    let id = randomInt(1, 2 ** 47);
    while (this.cursors.has(id)) id = randomInt(1, 2 ** 47);
    this.cursors.set(id, cursor);
    return Long.fromNumber(id);
  }

  /** The first batch of results already in memory (catalog listings); opens a cursor when some remain. */
  open(ns: string, docs: Document[], batchSize: number | undefined, singleBatch: boolean): CursorReply {
    const size = firstBatchSize(batchSize);
    const cursor = newCursor(ns, inChunks(docs.slice(size), Math.max(size, 101)));
    const firstBatch = docs.slice(0, size);
    if (singleBatch || docs.length <= size) return { id: Long.ZERO, ns, firstBatch };
    return { id: this.register(cursor), ns, firstBatch };
  }

  /**
   * The first batch of a read, taken within `deadline`; the read stays open as a cursor when more
   * may come. A read that fails (its time is up, bad input met half-way) is closed and its error thrown.
   */
  async openStream(
    ns: string,
    stream: DocumentStream,
    batchSize: number | undefined,
    singleBatch: boolean,
    deadline: Deadline,
  ): Promise<CursorReply> {
    const cursor = newCursor(ns, stream);
    let firstBatch: Document[];
    try {
      firstBatch = await takeBatch(cursor, firstBatchSize(batchSize), () => deadline.pause());
    } catch (err) {
      stream.return();
      throw err;
    }
    if (singleBatch || (cursor.done && !hasBuffered(cursor))) {
      stream.return();
      return { id: Long.ZERO, ns, firstBatch };
    }
    cursor.remainingMs = deadline.remainingMs();
    return { id: this.register(cursor), ns, firstBatch };
  }

  /**
   * The next batch, or undefined when no such cursor is open. `deadlineFor` makes the deadline
   * from what is left of the cursor's budget.
   */
  async next(
    id: number,
    ns: string,
    batchSize: number | undefined,
    deadlineFor: (budgetMs: number | undefined) => Deadline,
  ): Promise<CursorReply | undefined> {
    const cursor = this.cursors.get(id);
    if (!cursor || cursor.ns !== ns) return undefined;
    if (cursor.busy)
      throw new MongoServerError('CursorNotFound', `cursor id ${id} is already in use by another getMore`);
    const deadline = deadlineFor(cursor.remainingMs);
    cursor.busy = true;
    let nextBatch: Document[];
    try {
      nextBatch = await takeBatch(cursor, batchSize && batchSize > 0 ? batchSize : Infinity, () => deadline.pause());
    } catch (err) {
      // As in mongod, a cursor whose getMore fails (its time is up) is closed.
      this.kill(id);
      throw err;
    } finally {
      cursor.busy = false;
    }
    cursor.lastUsed = Date.now();
    cursor.remainingMs = deadline.remainingMs();
    if (cursor.done && !hasBuffered(cursor)) {
      this.cursors.delete(id);
      return { id: Long.ZERO, ns, nextBatch };
    }
    return { id: Long.fromNumber(id), ns, nextBatch };
  }

  kill(id: number): boolean {
    const cursor = this.cursors.get(id);
    if (!cursor) return false;
    this.cursors.delete(id);
    cursor.stream.return();
    return true;
  }

  private reapIdle(): void {
    const cutoff = Date.now() - this.idleTimeoutMs;
    for (const [id, cursor] of this.cursors) if (cursor.lastUsed < cutoff && !cursor.busy) this.kill(id);
  }

  close(): void {
    clearInterval(this.reaper);
    for (const id of [...this.cursors.keys()]) this.kill(id);
  }
}
