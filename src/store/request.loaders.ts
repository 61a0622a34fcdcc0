/**
 * The batch loaders of one GraphQL request. Every relation the API resolves goes through one of
 * these, so resolving a relation for a page of N parents costs one command, not N.
 *
 * Two levels: each request has its own loaders, which remember what that request has read (so
 * no request sees another's cached data, and a request never reads the same key twice); below
 * them, one set of lookups per database handle, shared by every request and caching nothing,
 * merges the keys that concurrent requests ask for until the event loop next goes idle
 * (`setImmediate`) into one `$in` command. Under load the number of commands then grows with
 * the kinds of lookup in flight rather than with the number of requests, and each command costs
 * the API's one thread far more than a longer `$in` list does.
 */
import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import type { ArticleMetadata, ArticleText } from './article.document';
import { findArticlesByIds, findArticlesBySources, findArticleTexts } from './article.repository';
import {
  findMeetingsByIds,
  findMeetingsInArticles,
  findMeetingsWithOrganizations,
  findMeetingsWithPeople,
} from './meeting.repository';
import {
  findOfficesByIds,
  findOfficesHeldBy,
  findOfficesInArticles,
  findOfficesInJurisdictions,
} from './office.repository';
import { findOrganizationsByIds, findOrganizationsBySlugs, findOrganizationsNamed } from './organization.repository';
import { findPeopleByIds, findPeopleBySlugs, findPeopleInArticles, findPersonEvidence } from './person.repository';
import type { MeetingView, OfficeView, OrganizationView, PersonEvidence, PersonView } from './read.view';

/** Large enough for any page of parents a request can ask for; beyond it a shared batch splits. */
const MAX_SHARED_BATCH = 1_000;

const SHARED_BATCH_OPTIONS = {
  cache: false,
  maxBatchSize: MAX_SHARED_BATCH,
  batchScheduleFn: (dispatch: () => void) => setImmediate(dispatch),
} as const;

/** One document per key (or null), in key order, from a batch query that returns them in any order. */
function oneEach<T>(
  load: (keys: readonly string[]) => Promise<T[]>,
  keyOf: (doc: T) => string,
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const found = new Map((await load(keys)).map((doc) => [keyOf(doc), doc]));
    return keys.map((key) => found.get(key) ?? null);
  }, SHARED_BATCH_OPTIONS);
}

/** Every document that lists the key, per key, keeping the batch query's order. */
function allEach<T>(
  load: (keys: readonly string[]) => Promise<T[]>,
  keysOf: (doc: T) => readonly (string | null)[],
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const wanted = new Set(keys);
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const doc of await load(keys)) {
      for (const key of new Set(keysOf(doc))) {
        if (key !== null && wanted.has(key)) groups.get(key)!.push(doc);
      }
    }
    return keys.map((key) => groups.get(key)!);
  }, SHARED_BATCH_OPTIONS);
}

function createSharedLookups(db: Db) {
  return {
    articleById: oneEach<ArticleMetadata>(
      (ids) => findArticlesByIds(db, ids),
      (a) => a._id,
    ),
    articleBySource: oneEach<ArticleMetadata>(
      (sources) => findArticlesBySources(db, sources),
      (a) => a.source,
    ),
    articleTextById: oneEach<ArticleText>(
      (ids) => findArticleTexts(db, ids),
      (a) => a._id,
    ),
    personById: oneEach<PersonView>(
      (ids) => findPeopleByIds(db, ids),
      (p) => p._id,
    ),
    personBySlug: oneEach<PersonView>(
      (slugs) => findPeopleBySlugs(db, slugs),
      (p) => p.slug,
    ),
    personEvidenceById: oneEach<PersonEvidence>(
      (ids) => findPersonEvidence(db, ids),
      (p) => p._id,
    ),
    organizationById: oneEach<OrganizationView>(
      (ids) => findOrganizationsByIds(db, ids),
      (o) => o._id,
    ),
    organizationBySlug: oneEach<OrganizationView>(
      (slugs) => findOrganizationsBySlugs(db, slugs),
      (o) => o.slug,
    ),
    officeById: oneEach<OfficeView>(
      (ids) => findOfficesByIds(db, ids),
      (o) => o._id,
    ),
    meetingById: oneEach<MeetingView>(
      (ids) => findMeetingsByIds(db, ids),
      (m) => m._id,
    ),
    officesByHolder: allEach<OfficeView>(
      (ids) => findOfficesHeldBy(db, ids),
      (o) => o.holderIds,
    ),
    officesByArticle: allEach<OfficeView>(
      (ids) => findOfficesInArticles(db, ids),
      (o) => o.articleIds,
    ),
    officesByJurisdiction: allEach<OfficeView>(
      (names) => findOfficesInJurisdictions(db, names),
      (o) => [o.jurisdiction],
    ),
    organizationsByName: allEach<OrganizationView>(
      (names) => findOrganizationsNamed(db, names),
      (o) => [o.name, ...o.aliases],
    ),
    peopleByArticle: allEach<PersonView>(
      (ids) => findPeopleInArticles(db, ids),
      (p) => p.articleIds,
    ),
    meetingsByPerson: allEach<MeetingView>(
      (ids) => findMeetingsWithPeople(db, ids),
      (m) => m.personIds,
    ),
    meetingsByOrganization: allEach<MeetingView>(
      (ids) => findMeetingsWithOrganizations(db, ids),
      (m) => m.organizationIds,
    ),
    meetingsByArticle: allEach<MeetingView>(
      (ids) => findMeetingsInArticles(db, ids),
      (m) => m.articleIds,
    ),
  };
}

type SharedLookups = ReturnType<typeof createSharedLookups>;

const sharedLookupsOfDb = new WeakMap<Db, SharedLookups>();

function sharedLookups(db: Db): SharedLookups {
  let lookups = sharedLookupsOfDb.get(db);
  if (!lookups) {
    lookups = createSharedLookups(db);
    sharedLookupsOfDb.set(db, lookups);
  }
  return lookups;
}

/** The documents of `keys` that exist, in key order. */
export async function loadExisting<T>(loader: DataLoader<string, T | null>, keys: readonly string[]): Promise<T[]> {
  const results = await loader.loadMany(keys);
  return results.filter((result): result is T => {
    if (result instanceof Error) throw result;
    return result !== null;
  });
}

export type RequestLoaders = SharedLookups;

/**
 * Fresh loaders for one request. What they return is shared with concurrent requests that asked
 * for the same keys, so callers must treat loaded documents and lists as read-only.
 */
export function createRequestLoaders(db: Db): RequestLoaders {
  const shared = sharedLookups(db);
  const own = (lookup: DataLoader<string, unknown>) => new DataLoader<string, unknown>((keys) => lookup.loadMany(keys));
  // Each request loader yields exactly what its shared lookup yields, which the mapping cannot express.
  return Object.fromEntries(
    Object.entries(shared).map(([name, lookup]) => [name, own(lookup)]),
  ) as unknown as RequestLoaders;
}
