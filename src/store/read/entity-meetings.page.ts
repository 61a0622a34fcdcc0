/**
 * A page of a person's or an organization's meetings. The first page, latest first, comes from
 * the entity's own list of its latest meetings (one lookup of those meetings by id) when it was
 * read with it; any other page is a range of the entity's meetings, read with every other
 * parent's in one command.
 */
import type DataLoader from 'dataloader';
import { LATEST_MEETINGS, type MeetingRef } from '../documents/latest-meetings';
import { encodeCursor, pageSize, type Page, type PageRequest, type SortDirection } from './cursor.pagination';
import { keyedPage, type KeyedRange } from './keyed-range.lookup';
import type { MeetingView } from './read.view';
import { loadExisting, type RequestLoaders } from './request.loaders';

export interface MeetingParent {
  _id: string;
  meetingCount: number;
  /** Absent when the entity was read without it (by id): its first page is then a range too. */
  latestMeetings?: MeetingRef[];
}

export async function entityMeetingsPage(
  loaders: RequestLoaders,
  range: DataLoader<KeyedRange, MeetingView[], string>,
  entity: MeetingParent,
  direction: SortDirection,
  request: PageRequest,
): Promise<Page<MeetingView>> {
  const { size, backward } = pageSize(request);
  const latest = entity.latestMeetings ?? [];
  const holdsAll = entity.latestMeetings !== undefined && latest.length < LATEST_MEETINGS;
  const firstPage = direction === -1 && !backward && !request.after && !request.before;
  if (!firstPage || (size > latest.length && !holdsAll)) {
    return keyedPage(range, entity._id, { field: 'date', direction }, request, async () => entity.meetingCount);
  }
  const docs = await loadExisting(
    loaders.meetingById,
    latest.slice(0, size).map((ref) => ref.meetingId),
  );
  return {
    edges: docs.map((doc) => ({ cursor: encodeCursor([doc.date, doc._id]), node: doc })),
    hasNextPage: entity.meetingCount > size,
    hasPreviousPage: false,
    totalCount: async () => entity.meetingCount,
  };
}
