/**
 * Makes the plan of one load-log entry against the store as the entries before it left it:
 * the entry's articles' old facts are taken out of every aggregate they count towards, their
 * new facts put in article by article (so a batch resolves entities exactly as loading its
 * articles one by one would), and every touched aggregate is derived again. Reads only what the
 * entry's articles touch, so a load costs the same whatever the history of the entities it names.
 * Given the entry before it while that one is still being written, the plan reads the store
 * overlaid with what that entry writes (see `store.reader.ts`).
 */
import type { Db, Filter } from 'mongodb';
import { COLLECTIONS } from '../collection-names';
import type { ArticleMetadata } from '../documents/article.document';
import type { FactDocument } from '../documents/fact.document';
import type { MeetingDocument } from '../documents/meeting.document';
import { AffiliationSpace, resolveAffiliations, type PlacedAffiliation } from './affiliation.space';
import { EncounterSpace } from './encounter.space';
import { articleDateOf, entitiesOf } from './extraction-record.completion';
import { FACT_COLLECTIONS, type ArticleFacts, type FactCollection } from './fact.builder';
import type { ArticleDraft, LoadItem } from './load-entry.document';
import type { ArticleFactsPlan, ArticlePlan, DocumentWrite, LoadPlan } from './load-plan.type';
import { MeetingSpace, resolveReports, type PlacedReport } from './meeting.space';
import { NamedEntitySpace } from './named-entity.space';
import { OfficeSpace, resolveHoldings, type PlacedHolding } from './office.space';
import type { DraftSource } from './plan.executor';
import { StoreReader, type PendingEntry } from './store.reader';
import type { SupportCounter } from './support.counter';

/** One article whose facts change in this entry: its old facts, and its new version if any. */
interface ChangingArticle {
  plan: ArticlePlan;
  old: ArticleFacts;
  draft: ArticleDraft | null;
}

function emptyFacts(): ArticleFacts {
  return { mentions: [], holdingReports: [], affiliationReports: [], meetingReports: [] };
}

/** The facts of the articles' published versions, by article id. */
async function publishedFacts(
  db: Db,
  published: ReadonlyArray<{ articleId: string; version: string }>,
): Promise<Map<string, ArticleFacts>> {
  const byArticle = new Map(published.map(({ articleId }) => [articleId, emptyFacts()]));
  if (!published.length) return byArticle;
  const filter = { $or: published.map(({ articleId, version }) => ({ articleId, version })) };
  await Promise.all(
    FACT_COLLECTIONS.map(async (name) => {
      const docs = await db.collection<FactDocument>(COLLECTIONS[name]).find(filter).toArray();
      for (const doc of docs) (byArticle.get(doc.articleId)![name] as FactDocument[]).push(doc);
    }),
  );
  for (const facts of byArticle.values()) {
    for (const name of FACT_COLLECTIONS) (facts[name] as FactDocument[]).sort((a, b) => a.ordinal - b.ordinal);
  }
  return byArticle;
}

async function readArticles(db: Db, items: readonly LoadItem[], readDrafts: DraftSource) {
  const draftIds = items.flatMap((item) => (item.kind === 'load' ? [item.draftId] : []));
  const [articles, drafts] = await Promise.all([
    db
      .collection<ArticleMetadata>(COLLECTIONS.articles)
      .find({ _id: { $in: items.map((item) => item.articleId) } }, { projection: { text: 0, paragraphs: 0 } })
      .toArray(),
    readDrafts(draftIds),
  ]);
  return { articles: new Map(articles.map((a) => [a._id, a])), drafts };
}

/** What each item does to its article, given what is stored. */
function decide(
  items: readonly LoadItem[],
  articles: ReadonlyMap<string, ArticleMetadata>,
  drafts: ReadonlyMap<string, ArticleDraft>,
  now: Date,
): Array<{ plan: ArticlePlan; draft: ArticleDraft | null }> {
  return items.map((item) => {
    const stored = articles.get(item.articleId);
    const previousVersion = stored?.version ?? null;
    const base = {
      articleId: item.articleId,
      source: item.source,
      previousVersion,
      draftId: null,
      facts: null,
      date: null,
      ingestedAt: (previousVersion !== null ? stored!.ingestedAt : now).toISOString(),
    };
    if (item.kind === 'remove') {
      const status = previousVersion === null ? 'absent' : 'removed';
      return { plan: { ...base, status, version: null }, draft: null };
    }
    if (previousVersion === item.version) {
      return { plan: { ...base, status: 'unchanged', version: previousVersion }, draft: null };
    }
    const draft = drafts.get(item.draftId);
    if (!draft) throw new Error(`the draft of "${item.source}" is missing from the load log`);
    const status = previousVersion === null ? 'added' : 'updated';
    return {
      plan: { ...base, status, version: item.version, draftId: item.draftId, date: articleDateOf(draft.record) },
      draft,
    };
  });
}

