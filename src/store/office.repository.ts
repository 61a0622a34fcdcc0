/** Read queries over `offices`: pages by title and jurisdiction, and batch lookups by holder, article and jurisdiction. */
import type { Db, Filter } from 'mongodb';
import { BATCH_VIEW_OPTIONS } from './batch-read.options';
import { COLLECTIONS } from './collection-names';
import { findPage, type Page, type PageRequest, type SortSpec } from './cursor.pagination';
import { READ_PROJECTION, type OfficeView } from './read.view';
import { searchKeyFilter } from './search-key.filter';

export interface OfficesFilter {
  /** Exact jurisdiction as stored (e.g. `European Union`). */
  jurisdiction?: string | null;
  /** Exact title as stored (e.g. `Prime Minister`). */
  title?: string | null;
  /** Matches the start of any word of the title or jurisdiction. */
  text?: string | null;
}

function offices(db: Db) {
  return db.collection<OfficeView>(COLLECTIONS.offices);
}

export function findOfficesPage(
  db: Db,
  filter: OfficesFilter,
  sort: SortSpec,
  request: PageRequest,
): Promise<Page<OfficeView>> {
  const query: Filter<OfficeView> = {};
  if (filter.jurisdiction != null) query.jurisdiction = filter.jurisdiction;
  if (filter.title != null) query.title = filter.title;
  if (filter.text != null) Object.assign(query, searchKeyFilter(filter.text));
  return findPage(offices(db), query, sort, request, READ_PROJECTION);
}

export function findOfficesByIds(db: Db, ids: readonly string[]): Promise<OfficeView[]> {
  return offices(db)
    .find({ _id: { $in: [...ids] } }, BATCH_VIEW_OPTIONS)
    .toArray();
}

export function findOfficesHeldBy(db: Db, personIds: readonly string[]): Promise<OfficeView[]> {
  return offices(db)
    .find({ holderIds: { $in: [...personIds] } }, BATCH_VIEW_OPTIONS)
    .toArray();
}

export function findOfficesInArticles(db: Db, articleIds: readonly string[]): Promise<OfficeView[]> {
  return offices(db)
    .find({ articleIds: { $in: [...articleIds] } }, BATCH_VIEW_OPTIONS)
    .sort({ title: 1, _id: 1 })
    .toArray();
}

export function findOfficesInJurisdictions(db: Db, jurisdictions: readonly string[]): Promise<OfficeView[]> {
  return offices(db)
    .find({ jurisdiction: { $in: [...jurisdictions] } }, BATCH_VIEW_OPTIONS)
    .toArray();
}
