/**
 * When a read must stop: its `maxTimeMS` (MongoDB's `MaxTimeMSExpired`, code 50) or the server
 * shutting down (`InterruptedAtShutdown`). A long read checks its deadline after each chunk of
 * work and, every few milliseconds, lets the event loop run other connections' commands, so one
 * query never holds up the rest.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Document } from 'bson';
import { MongoServerError } from '../common/mongo-server.error';

/** How long a read works before letting other commands run. */
const TIME_SLICE_MS = 10;
const MAX_TIME_MS_LIMIT = 2 ** 31 - 1;

export class Deadline {
  private lastPause = performance.now();
  private readonly startedAt = performance.now();

  constructor(
    /** Milliseconds this read may take; undefined for no limit. */
    private readonly budgetMs: number | undefined,
    private readonly interrupted: () => boolean,
  ) {}

  /** Throws once the time is up or the server is stopping. */
  check(): void {
    if (this.interrupted()) {
      throw new MongoServerError('InterruptedAtShutdown', 'interrupted at shutdown: the server is stopping');
    }
    if (this.budgetMs !== undefined && performance.now() - this.startedAt >= this.budgetMs) {
      throw new MongoServerError('MaxTimeMSExpired', `operation exceeded time limit (maxTimeMS ${this.budgetMs})`);
    }
  }

  /** Between chunks of work: checks, and lets other commands run if this one has run for a while. */
  async pause(): Promise<void> {
    this.check();
    if (performance.now() - this.lastPause < TIME_SLICE_MS) return;
    await nextTurn();
    this.lastPause = performance.now();
    this.check();
  }

  /** What is left of the budget (undefined: no limit), for a cursor's next getMore. */
  remainingMs(): number | undefined {
    return this.budgetMs === undefined ? undefined : Math.max(0, this.budgetMs - (performance.now() - this.startedAt));
  }
}

/** A command's `maxTimeMS`: undefined when absent or 0 (no limit); BadValue when not a non-negative integer. */
export function parseMaxTimeMS(cmd: Document): number | undefined {
  const raw: unknown = cmd.maxTimeMS;
  if (raw === undefined || raw === null) return undefined;
  const value = typeof raw === 'number' ? raw : typeof raw === 'object' ? Number(raw.valueOf()) : NaN;
  if (!Number.isInteger(value) || value < 0 || value > MAX_TIME_MS_LIMIT) {
    throw new MongoServerError(
      'BadValue',
      `maxTimeMS must be a non-negative integer of at most ${MAX_TIME_MS_LIMIT}, got ${String(raw)}`,
    );
  }
  return value === 0 ? undefined : value;
}
