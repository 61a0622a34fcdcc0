/**
 * Open cursors: the rest of a result set, handed out batch by batch through getMore. Ids are
 * positive integers below 2^53 so they survive the driver's Long <-> number conversions.
 * Cursors left idle for ten minutes are closed, as mongod does.
 */
import { BSON, Long, type Document } from 'bson';
import { randomInt } from 'node:crypto';

export const DEFAULT_FIRST_BATCH = 101;
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface OpenCursor {
  ns: string;
  remaining: Document[];
  lastUsed: number;
}

export interface CursorReply {
  id: Long;
  ns: string;
  firstBatch?: Document[];
  nextBatch?: Document[];
}

export class CursorRegistry {
  private readonly cursors = new Map<number, OpenCursor>();
  private readonly reaper: NodeJS.Timeout;

  constructor(private readonly idleTimeoutMs = IDLE_TIMEOUT_MS) {
    this.reaper = setInterval(() => this.reapIdle(), Math.min(60_000, idleTimeoutMs)).unref();
  }

  /** Takes up to `batchSize` documents (and at most ~16 MB) off the front of `docs`. */
  private static takeBatch(docs: Document[], batchSize: number): Document[] {
    let bytes = 0;
    let count = 0;
    while (count < docs.length && count < batchSize) {
      bytes += BSON.calculateObjectSize(docs[count]);
      if (count > 0 && bytes > MAX_BATCH_BYTES) break;
      count += 1;
    }
    return docs.splice(0, count);
  }

  /** The reply for the first batch; opens a cursor when documents remain and more may be asked for. */
  open(ns: string, docs: Document[], batchSize: number | undefined, singleBatch: boolean): CursorReply {
    const remaining = [...docs];
    const firstBatch = CursorRegistry.takeBatch(
      remaining,
      batchSize && batchSize > 0 ? batchSize : batchSize === 0 ? 0 : DEFAULT_FIRST_BATCH,
    );
    if (singleBatch || remaining.length === 0) return { id: Long.ZERO, ns, firstBatch };
    let id = randomInt(1, 2 ** 47);
    while (this.cursors.has(id)) id = randomInt(1, 2 ** 47);
    this.cursors.set(id, { ns, remaining, lastUsed: Date.now() });
    return { id: Long.fromNumber(id), ns, firstBatch };
  }

  /** The next batch, or undefined when no such cursor is open. */
  next(id: number, ns: string, batchSize: number | undefined): CursorReply | undefined {
    const cursor = this.cursors.get(id);
    if (!cursor || cursor.ns !== ns) return undefined;
    const nextBatch = CursorRegistry.takeBatch(cursor.remaining, batchSize && batchSize > 0 ? batchSize : Infinity);
    cursor.lastUsed = Date.now();
    if (cursor.remaining.length === 0) {
      this.cursors.delete(id);
      return { id: Long.ZERO, ns, nextBatch };
    }
    return { id: Long.fromNumber(id), ns, nextBatch };
  }

  kill(id: number): boolean {
    return this.cursors.delete(id);
  }

  private reapIdle(): void {
    const cutoff = Date.now() - this.idleTimeoutMs;
    for (const [id, cursor] of this.cursors) if (cursor.lastUsed < cutoff) this.cursors.delete(id);
  }

  close(): void {
    clearInterval(this.reaper);
    this.cursors.clear();
  }
}
