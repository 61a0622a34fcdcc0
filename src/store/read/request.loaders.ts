/**
 * The batch loaders of one GraphQL request. Every relation the API resolves goes through one of
 * these, so resolving a relation for a page of N parents costs one command, not N.
 *
 * Two levels: each request has its own loaders, which remember what that request has read (so
 * no request sees another's cached data, and a request never reads the same key twice); below
 * them, one set of lookups per database handle, shared by every request and caching nothing,
 * merges the keys that concurrent requests ask for until the event loop next goes idle
 * (`setImmediate`) into one command. Under load the number of commands then grows with the kinds
 * of lookup in flight rather than with the number of requests, and each command costs the API's
 * one thread far more than a longer `$in` list does.
 *
 * Lists that grow with the corpus (a person's meetings, the facts behind an aggregate) are read
 * a page at a time, every parent's page in the same command (`keyed-range.lookup.ts`); lists
 * that stay small (a person's offices, an article's facts) are read whole.
 */
import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collection-names';
import type { ArticleText } from '../documents/article.document';
import type { HoldingReportDocument } from '../documents/holding-report.document';
import type { MeetingReportDocument } from '../documents/meeting-report.document';
import type { MentionDocument } from '../documents/mention.document';
import { LIVE } from '../documents/support.document';
import { findAffiliationsOfPeople } from './affiliation.repository';
import {
  findArticlesByIds,
  findArticlesBySources,
  findArticleTexts,
  type PublishedArticle,
} from './article.repository';
import { findHoldingReportsInArticles, findMeetingReportsInArticles, findMentionsInArticles } from './fact.repository';
import { keyedRangeLookup } from './keyed-range.lookup';
import { findMeetingsByIds } from './meeting.repository';
import { findHoldingsOfPeople, findOfficesByIds, findOfficesInJurisdictions } from './office.repository';
import { findOrganizationsByIds, findOrganizationsBySlugs, findOrganizationsNamed } from './organization.repository';
import { findPeopleByIds, findPeopleBySlugs } from './person.repository';
import {
  FACT_READ_PROJECTION,
  MEETING_READ_PROJECTION,
  READ_PROJECTION,
  type AffiliationView,
  type EncounterView,
  type FactView,
  type MeetingView,
  type OfficeHolderView,
  type OfficeView,
  type OrganizationView,
  type PersonView,
} from './read.view';

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

/** Keys of relations between two entities (`personId|organizationId`, ...). */
export function pairKey(a: string, b: string): string {
  return `${a}|${b}`;
}

function splitPair(key: string): [string, string] {
  const [a, b] = key.split('|');
  return [a, b];
}

