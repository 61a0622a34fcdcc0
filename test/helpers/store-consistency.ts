/**
 * Checks a store against its own facts, as a reader would trust it: every reference of every
 * published fact and live aggregate resolves, every evidence span is that span of its article's
 * text, and every aggregate holds exactly what its published facts add up to. And the facts of
 * one article, without ids, to compare with a lone ingest of the same text.
 */
import type { Db, Document } from 'mongodb';
import { COLLECTIONS, compareLatestFirst, LATEST_MEETINGS, type MeetingRef } from '../../src/store';

const LIVE = { articleCount: { $gt: 0 } };

async function all(db: Db, name: string, filter: Document = {}): Promise<Document[]> {
  return db.collection(name).find(filter).toArray();
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

interface Support {
  articleCount: number;
  evidenceCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

function supportOf(facts: readonly Document[]): Support {
  const dates = facts
    .map((f) => f.date as string | null)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    articleCount: new Set(facts.map((f) => f.articleId)).size,
    evidenceCount: facts.reduce((n, f) => n + f.evidence.length, 0),
    firstSeen: dates[0] ?? null,
    lastSeen: dates[dates.length - 1] ?? null,
  };
}

const supportFields = (doc: Document): Support => ({
  articleCount: doc.articleCount,
  evidenceCount: doc.evidenceCount,
  firstSeen: doc.firstSeen,
  lastSeen: doc.lastSeen,
});

/** Every problem found, as a readable line; an empty list is a consistent store. */
export async function consistencyProblems(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const articles = new Map(
    (await all(db, COLLECTIONS.articles, { version: { $type: 'string' } })).map((a) => [a._id as string, a]),
  );
  const published = async (name: string) =>
    (await all(db, name)).filter((f) => articles.get(f.articleId)?.version === f.version);
  const [mentions, holdings, reports, affiliationReports] = await Promise.all([
    published(COLLECTIONS.mentions),
    published(COLLECTIONS.holdingReports),
    published(COLLECTIONS.meetingReports),
    published(COLLECTIONS.affiliationReports),
  ]);
  const liveIds = async (name: string, filter: Document = LIVE) =>
    new Map((await all(db, name, filter)).map((d) => [d._id as string, d]));
  const [people, organizations, offices, holders, meetings, affiliations, encounters] = await Promise.all([
    liveIds(COLLECTIONS.people),
    liveIds(COLLECTIONS.organizations),
    liveIds(COLLECTIONS.offices),
    liveIds(COLLECTIONS.officeHolders),
    liveIds(COLLECTIONS.meetings),
    liveIds(COLLECTIONS.affiliations),
    liveIds(COLLECTIONS.encounters, { sharedMeetingCount: { $gt: 0 } }),
  ]);
  const entity = (kind: string) => (kind === 'person' ? people : organizations);
  const resolves = (what: string, map: Map<string, Document>, id: string) => {
    if (!map.has(id)) problems.push(`dangling reference: ${what} -> ${id}`);
  };

  // Evidence and references of the published facts.
  for (const [name, facts] of [
    ['mentions', mentions],
    ['holdingReports', holdings],
    ['meetingReports', reports],
    ['affiliationReports', affiliationReports],
  ] as const) {
    for (const fact of facts) {
      const text = articles.get(fact.articleId)!.text as string;
      for (const span of fact.evidence) {
        if (text.slice(span.start, span.end) !== span.text)
          problems.push(`evidence of ${name} ${fact._id} is not ${span.start}-${span.end} of its article`);
      }
    }
  }
  for (const m of mentions) resolves(`mention ${m._id}`, entity(m.kind), m.entityId);
  for (const h of holdings) {
    resolves(`holding report ${h._id}`, offices, h.officeId);
    resolves(`holding report ${h._id}`, people, h.personId);
  }
  for (const r of reports) {
    resolves(`meeting report ${r._id}`, meetings, r.meetingId);
    for (const p of r.participants) resolves(`meeting report ${r._id}`, entity(p.kind), p.refId);
  }
  for (const a of affiliationReports) {
    resolves(`affiliation report ${a._id}`, people, a.personId);
    resolves(`affiliation report ${a._id}`, organizations, a.organizationId);
  }
  for (const h of holders.values()) {
    resolves(`office holder ${h._id}`, offices, h.officeId);
    resolves(`office holder ${h._id}`, people, h.personId);
  }
  for (const m of meetings.values())
    for (const p of m.participants) resolves(`meeting ${m._id}`, entity(p.kind), p.refId);
  for (const a of affiliations.values()) {
    resolves(`affiliation ${a._id}`, people, a.personId);
    resolves(`affiliation ${a._id}`, organizations, a.organizationId);
  }
  for (const e of encounters.values()) {
    resolves(`encounter ${e._id}`, people, e.personId);
    resolves(`encounter ${e._id}`, people, e.otherId);
  }

  // Every aggregate is what its published facts add up to, and nothing else is live.
  const expectSupport = (what: string, doc: Document | undefined, facts: readonly Document[]) => {
    const expected = supportOf(facts);
    const found = doc ? supportFields(doc) : null;
    if (JSON.stringify(found) !== JSON.stringify(expected))
      problems.push(`${what}: stored ${JSON.stringify(found)}, facts say ${JSON.stringify(expected)}`);
  };
  const compareAll = (
    what: string,
    stored: Map<string, Document>,
    facts: Map<string, Document[]>,
    extra: (doc: Document, facts: readonly Document[]) => string[] = () => [],
  ) => {
    for (const [id, group] of facts) {
      expectSupport(`${what} ${id}`, stored.get(id), group);
      const doc = stored.get(id);
      if (doc) problems.push(...extra(doc, group).map((p) => `${what} ${id}: ${p}`));
    }
    for (const id of stored.keys()) if (!facts.has(id)) problems.push(`${what} ${id} is live but no fact states it`);
  };
  const meetingsOf = new Map<string, number>();
  const latestOf = new Map<string, MeetingRef[]>();
  for (const m of meetings.values()) {
    for (const p of m.participants) {
      meetingsOf.set(p.refId, (meetingsOf.get(p.refId) ?? 0) + 1);
      latestOf.set(p.refId, [...(latestOf.get(p.refId) ?? []), { meetingId: m._id, date: m.date }]);
    }
  }
  for (const entity of [...people.values(), ...organizations.values()]) {
    const expected = (latestOf.get(entity._id) ?? []).sort(compareLatestFirst).slice(0, LATEST_MEETINGS);
    if (JSON.stringify(entity.latestMeetings) !== JSON.stringify(expected))
      problems.push(`entity ${entity._id}: latest meetings differ from its meetings`);
  }
  const metOf = countBy([...encounters.values()], (e) => e.personId);
  compareAll(
    'person',
    people,
    countBy(
      mentions.filter((m) => m.kind === 'person'),
      (m) => m.entityId,
    ),
    (doc, facts) => {
      const wrong: string[] = [];
      const mentionCount = facts.reduce((n, f) => n + f.mentions, 0);
      if (doc.mentionCount !== mentionCount) wrong.push(`mentionCount ${doc.mentionCount}, facts say ${mentionCount}`);
      if (doc.meetingCount !== (meetingsOf.get(doc._id) ?? 0)) wrong.push(`meetingCount ${doc.meetingCount}`);
      if (doc.metCount !== (metOf.get(doc._id)?.length ?? 0)) wrong.push(`metCount ${doc.metCount}`);
      return wrong;
    },
  );
  const membersOf = countBy([...affiliations.values()], (a) => a.organizationId);
  compareAll(
    'organization',
    organizations,
    countBy(
      mentions.filter((m) => m.kind === 'organization'),
      (m) => m.entityId,
    ),
    (doc) => [
      ...(doc.meetingCount !== (meetingsOf.get(doc._id) ?? 0) ? [`meetingCount ${doc.meetingCount}`] : []),
      ...(doc.memberCount !== (membersOf.get(doc._id)?.length ?? 0) ? [`memberCount ${doc.memberCount}`] : []),
    ],
  );
  const holdersOf = countBy([...holders.values()], (h) => h.officeId);
  compareAll(
    'office',
    offices,
    countBy(holdings, (h) => h.officeId),
    (doc) => (doc.holderCount !== (holdersOf.get(doc._id)?.length ?? 0) ? [`holderCount ${doc.holderCount}`] : []),
  );
  const holderKey = (officeId: string, personId: string) => `${officeId}|${personId}`;
  compareAll(
    'office holder',
    new Map([...holders.values()].map((h) => [holderKey(h.officeId, h.personId), h])),
    countBy(holdings, (h) => holderKey(h.officeId, h.personId)),
  );
  compareAll(
    'meeting',
    meetings,
    countBy(reports, (r) => r.meetingId),
  );
  const affiliationKey = (personId: string, organizationId: string) => `${personId}|${organizationId}`;
  compareAll(
    'affiliation',
    new Map([...affiliations.values()].map((a) => [affiliationKey(a.personId, a.organizationId), a])),
    countBy(affiliationReports, (a) => affiliationKey(a.personId, a.organizationId)),
  );
  const shared = new Map<string, number>();
  for (const m of meetings.values()) {
    for (const a of m.personIds)
      for (const b of m.personIds) if (a !== b) shared.set(`${a}|${b}`, (shared.get(`${a}|${b}`) ?? 0) + 1);
  }
  const storedShared = new Map(
    [...encounters.values()].map((e) => [`${e.personId}|${e.otherId}`, e.sharedMeetingCount]),
  );
  if (JSON.stringify([...shared].sort()) !== JSON.stringify([...storedShared].sort()))
    problems.push('encounters differ from the meetings people shared');
  return problems;
}

/** One article's facts without ids: what a lone ingest of the same text must give. */
export async function articleFacts(db: Db, source: string): Promise<Document | null> {
  const article = await db.collection(COLLECTIONS.articles).findOne({ source, version: { $type: 'string' } });
  if (!article) return null;
  const facts = async (name: string) =>
    (await all(db, name, { articleId: article._id, version: article.version })).sort((a, b) =>
      `${a.kind ?? ''}${a.ordinal}`.localeCompare(`${b.kind ?? ''}${b.ordinal}`),
    );
  const spans = (f: Document) => f.evidence.map((e: Document) => [e.start, e.end, e.text]);
  return {
    text: article.text,
    title: article.title,
    publishedOn: article.publishedOn,
    mentions: (await facts(COLLECTIONS.mentions)).map((m) => [m.kind, m.name, m.aliases, m.mentions, m.date, spans(m)]),
    holdings: (await facts(COLLECTIONS.holdingReports)).map((h) => [
      h.holder,
      h.title,
      h.canonicalTitle,
      h.jurisdiction,
      spans(h),
    ]),
    reports: (await facts(COLLECTIONS.meetingReports)).map((r) => [
      r.meetingDate,
      r.location,
      r.participants.map((p: Document) => [p.kind, p.name, p.role]),
      spans(r),
    ]),
    affiliations: (await facts(COLLECTIONS.affiliationReports)).map((a) => [a.member, a.organization, spans(a)]),
  };
}
