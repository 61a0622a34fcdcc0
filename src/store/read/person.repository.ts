/** Read queries over `people`: pages, lookups by id and slug, for the API and the request loaders. */
import type { Db, Filter } from 'mongodb';
import { COLLECTIONS } from '../collection-names';
import { LIVE } from '../documents/support.document';
import { searchKeyFilter } from '../identity/search-key.filter';
import { BATCH_ENTITY_BY_ID_OPTIONS, BATCH_NAMED_ENTITY_OPTIONS } from './batch-read.options';
import { findPage, type Page, type PageRequest, type SortSpec } from './cursor.pagination';
import { entityIdsNamedIn } from './fact.repository';
import { NAMED_ENTITY_READ_PROJECTION, type PersonView } from './read.view';

export interface PeopleFilter {
  /** Matches the start of any word of the name or an alias, case- and accent-insensitively. */
  name?: string | null;
  /** Only people named in this article. */
  articleId?: string | null;
}

export type PersonSortField = 'name' | 'mentionCount';

function people(db: Db) {
  return db.collection<PersonView>(COLLECTIONS.people);
}

export async function findPeoplePage(
  db: Db,
  filter: PeopleFilter,
  sort: SortSpec,
  request: PageRequest,
): Promise<Page<PersonView>> {
  const query: Filter<PersonView> = { ...LIVE };
  if (filter.name != null) Object.assign(query, searchKeyFilter(filter.name));
  if (filter.articleId != null) query._id = { $in: await entityIdsNamedIn(db, filter.articleId, 'person') };
  return findPage(people(db), query, sort, request, NAMED_ENTITY_READ_PROJECTION);
}

export function findPeopleByIds(db: Db, ids: readonly string[]): Promise<PersonView[]> {
  return people(db)
    .find({ _id: { $in: [...ids] }, ...LIVE }, BATCH_ENTITY_BY_ID_OPTIONS)
    .toArray();
}

export function findPeopleBySlugs(db: Db, slugs: readonly string[]): Promise<PersonView[]> {
  return people(db)
    .find({ slug: { $in: [...slugs] }, ...LIVE }, BATCH_NAMED_ENTITY_OPTIONS)
    .toArray();
}
