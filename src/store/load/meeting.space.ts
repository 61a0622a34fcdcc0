/**
 * The meetings a plan touches. A report joins an existing meeting with exactly the same
 * participants, a date equal up to precision (`2020-07` and `2020-07-29`) and no conflicting
 * location; an undated report is never joined to another article's meeting, since the same
 * people meet many times. A meeting's date, place and roles are derived from the counted forms
 * of its reports.
 */
import type { Filter } from 'mongodb';
import type { DatePrecision, MeetingFact, ParticipantKind, ParticipantRole } from '../../extract';
import type { MeetingReportDocument, ReportedParticipant } from '../documents/meeting-report.document';
import type { MeetingDocument, MeetingParticipantDocument } from '../documents/meeting.document';
import { nameKey } from '../identity/name-key';
import { stableId } from '../identity/stable-id';
import { FormCounts, mostUsed } from './form.counts';
import type { ArticleFactsPlan, DocumentWrite, EntityChangeIds } from './load-plan.type';
import type { OverlaidQuery, StoreReader } from './store.reader';
import { NO_SUPPORT, storedLive, SupportedStates, type SupportedState } from './supported.states';

interface MeetingState extends SupportedState<MeetingDocument> {
  key: string | null;
  participants: Array<{ kind: ParticipantKind; refId: string }>;
  participantsKey: string;
  forms: FormCounts;
}

const PRECISION_BY_LENGTH: Record<number, DatePrecision> = { 4: 'year', 7: 'month', 10: 'day' };

/** `kind:refId` of each participant, sorted: a meeting's participants as one string. */
export function participantsKeyOf(participants: ReadonlyArray<{ kind: ParticipantKind; refId: string }>): string {
  return participants
    .map((p) => `${p.kind}:${p.refId}`)
    .sort()
    .join(',');
}

function participantRefs(
  fact: MeetingFact,
  idsByKind: Record<ParticipantKind, ReadonlyMap<string, string>>,
): ReportedParticipant[] {
  const refs = new Map<string, ReportedParticipant>();
  for (const name of fact.participants) {
    const key = nameKey(name);
    const role = fact.roles.find((r) => nameKey(r.name) === key);
    const kind: ParticipantKind = role?.kind ?? (idsByKind.person.has(key) ? 'person' : 'organization');
    const refId = idsByKind[kind].get(key);
    if (refId && !refs.has(`${kind}:${refId}`))
      refs.set(`${kind}:${refId}`, { kind, refId, name: name.trim(), role: role?.role ?? null });
  }
  return [...refs.keys()].sort().map((ref) => refs.get(ref)!);
}

export interface PlacedReport {
  ordinal: number;
  fact: MeetingFact;
  participants: ReportedParticipant[];
  participantsKey: string;
  baseKey: string;
}

/** The meeting facts of an article with at least one participant that resolved. */
export function resolveReports(
  meetings: readonly MeetingFact[],
  idsByKind: Record<ParticipantKind, ReadonlyMap<string, string>>,
): PlacedReport[] {
  return meetings.flatMap((fact, ordinal) => {
    const participants = participantRefs(fact, idsByKind);
    if (!participants.length) return [];
    const participantsKey = participantsKeyOf(participants);
    const baseKey = `${participantsKey}|${fact.date ?? ''}|${fact.location ? nameKey(fact.location) : ''}`;
    return [{ ordinal, fact, participants, participantsKey, baseKey }];
  });
}

function datesAgree(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && (a.startsWith(b) || b.startsWith(a));
}

/**
 * The meetings, by participants, whose date agrees with one of the dates: an ISO date's shorter
 * forms (its year, its month), or a date that starts with it (the days of a month).
 */
