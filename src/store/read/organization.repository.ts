/** Read queries over `organizations`: pages, lookups by id, slug and name, for the API and the request loaders. */
import type { Db, Filter } from 'mongodb';
import { COLLECTIONS } from '../collection-names';
import { LIVE } from '../documents/support.document';
import { searchKeyFilter } from '../identity/search-key.filter';
import { BATCH_ENTITY_BY_ID_OPTIONS, BATCH_NAMED_ENTITY_OPTIONS } from './batch-read.options';
import { findPage, type Page, type PageRequest, type SortSpec } from './cursor.pagination';
import { entityIdsNamedIn } from './fact.repository';
import { NAMED_ENTITY_READ_PROJECTION, type OrganizationView } from './read.view';

export interface OrganizationsFilter {
  /** Matches the start of any word of the name or an alias, case- and accent-insensitively. */
  name?: string | null;
  articleId?: string | null;
}

function organizations(db: Db) {
  return db.collection<OrganizationView>(COLLECTIONS.organizations);
}

export async function findOrganizationsPage(
  db: Db,
  filter: OrganizationsFilter,
  sort: SortSpec,
  request: PageRequest,
): Promise<Page<OrganizationView>> {
  const query: Filter<OrganizationView> = { ...LIVE };
  if (filter.name != null) Object.assign(query, searchKeyFilter(filter.name));
  if (filter.articleId != null) query._id = { $in: await entityIdsNamedIn(db, filter.articleId, 'organization') };
  return findPage(organizations(db), query, sort, request, NAMED_ENTITY_READ_PROJECTION);
}

export function findOrganizationsByIds(db: Db, ids: readonly string[]): Promise<OrganizationView[]> {
  return organizations(db)
    .find({ _id: { $in: [...ids] }, ...LIVE }, BATCH_ENTITY_BY_ID_OPTIONS)
    .toArray();
}

export function findOrganizationsBySlugs(db: Db, slugs: readonly string[]): Promise<OrganizationView[]> {
  return organizations(db)
    .find({ slug: { $in: [...slugs] }, ...LIVE }, BATCH_NAMED_ENTITY_OPTIONS)
    .toArray();
}

/** Organizations whose name or one of whose aliases is exactly one of `names` (office jurisdictions). */
export function findOrganizationsNamed(db: Db, names: readonly string[]): Promise<OrganizationView[]> {
  return organizations(db)
    .find(
      { $or: [{ name: { $in: [...names] } }, { aliases: { $in: [...names] } }], ...LIVE },
      BATCH_NAMED_ENTITY_OPTIONS,
    )
    .toArray();
}
