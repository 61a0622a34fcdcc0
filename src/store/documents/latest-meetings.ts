/**
 * The first page of an entity's meetings, kept in its document: its latest meetings, as many as
 * a first page shows by default. A profile page then reads one small document instead of a range
 * of the entity's meetings, however many it has. The list holds every meeting of an entity with
 * fewer; its order is the order of every meeting list: latest date first (undated last), then
 * by id from the highest (MongoDB's `{ date: -1, _id: -1 }`).
 */
export const LATEST_MEETINGS = 20;

export interface MeetingRef {
  meetingId: string;
  date: string | null;
}

/** Negative when `a` comes first. */
export function compareLatestFirst(a: MeetingRef, b: MeetingRef): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date > b.date ? -1 : 1;
  }
  return a.meetingId > b.meetingId ? -1 : a.meetingId < b.meetingId ? 1 : 0;
}
