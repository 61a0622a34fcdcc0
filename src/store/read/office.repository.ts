/**
 * Read queries over `offices` and `officeHolders`: pages of the shared offices by title and
 * jurisdiction, and batch lookups by id, jurisdiction and holder. Offices of one holder alone
 * (no jurisdiction) are reached through their holder only.
 */
import type { Db, Filter } from 'mongodb';
import { COLLECTIONS } from '../collection-names';
import { LIVE } from '../documents/support.document';
import { searchKeyFilter } from '../identity/search-key.filter';
import { BATCH_VIEW_OPTIONS } from './batch-read.options';
import { findPage, type Page, type PageRequest, type SortSpec } from './cursor.pagination';
import { READ_PROJECTION, type OfficeHolderView, type OfficeView } from './read.view';

export interface OfficesFilter {
  /** Exact jurisdiction as stored (e.g. `European Union`). */
  jurisdiction?: string | null;
  /** Exact title as stored (e.g. `Prime Minister`). */
  title?: string | null;
  /** Matches the start of any word of the title or jurisdiction. */
  text?: string | null;
}

const SHARED = { holderId: null, ...LIVE } as const;

function offices(db: Db) {
  return db.collection<OfficeView>(COLLECTIONS.offices);
}

export function findOfficesPage(
  db: Db,
  filter: OfficesFilter,
  sort: SortSpec,
  request: PageRequest,
): Promise<Page<OfficeView>> {
  const query: Filter<OfficeView> = { ...SHARED };
  if (filter.jurisdiction != null) query.jurisdiction = filter.jurisdiction;
  if (filter.title != null) query.title = filter.title;
  if (filter.text != null) Object.assign(query, searchKeyFilter(filter.text));
  return findPage(offices(db), query, sort, request, READ_PROJECTION);
}

export function findOfficesByIds(db: Db, ids: readonly string[]): Promise<OfficeView[]> {
  return offices(db)
    .find({ _id: { $in: [...ids] }, ...LIVE }, BATCH_VIEW_OPTIONS)
    .toArray();
}

export function findOfficesInJurisdictions(db: Db, jurisdictions: readonly string[]): Promise<OfficeView[]> {
  return offices(db)
    .find({ jurisdiction: { $in: [...jurisdictions] }, ...SHARED }, BATCH_VIEW_OPTIONS)
    .sort({ title: 1, _id: 1 })
    .toArray();
}

/** Every office these people are shown holding (a person holds few, so all are read at once). */
export function findHoldingsOfPeople(db: Db, personIds: readonly string[]): Promise<OfficeHolderView[]> {
  return db
    .collection<OfficeHolderView>(COLLECTIONS.officeHolders)
    .find({ personId: { $in: [...personIds] }, ...LIVE }, BATCH_VIEW_OPTIONS)
    .toArray();
}
