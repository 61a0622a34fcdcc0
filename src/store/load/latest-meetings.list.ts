/**
 * An entity's latest meetings while a plan is made. Meetings that appear, disappear or change
 * date are put in or taken out; when one leaves a full list, the meetings that now belong in it
 * may not be known, and the list must be filled again from the store (`refill`).
 */
import { compareLatestFirst, LATEST_MEETINGS, type MeetingRef } from '../documents/latest-meetings';

export class LatestMeetingsList {
  private refs: MeetingRef[];
  /** Meetings of this plan, by id: their state after it (null date and `live: false` when gone). */
  private readonly changed = new Map<string, { date: string | null; live: boolean }>();
  private incomplete = false;

  constructor(stored: readonly MeetingRef[] | undefined) {
    this.refs = [...(stored ?? [])];
  }

  /** Whether the list must be filled again from the store before it is written. */
  get needsRefill(): boolean {
    return this.incomplete;
  }

  /** How many of the entity's meetings this plan changed: the store must give that many more to refill. */
  get changes(): number {
    return this.changed.size;
  }

  /** A meeting of the entity is live after the plan with this date, or is gone (`live: false`). */
  update(meetingId: string, after: { date: string | null; live: boolean }): void {
    this.changed.set(meetingId, after);
    const wasFull = this.refs.length >= LATEST_MEETINGS;
    const held = this.refs.some((r) => r.meetingId === meetingId);
    this.refs = this.refs.filter((r) => r.meetingId !== meetingId);
    // A meeting that left a full list (or moved within it) may leave room for one the list never held.
    if (held && wasFull) this.incomplete = true;
    if (after.live) this.put({ meetingId, date: after.date });
  }

  /** Fills the list again from the store's latest meetings (as the entries before this plan left them). */
  refill(stored: readonly MeetingRef[]): void {
    this.refs = stored.filter((r) => !this.changed.has(r.meetingId));
    for (const [meetingId, after] of this.changed) if (after.live) this.put({ meetingId, date: after.date });
    this.incomplete = false;
  }

  toStored(): MeetingRef[] {
    return this.refs;
  }

  private put(ref: MeetingRef): void {
    this.refs.push(ref);
    this.refs.sort(compareLatestFirst);
    this.refs.length = Math.min(this.refs.length, LATEST_MEETINGS);
  }
}