function joinableMeetings(datesByKey: ReadonlyMap<string, ReadonlySet<string>>): OverlaidQuery<MeetingDocument> {
  const branches = new Map<string, Filter<MeetingDocument>>();
  const add = (filter: Filter<MeetingDocument>) => branches.set(JSON.stringify(filter), filter);
  for (const [participantsKey, dates] of datesByKey) {
    for (const date of dates) {
      const shorter = [4, 7].filter((length) => length < date.length).map((length) => date.slice(0, length));
      if (date.length >= 10) add({ participantsKey, date: { $in: [...shorter, date] } });
      else {
        if (shorter.length) add({ participantsKey, date: { $in: shorter } });
        add({ participantsKey, date: { $gte: date, $lt: `${date}\uffff` } });
      }
    }
  }
  return {
    filter: { $or: [...branches.values()] },
    test: (doc) => [...(datesByKey.get(doc.participantsKey) ?? [])].some((date) => datesAgree(doc.date, date)),
  };
}

function locationsAgree(a: string | null, b: string | null): boolean {
  return a === null || b === null || nameKey(a) === nameKey(b);
}

const roleField = (p: { kind: ParticipantKind; refId: string }) => `role:${p.kind}:${p.refId}`;

export class MeetingSpace {
  readonly states: SupportedStates<MeetingDocument, MeetingState>;
  /** The meetings read or created, by participants: those a report may join, without a pass over all of them. */
  private readonly byParticipants = new Map<string, Set<string>>();

  constructor(reader: StoreReader) {
    this.states = new SupportedStates<MeetingDocument, MeetingState>(reader, 'meetings', (id, doc) => {
      const live = storedLive(doc);
      if (live) this.indexParticipants(doc.participantsKey, id);
      return {
        key: live ? doc.key : null,
        participants: live ? doc.participants.map(({ kind, refId }) => ({ kind, refId })) : [],
        participantsKey: live ? doc.participantsKey : '',
        forms: new FormCounts(live ? doc.forms : null),
      };
    });
  }

  /**
   * Reads the meetings of the old reports, and those the new ones may join: of the same
   * participants, on a date that agrees (not every meeting of two people who meet every week).
   */
  async prepare(old: readonly MeetingReportDocument[], placed: readonly PlacedReport[]): Promise<void> {
    const datesByKey = new Map<string, Set<string>>();
    for (const { participantsKey, fact } of placed) {
      if (fact.date) datesByKey.set(participantsKey, (datesByKey.get(participantsKey) ?? new Set()).add(fact.date));
    }
    await this.states.load(
      [...old.map((r) => r.meetingId), ...placed.map((r) => stableId('meeting', r.baseKey))],
      datesByKey.size ? [joinableMeetings(datesByKey)] : [],
    );
  }

  takeOut(reports: readonly MeetingReportDocument[]): void {
    for (const report of reports) {
      const state = this.states.get(report.meetingId);
      state.support.takeOut({ date: report.date, evidence: report.evidence.length });
      countForms(state.forms, report.meetingDate, report.location, report.participants, -1);
      state.touched = true;
    }
  }

  /** Puts in one article's reports, each joining a meeting or starting one. */
  async putIn(reports: readonly PlacedReport[], date: string | null): Promise<ArticleFactsPlan['reports']> {
    const claimed = new Set<string>();
    const planned: ArticleFactsPlan['reports'] = [];
    for (const report of reports) {
      const { fact } = report;
      const same = fact.date
        ? [...(this.byParticipants.get(report.participantsKey) ?? [])]
            .map((id) => this.states.get(id))
            .filter(
              (state) =>
                state.support.live &&
                !claimed.has(state.id) &&
                state.participantsKey === report.participantsKey &&
                datesAgree(dateOf(state.forms).date, fact.date) &&
                locationsAgree(locationOf(state.forms), fact.location),
            )
        : [];
      const state = same.length === 1 ? same[0] : await this.create(report);
      claimed.add(state.id);
      state.support.putIn({ date, evidence: fact.evidence.length });
      countForms(state.forms, fact.date, fact.location?.trim() || null, report.participants, 1);
      state.touched = true;
      planned.push({ ordinal: report.ordinal, meetingId: state.id, participants: report.participants });
    }
    return planned;
  }

