/**
 * Puts the meetings of a batch of articles into the store's workspace, article by article in
 * order. A report joins an existing meeting with exactly the same participants, a date equal up
 * to precision (`2020-07` and `2020-07-29`) and no conflicting location; an undated report is
 * never joined to another article's meeting, since the same people meet many times.
 */
import type { Filter } from 'mongodb';
import type { MeetingFact, ParticipantKind } from '../extract';
import { allocateId } from './entity-id.allocation';
import type { EntityWorkspace } from './entity.workspace';
import { evidenceDocuments, evidenceSpans } from './evidence.mapping';
import type { MeetingIdentity } from './meeting.derivation';
import type { MeetingContribution, MeetingDocument, MeetingParticipantDocument } from './meeting.document';
import { nameKey } from './name-key';
import { stableId } from './stable-id';

type MeetingWorkspace = EntityWorkspace<MeetingContribution, MeetingIdentity, MeetingDocument>;

export interface ArticleMeetings {
  articleId: string;
  meetings: readonly MeetingFact[];
  /** Person and organization ids by normalized name, from placing the article's people and organizations. */
  idsByKind: Record<ParticipantKind, ReadonlyMap<string, string>>;
}

function participantRefs(fact: MeetingFact, idsByKind: ArticleMeetings['idsByKind']): MeetingParticipantDocument[] {
  const refs = new Map<string, MeetingParticipantDocument>();
  for (const name of fact.participants) {
    const key = nameKey(name);
    const role = fact.roles.find((r) => nameKey(r.name) === key);
    const kind: ParticipantKind = role?.kind ?? (idsByKind.person.has(key) ? 'person' : 'organization');
    const refId = idsByKind[kind].get(key);
    if (refId && !refs.has(`${kind}:${refId}`)) refs.set(`${kind}:${refId}`, { kind, refId, role: role?.role ?? null });
  }
  return [...refs.keys()].sort().map((ref) => refs.get(ref)!);
}

function refSet(participants: readonly MeetingParticipantDocument[]): string {
  return participants
    .map((p) => `${p.kind}:${p.refId}`)
    .sort()
    .join(',');
}

function datesAgree(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && (a.startsWith(b) || b.startsWith(a));
}

function locationsAgree(a: string | null, b: string | null): boolean {
  return a === null || b === null || nameKey(a) === nameKey(b);
}

function baseKey(participants: readonly MeetingParticipantDocument[], fact: MeetingFact): string {
  return `${refSet(participants)}|${fact.date ?? ''}|${fact.location ? nameKey(fact.location) : ''}`;
}

export async function placeMeetings(workspace: MeetingWorkspace, articles: readonly ArticleMeetings[]): Promise<void> {
  const reports = articles.map(({ articleId, meetings, idsByKind }) => ({
    articleId,
    items: meetings
      .map((fact, ordinal) => ({ fact, ordinal, participants: participantRefs(fact, idsByKind) }))
      .filter((m) => m.participants.length),
  }));
  const all = reports.flatMap((r) => r.items);
  // Every meeting that could be the same as a report has the report's participants, so its first one.
  const firstOf = (kind: ParticipantKind) => [
    ...new Set(
      all
        .map((m) => m.participants[0])
        .filter((p) => p.kind === kind)
        .map((p) => p.refId),
    ),
  ];
  const firstPeople = firstOf('person');
  const firstOrganizations = firstOf('organization');
  await Promise.all([
    firstPeople.length ? workspace.fetch({ personIds: { $in: firstPeople } }) : undefined,
    firstOrganizations.length
      ? workspace.fetch({ organizationIds: { $in: firstOrganizations } } as Filter<MeetingDocument>)
      : undefined,
    workspace.load(all.map((m) => stableId('meeting', baseKey(m.participants, m.fact)))),
  ]);

  for (const { articleId, items } of reports) {
    const claimed = new Set<string>();
    for (const { fact, ordinal, participants } of items) {
      const wanted = refSet(participants);
      const same = fact.date
        ? workspace.matching(
            (doc) =>
              !claimed.has(doc._id) &&
              refSet(doc.participants) === wanted &&
              datesAgree(doc.date, fact.date) &&
              locationsAgree(doc.location, fact.location),
          )
        : [];
      let id = same.length === 1 ? same[0]._id : null;
      if (id === null) {
        const allocated = await allocateId(workspace, 'meeting', baseKey(participants, fact));
        id = allocated.id;
        workspace.create(id, { _id: id, key: allocated.key });
      }
      claimed.add(id);
      workspace.contribute(
        id,
        {
          articleId,
          ordinal,
          date: fact.date,
          datePrecision: fact.datePrecision,
          location: fact.location?.trim() || null,
          participants,
          evidence: evidenceSpans(fact.evidence),
        },
        evidenceDocuments(articleId, fact.evidence),
      );
    }
  }
}