function createSharedLookups(db: Db) {
  return {
    articleById: oneEach<PublishedArticle>(
      (ids) => findArticlesByIds(db, ids),
      (a) => a._id,
    ),
    articleBySource: oneEach<PublishedArticle>(
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
    holdingsOfPerson: allEach<OfficeHolderView>(
      (ids) => findHoldingsOfPeople(db, ids),
      (h) => [h.personId],
    ),
    affiliationsOfPerson: allEach<AffiliationView>(
      (ids) => findAffiliationsOfPeople(db, ids),
      (a) => [a.personId],
    ),
    officesByJurisdiction: allEach<OfficeView>(
      (names) => findOfficesInJurisdictions(db, names),
      (o) => [o.jurisdiction],
    ),
    organizationsByName: allEach<OrganizationView>(
      (names) => findOrganizationsNamed(db, names),
      (o) => [o.name, ...o.aliases],
    ),
    /** An article's facts of every version stored: callers keep those of its published version. */
    mentionsOfArticle: allEach<MentionDocument>(
      (ids) => findMentionsInArticles(db, ids),
      (m) => [m.articleId],
    ),
    holdingReportsOfArticle: allEach<HoldingReportDocument>(
      (ids) => findHoldingReportsInArticles(db, ids),
      (h) => [h.articleId],
    ),
    meetingReportsOfArticle: allEach<MeetingReportDocument>(
      (ids) => findMeetingReportsInArticles(db, ids),
      (r) => [r.articleId],
    ),
    meetingsOfPerson: keyedRangeLookup<MeetingView>(db, {
      collection: COLLECTIONS.meetings,
      filterOf: (personId) => ({ personIds: personId, ...LIVE }),
      projection: MEETING_READ_PROJECTION,
    }),
    meetingsOfOrganization: keyedRangeLookup<MeetingView>(db, {
      collection: COLLECTIONS.meetings,
      filterOf: (organizationId) => ({ organizationIds: organizationId, ...LIVE }),
      projection: MEETING_READ_PROJECTION,
    }),
    /** Keyed by `pairKey(personId, otherId)`. */
    meetingsOfPair: keyedRangeLookup<MeetingView>(db, {
      collection: COLLECTIONS.meetings,
      filterOf: (key) => {
        const [personId, otherId] = splitPair(key);
        return { $and: [{ personIds: personId }, { personIds: otherId }], ...LIVE };
      },
      projection: MEETING_READ_PROJECTION,
    }),
    encountersOfPerson: keyedRangeLookup<EncounterView>(db, {
      collection: COLLECTIONS.encounters,
      filterOf: (personId) => ({ personId, sharedMeetingCount: { $gt: 0 } }),
      projection: READ_PROJECTION,
    }),
    holdersOfOffice: keyedRangeLookup<OfficeHolderView>(db, {
      collection: COLLECTIONS.officeHolders,
      filterOf: (officeId) => ({ officeId, ...LIVE }),
      projection: READ_PROJECTION,
    }),
    /** Keyed by `pairKey(organizationId, minArticles)`. */
    membersOfOrganization: keyedRangeLookup<AffiliationView>(db, {
      collection: COLLECTIONS.affiliations,
      filterOf: (key) => {
        const [organizationId, minArticles] = splitPair(key);
        return { organizationId, articleCount: { $gte: Math.max(1, Number(minArticles)) } };
      },
      projection: READ_PROJECTION,
    }),
    mentionsOfEntity: keyedRangeLookup<FactView>(db, {
      collection: COLLECTIONS.mentions,
      filterOf: (entityId) => ({ entityId }),
      projection: FACT_READ_PROJECTION,
      keyField: 'entityId',
    }),
    reportsOfOffice: keyedRangeLookup<FactView>(db, {
      collection: COLLECTIONS.holdingReports,
      filterOf: (officeId) => ({ officeId }),
      projection: FACT_READ_PROJECTION,
      keyField: 'officeId',
    }),
    /** Keyed by `pairKey(officeId, personId)`. */
    reportsOfHolding: keyedRangeLookup<FactView>(db, {
      collection: COLLECTIONS.holdingReports,
      filterOf: (key) => {
        const [officeId, personId] = splitPair(key);
        return { officeId, personId };
      },
      projection: FACT_READ_PROJECTION,
    }),
    reportsOfMeeting: keyedRangeLookup<FactView>(db, {
      collection: COLLECTIONS.meetingReports,
      filterOf: (meetingId) => ({ meetingId }),
      projection: FACT_READ_PROJECTION,
      keyField: 'meetingId',
    }),
    /** Keyed by `pairKey(personId, organizationId)`. */
    reportsOfAffiliation: keyedRangeLookup<FactView>(db, {
      collection: COLLECTIONS.affiliationReports,
      filterOf: (key) => {
        const [personId, organizationId] = splitPair(key);
        return { personId, organizationId };
      },
      projection: FACT_READ_PROJECTION,
    }),
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
  const own = (lookup: DataLoader<unknown, unknown, unknown>) =>
    new DataLoader<unknown, unknown, string>((keys) => lookup.loadMany(keys), {
      cacheKeyFn: (key) => (typeof key === 'string' ? key : JSON.stringify(key)),
    });
  // Each request loader yields exactly what its shared lookup yields, which the mapping cannot express.
  return Object.fromEntries(
    Object.entries(shared).map(([name, lookup]) => [name, own(lookup as DataLoader<unknown, unknown, unknown>)]),
  ) as unknown as RequestLoaders;
}

/** Facts kept for reading, with the articles they were checked against. */
export interface PublishedFacts<F> {
  facts: F[];
  /** The published articles of the facts given, by id. */
  articles: Map<string, PublishedArticle>;
}

/** The facts whose article publishes their version (a reader never sees half of a load), and those articles. */
export async function publishedFacts<F extends FactView>(
  loaders: RequestLoaders,
  facts: readonly F[],
): Promise<PublishedFacts<F>> {
  const articles = await loadExisting(loaders.articleById, [...new Set(facts.map((f) => f.articleId))]);
  const byId = new Map(articles.map((a) => [a._id, a]));
  return { facts: facts.filter((fact) => byId.get(fact.articleId)?.version === fact.version), articles: byId };
}
