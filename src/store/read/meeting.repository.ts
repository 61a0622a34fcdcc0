/** Read queries over `meetings`: pages filtered by participants, organization, place and date range, and lookups by id. */
import type { Db, Document, Filter } from 'mongodb';
import { COLLECTIONS } from '../collection-names';
import { LIVE } from '../documents/support.document';
import { StoreInputError } from '../store-input.error';
import { BATCH_READ_OPTIONS } from './batch-read.options';
import { findPage, type Page, type PageRequest, type SortSpec } from './cursor.pagination';
import { MEETING_READ_PROJECTION, type MeetingView } from './read.view';

export interface MeetingsFilter {
  /** Meetings in which every one of these people took part. */
  personIds?: readonly string[] | null;
  organizationId?: string | null;
  /** Exact location as stored (e.g. `Nairobi`). */
  location?: string | null;
  /** Inclusive ISO day (`YYYY-MM-DD`). */
  from?: string | null;
  /** Inclusive ISO day (`YYYY-MM-DD`). */
  to?: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function meetings(db: Db) {
  return db.collection<MeetingView>(COLLECTIONS.meetings);
}

/**
 * Live meetings in a date range. A meeting known only to the month or year is in the range when
 * that month or year overlaps it, so each precision compares against the range cut to its own
 * length. Each precision's branch states that the meeting is live itself, so the partial index
 * of live meetings by precision and date (indexes.ts) answers it: counting a range reads no
 * meeting, on MongoDB as on the embedded server. A range on strings matches no null date.
 */
function liveInDateRange(from: string | null | undefined, to: string | null | undefined): Document {
  for (const [name, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (day != null && !ISO_DAY.test(day))
      throw new StoreInputError(`\`${name}\` must be an ISO day (YYYY-MM-DD), got "${day}"`);
  }
  if (from != null && to != null && from > to) throw new StoreInputError(`\`from\` (${from}) is after \`to\` (${to})`);
  const precisions: Array<[MeetingView['datePrecision'], number]> = [
    ['day', 10],
    ['month', 7],
    ['year', 4],
  ];
  return {
    $or: precisions.map(([precision, length]) => ({
      ...LIVE,
      datePrecision: precision,
      date: {
        ...(from != null ? { $gte: from.slice(0, length) } : {}),
        ...(to != null ? { $lte: to.slice(0, length) } : {}),
      },
    })),
  };
}

export function findMeetingsPage(
  db: Db,
  filter: MeetingsFilter,
  sort: SortSpec,
  request: PageRequest,
): Promise<Page<MeetingView>> {
  const dated = filter.from != null || filter.to != null;
  const conditions: Document[] = [dated ? liveInDateRange(filter.from, filter.to) : LIVE];
  // The first person's equality lets an index narrow the candidates; `$all` then checks the others.
  if (filter.personIds?.length)
    conditions.push({ personIds: filter.personIds[0] }, { personIds: { $all: [...filter.personIds] } });
  if (filter.organizationId != null) conditions.push({ organizationIds: filter.organizationId });
  if (filter.location != null) conditions.push({ location: filter.location });
  const query = (conditions.length > 1 ? { $and: conditions } : conditions[0]) as Filter<MeetingView>;
  return findPage(meetings(db), query, sort, request, MEETING_READ_PROJECTION);
}

export function findMeetingsByIds(db: Db, ids: readonly string[]): Promise<MeetingView[]> {
  return meetings(db)
    .find({ _id: { $in: [...ids] }, ...LIVE }, { ...BATCH_READ_OPTIONS, projection: MEETING_READ_PROJECTION })
    .toArray();
}

/** Meetings by date in `direction`, undated ones last either way, `_id` breaking ties: the order of an article's meetings. */
export function orderMeetingsByDate(list: readonly MeetingView[], direction: 1 | -1): MeetingView[] {
  return [...list].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? -direction : direction;
    }
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
  });
}