export async function buildPlan(
  db: Db,
  items: readonly LoadItem[],
  now: Date,
  readDrafts: DraftSource,
  pending: PendingEntry | null = null,
): Promise<LoadPlan> {
  // The entry's articles, their facts and their dates are read as they are once the pending entry
  // is written: when it changes one of the same articles, the plan waits for it.
  if (pending && items.some((item) => pending.articleIds.has(item.articleId))) await pending.written;
  const reader = new StoreReader(db, pending);
  const { articles, drafts } = await readArticles(db, items, readDrafts);
  const decided = decide(items, articles, drafts, now);
  const changingItems = decided.filter(({ plan }) => plan.status !== 'unchanged' && plan.status !== 'absent');
  const old = await publishedFacts(
    db,
    changingItems.flatMap(({ plan }) =>
      plan.previousVersion === null ? [] : [{ articleId: plan.articleId, version: plan.previousVersion }],
    ),
  );
  const changing: ChangingArticle[] = changingItems.map(({ plan, draft }) => ({
    plan,
    draft,
    old: old.get(plan.articleId) ?? emptyFacts(),
  }));
  const loads = changing.filter((c): c is ChangingArticle & { draft: ArticleDraft } => c.draft !== null);

  const people = new NamedEntitySpace(reader, 'person');
  const organizations = new NamedEntitySpace(reader, 'organization');
  const offices = new OfficeSpace(reader);
  const affiliations = new AffiliationSpace(reader);
  const meetings = new MeetingSpace(reader);
  const encounters = new EncounterSpace(reader);

  // People and organizations, article by article.
  const entities = loads.map((c) => entitiesOf(c.draft.record));
  const oldMentions = changing.flatMap((c) => c.old.mentions);
  await Promise.all([
    people.prepare(
      oldMentions.filter((m) => m.kind === 'person').map((m) => m.entityId),
      entities.flatMap((e) => e.people),
    ),
    organizations.prepare(
      oldMentions.filter((m) => m.kind === 'organization').map((m) => m.entityId),
      entities.flatMap((e) => e.organizations),
    ),
  ]);
  for (const mention of oldMentions) (mention.kind === 'person' ? people : organizations).takeOut(mention);
  const facts: ArticleFactsPlan[] = [];
  const idsByKind: Array<{ person: Map<string, string>; organization: Map<string, string> }> = [];
  for (const [i, c] of loads.entries()) {
    const placedPeople = await people.place(entities[i].people, c.plan.date);
    const placedOrganizations = await organizations.place(entities[i].organizations, c.plan.date);
    idsByKind.push({ person: placedPeople.idsByName, organization: placedOrganizations.idsByName });
    facts.push({
      mentions: [
        ...placedPeople.entityIds.map((entityId, ordinal) => ({ kind: 'person' as const, ordinal, entityId })),
        ...placedOrganizations.entityIds.map((entityId, ordinal) => ({
          kind: 'organization' as const,
          ordinal,
          entityId,
        })),
      ],
      holdings: [],
      affiliations: [],
      reports: [],
    });
  }

  // Offices and affiliations, whose references are now resolved.
  const holdings: PlacedHolding[][] = loads.map((c, i) => resolveHoldings(c.draft.record.offices, idsByKind[i].person));
  const memberships: PlacedAffiliation[][] = loads.map((c, i) =>
    resolveAffiliations(c.draft.record.affiliations, idsByKind[i].person, idsByKind[i].organization),
  );
  const reports: PlacedReport[][] = loads.map((c, i) => resolveReports(c.draft.record.meetings, idsByKind[i]));
  await Promise.all([
    offices.prepare(
      changing.flatMap((c) => c.old.holdingReports),
      holdings.flat(),
    ),
    affiliations.prepare(
      changing.flatMap((c) => c.old.affiliationReports),
      memberships.flat(),
    ),
    meetings.prepare(
      changing.flatMap((c) => c.old.meetingReports),
      reports.flat(),
    ),
  ]);
  for (const c of changing) {
    offices.takeOut(c.old.holdingReports);
    affiliations.takeOut(c.old.affiliationReports);
    meetings.takeOut(c.old.meetingReports);
  }
  for (const [i, c] of loads.entries()) {
    facts[i].holdings = offices.putIn(holdings[i], c.plan.date);
    facts[i].affiliations = affiliations.putIn(memberships[i], c.plan.date);
    facts[i].reports = await meetings.putIn(reports[i], c.plan.date);
    c.plan.facts = facts[i];
  }

  // Counts that follow from aggregates appearing or disappearing.
  offices.settleHolderCounts();
  for (const [organizationId, change] of affiliations.memberChanges())
    organizations.adjustRelations(organizationId, change);
  const transitions = meetings.transitions();
  const dateChanges = meetings.dateChanges();
  const participantIds = (kind: string) =>
    dateChanges.flatMap((t) => t.participants.filter((p) => p.kind === kind).map((p) => p.refId));
  await Promise.all([
    people.load(participantIds('person')),
    organizations.load(participantIds('organization')),
    encounters.load(transitions.map((t) => t.participants.filter((p) => p.kind === 'person').map((p) => p.refId))),
  ]);
  for (const { change, participants } of transitions) {
    for (const p of participants) (p.kind === 'person' ? people : organizations).adjustMeetings(p.refId, change);
    encounters.adjust(
      participants.filter((p) => p.kind === 'person').map((p) => p.refId),
      change,
    );
  }
  for (const [personId, change] of encounters.metChanges()) people.adjustRelations(personId, change);
  for (const { meetingId, participants, after } of dateChanges) {
    for (const p of participants)
      (p.kind === 'person' ? people : organizations).updateLatestMeetings(p.refId, meetingId, after);
  }
  await Promise.all([
    refillLatestMeetings(reader, 'personIds', people),
    refillLatestMeetings(reader, 'organizationIds', organizations),
  ]);

  const changingIds = changing.map((c) => c.plan.articleId);
  await settleDates(reader, changingIds, [
    ...[...people.needingDates(), ...organizations.needingDates()].map(({ id, settle }) => ({
      collection: 'mentions' as const,
      filter: { entityId: id },
      settle,
    })),
    ...offices.offices.needingDates().map((s) => datesOf(s.support, 'holdingReports', { officeId: s.id })),
    ...offices.holders
      .needingDates()
      .map((s) => datesOf(s.support, 'holdingReports', { officeId: s.officeId, personId: s.personId })),
    ...affiliations.states
      .needingDates()
      .map((s) => datesOf(s.support, 'affiliationReports', { personId: s.personId, organizationId: s.organizationId })),
    ...meetings.states.needingDates().map((s) => datesOf(s.support, 'meetingReports', { meetingId: s.id })),
  ]);

  const named = [people.writes(), organizations.writes()];
  const officeWrites = offices.writes();
  const meetingWrites = meetings.writes();
  const affiliationWrites = affiliations.writes();
  const encounterWrites = encounters.writes();
  const writes: DocumentWrite[] = [
    ...named.flatMap((n) => n.writes),
    ...officeWrites.offices.writes,
    ...officeWrites.holders.writes,
    ...affiliationWrites.writes,
    ...meetingWrites.writes,
    ...encounterWrites.writes,
  ];
  const tombstones: DocumentWrite[] = [
    ...encounterWrites.tombstones,
    ...meetingWrites.tombstones,
    ...affiliationWrites.tombstones,
    ...officeWrites.holders.tombstones,
    ...officeWrites.offices.tombstones,
    ...named.flatMap((n) => n.tombstones),
  ];
  return {
    at: now.toISOString(),
    articles: decided.map(({ plan }) => plan),
    writes,
    tombstones,
    changes: {
      people: named[0].changes,
      organizations: named[1].changes,
      offices: officeWrites.offices.changes,
      meetings: meetingWrites.changes,
    },
  };
}

