/** Read queries over `people`: pages, lookups by id and slug, and the batch lookups the request loaders use. */
import type { Db, Filter } from 'mongodb';
import { BATCH_NAMED_ENTITY_OPTIONS, BATCH_READ_OPTIONS } from './batch-read.options';
import { COLLECTIONS } from './collection-names';
import { findPage, type Page, type PageRequest, type SortSpec } from './cursor.pagination';
import { NAMED_ENTITY_READ_PROJECTION, type PersonEvidence, type PersonView } from './read.view';
import { searchKeyFilter } from './search-key.filter';

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

export function findPeoplePage(
  db: Db,
  filter: PeopleFilter,
  sort: SortSpec,
  request: PageRequest,
): Promise<Page<PersonView>> {
  const query: Filter<PersonView> = {};
  if (filter.name != null) Object.assign(query, searchKeyFilter(filter.name));
  if (filter.articleId != null) query.articleIds = filter.articleId;
  return findPage(people(db), query, sort, request, NAMED_ENTITY_READ_PROJECTION);
}

export function findPeopleByIds(db: Db, ids: readonly string[]): Promise<PersonView[]> {
  return people(db)
    .find({ _id: { $in: [...ids] } }, BATCH_NAMED_ENTITY_OPTIONS)
    .toArray();
}

export function findPeopleBySlugs(db: Db, slugs: readonly string[]): Promise<PersonView[]> {
  return people(db)
    .find({ slug: { $in: [...slugs] } }, BATCH_NAMED_ENTITY_OPTIONS)
    .toArray();
}

export function findPeopleInArticles(db: Db, articleIds: readonly string[]): Promise<PersonView[]> {
  return people(db)
    .find({ articleIds: { $in: [...articleIds] } }, BATCH_NAMED_ENTITY_OPTIONS)
    .sort({ name: 1, _id: 1 })
    .toArray();
}

export function findPersonEvidence(db: Db, ids: readonly string[]): Promise<PersonEvidence[]> {
  return db
    .collection<PersonEvidence>(COLLECTIONS.people)
    .find({ _id: { $in: [...ids] } }, { ...BATCH_READ_OPTIONS, projection: { evidence: 1 } })
    .toArray();
}
