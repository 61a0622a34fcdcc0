/**
 * Collects the young generation while the API has no request in flight, so that requests rarely
 * pay for it. Left to V8, the collection comes when new space is full, in the middle of whichever
 * request allocates last, and copies that request's live objects: the heavy hitter's person page
 * (about 2 MB allocated per request) waited 15-20 ms for it every 25 or so requests with the
 * 64 MB semi-space of `npm start`, its p99 at one connection. Between requests little is live and
 * the same collection takes about 2 ms. Under steady concurrent load the API is never idle and V8
 * collects as before.
 */
import v8 from 'node:v8';
import { collectGarbage } from '../ingest';

/** Collect once new space is this full (a fraction of its current capacity). */
const FILL_TO_COLLECT = 0.5;

export interface NewSpaceFill {
  used: number;
  capacity: number;
}

function newSpaceFill(): NewSpaceFill {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return space
    ? { used: space.space_used_size, capacity: space.space_used_size + space.space_available_size }
    : { used: 0, capacity: Number.POSITIVE_INFINITY };
}

export class IdleCollectionScheduler {
  private inFlight = 0;
  private checkPending = false;

  constructor(
    private readonly fill: () => NewSpaceFill = newSpaceFill,
    private readonly collect: () => void = () => collectGarbage('minor'),
  ) {}

  requestStarted(): void {
    this.inFlight++;
  }

  /** After the last request in flight ends, and once I/O already waiting has been read, collects if none has started. */
  requestEnded(): void {
    this.inFlight--;
    if (this.inFlight > 0 || this.checkPending) return;
    this.checkPending = true;
    setImmediate(() => {
      this.checkPending = false;
      if (this.inFlight > 0) return;
      const { used, capacity } = this.fill();
      if (used >= FILL_TO_COLLECT * capacity) this.collect();
    });
  }
}
