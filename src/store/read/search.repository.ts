/**
 * `search(text)`: the best matches of each searchable kind in ONE aggregate command, an anchored
 * prefix query on `people` with the other collections' queries appended by `$unionWith`, each
 * reading its own `searchKeys` index. One command instead of four, since each command costs the
 * API's single thread more than the work the server does for a search. Tombstones, removed
 * articles and offices of one holder alone have no search keys, so no search finds them.
 */
import type { Db, Document } from 'mongodb';
import { COLLECTIONS } from '../collection-names';
import { ARTICLE_METADATA_PROJECTION } from '../documents/article.document';
import { searchKeyFilter } from '../identity/search-key.filter';
import type { PublishedArticle } from './article.repository';
import { BATCH_READ_OPTIONS } from './batch-read.options';
import { readOnceForAllWaiting } from './identical-read.coalescer';
import {
  NAMED_ENTITY_READ_PROJECTION,
  READ_PROJECTION,
  type OfficeView,
  type OrganizationView,
  type PersonView,
} from './read.view';

/** How many matches of each kind a search considers; a search wider than this should be narrowed. */
export const SEARCH_LIMIT_PER_KIND = 100;

export type SearchMatch =
  | { kind: 'person'; doc: PersonView }
  | { kind: 'organization'; doc: OrganizationView }
  | { kind: 'office'; doc: OfficeView }
  | { kind: 'article'; doc: PublishedArticle };

const KIND_ORDER: Record<SearchMatch['kind'], number> = { person: 0, organization: 1, office: 2, article: 3 };

/**
 * One kind's matches as `{ kind, doc }`: wrapping the document (rather than adding a `kind`
 * field to it) keeps its own fields untouched whatever they are named.
 */
function matchesOfKind(filter: Document, kind: SearchMatch['kind'], sort: Document, projection: Document): Document[] {
  return [
    { $match: filter },
    { $sort: sort },
    { $limit: SEARCH_LIMIT_PER_KIND },
    { $project: projection },
    { $replaceWith: { kind: { $literal: kind }, doc: '$$ROOT' } },
  ];
}

/** People first (most mentioned first), then organizations (by name), offices (by title) and articles (newest first). */
export async function searchEverything(db: Db, text: string): Promise<SearchMatch[]> {
  const filter = searchKeyFilter(text);
  const pipeline = [
    ...matchesOfKind(filter, 'person', { mentionCount: -1, _id: 1 }, NAMED_ENTITY_READ_PROJECTION),
    {
      $unionWith: {
        coll: COLLECTIONS.organizations,
        pipeline: matchesOfKind(filter, 'organization', { name: 1, _id: 1 }, NAMED_ENTITY_READ_PROJECTION),
      },
    },
    {
      $unionWith: {
        coll: COLLECTIONS.offices,
        pipeline: matchesOfKind(filter, 'office', { title: 1, _id: 1 }, READ_PROJECTION),
      },
    },
    {
      $unionWith: {
        coll: COLLECTIONS.articles,
        pipeline: matchesOfKind(filter, 'article', { publishedOn: -1, _id: 1 }, ARTICLE_METADATA_PROJECTION),
      },
    },
  ];
  // At most four limits' worth of small documents: one batch keeps the search to one command.
  const people = db.collection(COLLECTIONS.people);
  return readOnceForAllWaiting(db.client, { aggregate: people.namespace, pipeline }, async () => {
    const matches = await people.aggregate<SearchMatch>(pipeline, BATCH_READ_OPTIONS).toArray();
    // MongoDB does not promise that `$unionWith` appends in stage order (a sharded cluster may
    // interleave), so the kinds are put in order here; the sort is stable, keeping each kind's own order.
    return matches.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  });
}