  /** Meetings that became live (+1) or were emptied (-1) by the plan, with their participants. */
  transitions(): Array<{ change: number; participants: MeetingState['participants'] }> {
    return this.states.all().flatMap((state) => {
      const change = Number(state.support.live) - Number(storedLive(state.stored));
      return change ? [{ change, participants: state.participants }] : [];
    });
  }

  /** Meetings that appeared, disappeared or changed date in the plan: what participants' latest-meeting lists follow. */
  dateChanges(): Array<{
    meetingId: string;
    participants: MeetingState['participants'];
    after: { date: string | null; live: boolean };
  }> {
    return this.states.all().flatMap((state) => {
      const live = state.support.live;
      const date = live ? dateOf(state.forms).date : null;
      const wasLive = storedLive(state.stored);
      if (live === wasLive && (!live || state.stored!.date === date)) return [];
      const participants = live ? state.participants : state.stored!.participants;
      return [{ meetingId: state.id, participants, after: { date, live } }];
    });
  }

  writes(): { writes: DocumentWrite[]; tombstones: DocumentWrite[]; changes: EntityChangeIds } {
    return this.states.writes(
      (state) => {
        const participants: MeetingParticipantDocument[] = state.participants.map((p) => ({
          ...p,
          role: mostUsed(state.forms.counts(roleField(p))) as ParticipantRole | null,
        }));
        return {
          _id: state.id,
          key: state.key!,
          participantsKey: participantsKeyOf(participants),
          ...dateOf(state.forms),
          location: locationOf(state.forms),
          participants,
          personIds: ids(participants, 'person'),
          organizationIds: ids(participants, 'organization'),
          ...state.support.fields(),
          forms: state.forms.toStored(),
        } satisfies Omit<MeetingDocument, 'seq'>;
      },
      (state) =>
        ({
          _id: state.id,
          key: `~${state.id}`,
          participantsKey: '',
          date: null,
          datePrecision: null,
          location: null,
          participants: [],
          personIds: [],
          organizationIds: [],
          ...NO_SUPPORT,
          forms: {},
        }) satisfies Omit<MeetingDocument, 'seq'>,
    );
  }

  private indexParticipants(participantsKey: string, id: string): void {
    const ids = this.byParticipants.get(participantsKey);
    if (ids) ids.add(id);
    else this.byParticipants.set(participantsKey, new Set([id]));
  }

  /** A new meeting (or a tombstone brought back) under the first free id of the report's key. */
  private async create(report: PlacedReport): Promise<MeetingState> {
    for (let n = 1; ; n++) {
      const key = n === 1 ? report.baseKey : `${report.baseKey}#${n}`;
      const id = stableId('meeting', key);
      await this.states.load([id]);
      const state = this.states.get(id);
      if (state.support.live) continue;
      state.key = key;
      state.participants = report.participants.map(({ kind, refId }) => ({ kind, refId }));
      state.participantsKey = report.participantsKey;
      this.indexParticipants(state.participantsKey, id);
      return state;
    }
  }
}

/** The most precise date the reports give (reports of one meeting agree up to precision). */
function dateOf(forms: FormCounts): { date: string | null; datePrecision: DatePrecision | null } {
  const dates = forms.counts('date');
  const longest = Math.max(0, ...[...dates.keys()].map((d) => d.length));
  const date = mostUsed(new Map([...dates].filter(([d]) => d.length === longest)));
  return { date, datePrecision: date ? (PRECISION_BY_LENGTH[date.length] ?? null) : null };
}

function locationOf(forms: FormCounts): string | null {
  return mostUsed(forms.counts('location'));
}

function countForms(
  forms: FormCounts,
  date: string | null,
  location: string | null,
  participants: ReadonlyArray<{ kind: ParticipantKind; refId: string; role: ParticipantRole | null }>,
  delta: number,
): void {
  if (date) forms.add('date', date, delta);
  if (location) forms.add('location', location, delta);
  for (const p of participants) if (p.role) forms.add(roleField(p), p.role, delta);
}

function ids(participants: readonly MeetingParticipantDocument[], kind: ParticipantKind): string[] {
  return [...new Set(participants.filter((p) => p.kind === kind).map((p) => p.refId))].sort();
}