/** Latest-meeting lists a meeting left while full, filled again from the store. */
async function refillLatestMeetings(
  reader: StoreReader,
  field: 'personIds' | 'organizationIds',
  space: NamedEntitySpace,
): Promise<void> {
  const needing = space.needingLatestMeetings();
  if (!needing.length) return;
  const db = await reader.settled();
  await Promise.all(
    needing.map(async ({ id, limit, refill }) => {
      const latest = await db
        .collection<MeetingDocument>(COLLECTIONS.meetings)
        .find({ [field]: id, articleCount: { $gt: 0 } }, { projection: { _id: 1, date: 1 } })
        .sort({ date: -1, _id: -1 })
        .limit(limit)
        .toArray();
      refill(latest.map((m) => ({ meetingId: m._id, date: m.date })));
    }),
  );
}

interface DatesToSettle {
  collection: FactCollection;
  filter: Filter<FactDocument>;
  settle: (remaining: { first: string | null; last: string | null }) => void;
}

function datesOf(support: SupportCounter, collection: FactCollection, filter: Filter<FactDocument>): DatesToSettle {
  return { collection, filter, settle: (remaining) => support.settleDates(remaining) };
}

/** First and last dates found again among the facts that remain of articles outside the entry. */
async function settleDates(
  reader: StoreReader,
  changingArticleIds: readonly string[],
  pending: readonly DatesToSettle[],
) {
  if (!pending.length) return;
  const db = await reader.settled();
  const edge = async ({ collection, filter }: DatesToSettle, direction: 1 | -1): Promise<string | null> => {
    const [doc] = await db
      .collection<FactDocument>(COLLECTIONS[collection])
      .find({ ...filter, articleId: { $nin: [...changingArticleIds] }, date: { $ne: null } } as Filter<FactDocument>, {
        projection: { date: 1 },
      })
      .sort({ date: direction })
      .limit(1)
      .toArray();
    return doc?.date ?? null;
  };
  await Promise.all(
    pending.map(async (p) => {
      const [first, last] = await Promise.all([edge(p, 1), edge(p, -1)]);
      p.settle({ first, last });
    }),
  );
}
