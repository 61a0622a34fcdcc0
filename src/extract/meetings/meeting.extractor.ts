/**
 * Meetings: every trigger of the trigger table that no non-meeting sense claims yields the parties
 * on its sides (by its shape), a date and a place; people present or attending join the meeting
 * they attend, and sentences that tell the same meeting again are merged into one record.
 */
import type { Sentence } from '../text/sentence.splitter';
import type { DatePrecision, MeetingFact, MeetingParticipantFact, ParticipantRole } from '../extraction-record.type';
import type { OrganizationEntity } from '../organizations/organization.recognizer';
import type { AmbiguousMention, PersonEntity } from '../people/person.recognizer';
import type { CoreferenceResolver } from '../people/coreference.resolver';
import { findDates, type FoundDate, type ResolvedDate } from '../text/date.resolver';
import { matchAll, type MatchTarget } from '../engine/token-pattern.matcher';
import type { PatternMatch, WordRange } from '../engine/token-pattern.type';
import { holds, isPossessive, lower } from '../engine/word.predicates';
import { evidenceOf, uniqueEvidence } from '../text/evidence.factory';
import { nameKey } from '../lexicon/name.normalizer';
import { countryOf } from '../lexicon/place.lexicon';
import { MEETING_TRIGGERS, TRAVEL_VERBS, TRIGGER_WORD_FORMS, type MeetingTrigger } from './meeting-trigger.rules';
import { NON_MEETING_SENSES } from './non-meeting-sense.rules';
import { MeetingSides, type PartyMention, type Side } from './meeting-side.rules';
import { meetingPlace, sameOrganization } from './meeting-place.rules';

export interface MeetingContext {
  sentences: Sentence[];
  people: PersonEntity[];
  ambiguous: AmbiguousMention[];
  organizations: OrganizationEntity[];
  coreference: CoreferenceResolver;
  reference: ResolvedDate | null;
  /** Where the article is datelined, for meetings whose sentence names no place. */
  defaultLocation: string | null;
}

interface Candidate {
  sentence: number;
  caption: boolean;
  participants: Map<string, MeetingParticipantFact>;
  date: ResolvedDate | null;
  location: string | null;
  evidence: Sentence[];
}

/** Someone `phoning in` is not at the meeting. */
const PHONING = /^(?:phone|telephone|phoned|phoning|call|called|calling|video|virtually)$/i;
/** Sentences without any trigger word hold no meeting, so they are skipped cheaply. */
const ANY_TRIGGER = new RegExp(`\\b(?:${TRIGGER_WORD_FORMS.join('|')})\\b`, 'i');

/** The parties of the article by sentence, with bodies named only as part of a title left out. */
function partiesBySentence(ctx: MeetingContext): Map<number, PartyMention[]> {
  const out = new Map<number, PartyMention[]>();
  const push = (sentence: number, m: PartyMention) => out.set(sentence, [...(out.get(sentence) ?? []), m]);
  for (const p of ctx.people)
    for (const m of p.mentions)
      if (!namesAnAdministration(ctx.sentences[m.sentence], m))
        push(m.sentence, { kind: 'person', name: p.name, from: m.from, to: m.to });
  for (const a of ctx.ambiguous) {
    const person = ctx.coreference.ambiguous(a);
    if (person) push(a.sentence, { kind: 'person', name: person.name, from: a.from, to: a.to });
  }
  for (const o of ctx.organizations) {
    for (const m of o.mentions) {
      const s = ctx.sentences[m.sentence];
      if (namesTitleJurisdiction(s, m, out.get(m.sentence) ?? []) || bracketedAcronym(s, m)) continue;
      const taken = out.get(m.sentence) ?? [];
      if (taken.some((p) => p.from < m.to && m.from < p.to)) continue;
      push(m.sentence, { kind: 'organization', name: o.name, from: m.from, to: m.to });
    }
  }
  for (const [sentence, mentions] of out) {
    const s = ctx.sentences[sentence];
    const present = mentions.filter((m) => !s.words.slice(m.to, m.to + 3).some((w) => PHONING.test(w.text)));
    out.set(
      sentence,
      present.sort((a, b) => a.from - b.from),
    );
  }
  return out;
}

/**
 * `leader of the Farmers Democratic Party`, `Norlex chairman`, `Apple Inc (AAPL.O) chief executive`,
 * `Facebook Inc's Mark Zuckerberg`: a body named only as part of someone's title or name.
 */
function namesTitleJurisdiction(s: Sentence, m: WordRange, people: readonly PartyMention[]): boolean {
  const w = s.words;
  let to = m.to;
  if (isPossessive(w[to])) to++;
  // a stock ticker in brackets after a company's name
  if (w[to]?.text === '(') {
    const close = w.findIndex((x, i) => i > to && i <= to + 5 && x.text === ')');
    if (close > 0) to = close + 1;
  }
  const next = w[to];
  if (to > m.to && people.some((p) => p.from === to)) return true;
  if (next && (holds('titleHead', next) || holds('occupation', next))) return true;
  if (next && holds('titleWord', next) && w.slice(to, to + 4).some((x) => holds('titleHead', x))) return true;
  let k = m.from - 1;
  while (k >= 0 && holds('lowercase', w[k]) && w[k].pos === 'ADJ') k--;
  if (lower(w[k]) === 'the') k--;
  return k >= 1 && /^(?:of|for)$/.test(lower(w[k])) && holds('titleHead', w[k - 1]);
}

/** `the Trump administration`, `Trump's administration`: a government named after its leader, not the leader. */
function namesAnAdministration(s: Sentence, m: WordRange): boolean {
  const next = isPossessive(s.words[m.to]) ? s.words[m.to + 1] : s.words[m.to];
  return lower(next) === 'administration';
}

/** `Farmers Democratic Party (FDP)`: the bracketed acronym only repeats the name. */
function bracketedAcronym(s: Sentence, m: WordRange): boolean {
  return s.words[m.from - 1]?.text === '(' && s.words[m.to]?.text === ')';
}

function targetOf(s: Sentence, mentions: readonly PartyMention[]): MatchTarget {
  return {
    words: s.words,
    mentionEnd: (at, kinds) => mentions.find((m) => m.from === at && kinds.includes(m.kind))?.to ?? -1,
    inMention: (at, kinds) => mentions.some((m) => m.from <= at && at < m.to && kinds.includes(m.kind)),
  };
}

class SentenceMeetings {
  private readonly sides: MeetingSides;
  private readonly target: MatchTarget;

  constructor(
    private readonly s: Sentence,
    private readonly ctx: MeetingContext,
    mentions: readonly PartyMention[],
    private readonly dates: () => FoundDate[],
  ) {
    this.sides = new MeetingSides(s, mentions, ctx.coreference);
    this.target = targetOf(s, mentions);
  }

  find(): Candidate[] {
    const vetoed = new Set<number>();
    for (const sense of matchAll(NON_MEETING_SENSES, this.target)) {
      const t = sense.groups.trigger;
      for (let k = t.from; k < t.to; k++) vetoed.add(k);
    }
    const done = new Set<number>();
    const out: Candidate[] = [];
    for (const match of matchAll(MEETING_TRIGGERS, this.target)) {
      const at = match.groups.trigger?.from ?? match.from;
      if (done.has(at) || vetoed.has(at)) continue;
      const trigger = MEETING_TRIGGERS.find((t) => t.id === match.id) as MeetingTrigger;
      if (trigger.captionOnly && !this.s.caption) continue;
      const found = this.read(trigger, match, at);
      if (!found.length) continue;
      done.add(at);
      out.push(...found);
    }
    return out;
  }

  /** The meetings a trigger reports: one, or one per party met in turn (`hosted industry leaders and then Ryan`). */
  private read(trigger: MeetingTrigger, match: PatternMatch, at: number): Candidate[] {
    const sides = this.sidesOf(trigger, match, at);
    if (!sides) return [];
    const [subject, object] = sides;
    if (subject.restatement) return [];
    const end = 'end' in object ? (object as { end: number }).end : match.to;
    const meeting = this.candidate(
      [
        [subject.mentions, trigger.roles.subject],
        [object.mentions, trigger.roles.object],
      ],
      at,
      end,
    );
    const then =
      trigger.shape === 'subject-object' && lower(this.s.words[end]) === 'then' ? this.sides.listFrom(end + 1) : null;
    const later =
      then?.mentions.length && subject.mentions.length
        ? this.candidate(
            [
              [subject.mentions, trigger.roles.subject],
              [then.mentions, trigger.roles.object],
            ],
            at,
            then.end,
          )
        : null;
    return [meeting, later].filter((c): c is Candidate => c !== null);
  }

  /** The two sides as the trigger's shape lays them out, or null when they do not make a meeting. */
  private sidesOf(trigger: MeetingTrigger, match: PatternMatch, at: number): [Side, Side] | null {
    const none: Side = { mentions: [], generic: false };
    switch (trigger.shape) {
      case 'subject-object': {
        const object = this.sides.objectAfter(match.to);
        if (trigger.namedObject && !object.mentions.length && !object.generic) return null;
        if (trigger.roles.subject === 'host' && !this.sides.receivesParties(match.to)) return null;
        // `Straw said after meeting Y`: the one meeting is the subject of the clause's own verb
        const verbAt = lower(this.s.words[at]) === 'meeting' ? this.sides.mainVerbBefore(at) : at;
        const subject = this.sides.subjectBefore(verbAt);
        // `Mr Oduya and Ms Tan met for an hour`: both sides in the subject
        const bothInSubject = subject.mentions.length >= 2 && !trigger.roles.subject;
        if (!object.mentions.length && !object.generic && !bothInSubject) return null;
        return [subject, object];
      }
      case 'subject-with': {
        const object = this.sides.listFrom(match.to);
        const subject =
          this.sides.ownerOf(at) ??
          this.sides.subjectAfterOpening(match.to) ??
          this.sides.subjectBefore(this.sides.mainVerbBefore(at));
        // `talks with French officials` counts when the other side is named or the first side is
        if (!object.mentions.length && !(object.generic && subject.mentions.length) && !this.held(at)) return null;
        return [subject, object];
      }
      case 'between': {
        const between = this.sides.listFrom(match.to);
        // `a meeting between House Speaker Paul Ryan and conservative groups`: one side named is enough
        return between.mentions.length >= 2 || (between.mentions.length && between.generic) ? [none, between] : null;
      }
      case 'subject-only': {
        const subject = this.sides.subjectBefore(this.sides.mainVerbBefore(at));
        return subject.mentions.length >= 2 ? [subject, none] : null;
      }
      case 'passive': {
        const host = this.sides.listFrom(match.to);
        if (!host.mentions.length) return null;
        return [this.sides.subjectBefore(match.from), host];
      }
      case 'hosted-by': {
        const host = this.sides.listFrom(match.to);
        if (!host.mentions.length) return null;
        const guests = this.sides.peopleFrom(host.end, new Set(host.mentions.map((m) => m.name)));
        return [
          { ...host, mentions: host.mentions },
          { mentions: guests, generic: false },
        ];
      }
      case 'travel':
        return this.travelled(match.from) ? [this.sides.subjectBefore(this.sides.mainVerbBefore(at)), none] : null;
      case 'attended':
        return [this.sides.subjectBefore(at), none];
    }
  }

  /** `flew to Baghdad for talks`, `was in Vienna for trade talks`: the subject went where the talks were. */
  private travelled(before: number): boolean {
    const words = this.s.words.slice(0, before);
    return words.some(
      (w, i) =>
        (TRAVEL_VERBS.includes(lower(w)) && holds('verb', w)) ||
        (/^(?:was|were|is|are)$/.test(lower(w)) && /^(?:in|at)$/.test(lower(words[i + 1]))),
    );
  }

  private held(at: number): boolean {
    return this.s.words.slice(Math.max(0, at - 4), at).some((w) => /^(?:held|holds|hold|holding)$/.test(lower(w)));
  }

  private candidate(sides: Array<[PartyMention[], ParticipantRole | null]>, at: number, end: number): Candidate | null {
    const participants = new Map<string, MeetingParticipantFact>();
    const add = (m: PartyMention, role: ParticipantRole | null) => {
      if (!participants.has(m.name)) participants.set(m.name, { name: m.name, kind: m.kind, role });
    };
    for (const [mentions, role] of sides) for (const m of mentions) add(m, role);
    for (const m of this.sides.presentAfter(end)) add(m, 'attendee');
    if (!participants.size) return null;
    return {
      sentence: this.s.index,
      caption: this.s.caption,
      participants,
      date: this.date(at),
      location: this.location(at),
      evidence: [this.s],
    };
  }

  /** The date nearest the trigger, unless a relative clause (`which ... last year`) separates them. */
  private date(at: number): ResolvedDate | null {
    const words = this.s.words;
    const trigger = words[at].start - this.s.start;
    const wordAt = (offset: number) => words.findIndex((w) => w.start - this.s.start >= offset);
    const found = this.dates().filter((d) => {
      if (!d.date) return false;
      const k = wordAt(d.index);
      const [a, b] = k < at ? [k, at] : [at + 1, k];
      return !words.slice(a, b).some((w) => /^(?:which|who|;)$/i.test(w.text));
    });
    if (!found.length) return null;
    return found.reduce((x, y) => (Math.abs(y.index - trigger) < Math.abs(x.index - trigger) ? y : x)).date;
  }

  location(at: number): string | null {
    return meetingPlace(this.s, at, this.target, {
      occupied: (from, to) => this.sides.mentions.some((m) => m.kind === 'person' && m.from < to && from < m.to),
      isOrganization: sameOrganization(this.ctx.organizations),
    });
  }
}

function canMerge(a: Candidate, b: Candidate): boolean {
  const sa = [...a.participants.keys()];
  const sb = new Set(b.participants.keys());
  const shared = sa.filter((n) => sb.has(n)).length;
  const smaller = Math.min(sa.length, sb.size);
  if (a.date && b.date && !a.date.iso.startsWith(b.date.iso) && !b.date.iso.startsWith(a.date.iso)) return false;
  if (a.location && b.location && nameKey(a.location) !== nameKey(b.location)) return false;
  if (smaller >= 2) return shared === smaller || shared / (sa.length + sb.size - shared) >= 0.5;
  // `X arrived in Y for talks` followed by the talks themselves: one visit, told twice
  return smaller === 1 && shared === 1 && !!a.location && !!b.location && !!a.date && !!b.date;
}

function mergeInto(target: Candidate, other: Candidate) {
  for (const [name, p] of other.participants) {
    const known = target.participants.get(name);
    if (!known) target.participants.set(name, p);
    else if (!known.role && p.role) known.role = p.role;
  }
  const finer = (x: ResolvedDate | null, y: ResolvedDate | null) =>
    !x ? y : !y ? x : y.iso.length > x.iso.length ? y : x;
  target.date = finer(target.date, other.date);
  // a city says more than its country (`in the United States` ... `in New York`)
  const moreSpecific =
    !!other.location && !!target.location && !!countryOf(target.location) && !countryOf(other.location);
  target.location = moreSpecific ? other.location : (target.location ?? other.location);
  target.evidence.push(...other.evidence);
}

class ArticleMeetings {
  private readonly parties: Map<number, PartyMention[]>;
  private readonly dates = new Map<number, FoundDate[]>();

  constructor(private readonly ctx: MeetingContext) {
    this.parties = partiesBySentence(ctx);
  }

  reader(s: Sentence): SentenceMeetings {
    return new SentenceMeetings(s, this.ctx, this.parties.get(s.index) ?? [], () => this.datesIn(s));
  }

  datesIn(s: Sentence): FoundDate[] {
    let found = this.dates.get(s.index);
    if (!found) {
      found = findDates(s.text, this.ctx.reference);
      this.dates.set(s.index, found);
    }
    return found;
  }

  partiesIn(s: Sentence): PartyMention[] {
    return this.parties.get(s.index) ?? [];
  }
}

/** `The talks, which were attended by X`: X joins the last meeting told in running text. */
function attachAttendees(ctx: MeetingContext, article: ArticleMeetings, meetings: Candidate[]) {
  for (const s of ctx.sentences) {
    const by = s.words.findIndex((w, i) => lower(w) === 'attended' && lower(s.words[i + 1]) === 'by');
    if (by < 0) continue;
    const target = [...meetings]
      .reverse()
      .find((m) => m.sentence <= s.index && m.sentence >= s.index - 3 && (!m.caption || m.sentence === s.index));
    if (!target) continue;
    for (const m of article.partiesIn(s).filter((x) => x.from > by + 1 && x.from <= by + 12))
      if (!target.participants.has(m.name))
        target.participants.set(m.name, { name: m.name, kind: m.kind, role: 'attendee' });
    if (!target.evidence.includes(s)) target.evidence.push(s);
  }
}

/** `At the meeting in Kovacs's office, ...`: a later sentence may place a meeting told without a place. */
function locateFromFollowUps(ctx: MeetingContext, article: ArticleMeetings, meetings: Candidate[]) {
  for (const s of ctx.sentences) {
    const at = s.words.findIndex((w, i) => /^(?:meeting|talks)$/.test(lower(w)) && lower(s.words[i - 1]) === 'the');
    if (at < 0 || !/^(?:in|at)$/.test(lower(s.words[at + 1]))) continue;
    const target = [...meetings].reverse().find((m) => m.sentence < s.index && m.sentence >= s.index - 2 && !m.caption);
    if (!target || target.location) continue;
    target.location = article.reader(s).location(at + 1);
    if (target.location && !target.evidence.includes(s)) target.evidence.push(s);
  }
}

/**
 * `... groped her in his law office in 1991. Johnson said she visited Moore's office with her mother`:
 * a meeting told without a date takes the one the sentence right before gives, when that sentence
 * is about the same people (one of them is named in it) in the same paragraph.
 */
function dateFromTheSentenceBefore(ctx: MeetingContext, article: ArticleMeetings, meetings: Candidate[]) {
  for (const m of meetings) {
    const before = ctx.sentences[m.sentence - 1];
    if (m.date || !before || before.paragraph !== ctx.sentences[m.sentence].paragraph) continue;
    const named = article.partiesIn(before).some((p) => m.participants.has(p.name));
    if (!named) continue;
    const dates = article.datesIn(before).filter((d) => d.date && /\d{4}/.test(d.text));
    if (dates.length === 1) m.date = dates[0].date;
  }
}

function mergeRetellings(found: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  for (const c of found) {
    const same = merged.find((m) => canMerge(m, c));
    if (same) mergeInto(same, c);
    else merged.push(c);
  }
  // one sentence's meeting may turn out to be part of another after attendees joined
  for (let i = merged.length - 1; i > 0; i--) {
    const same = merged.slice(0, i).find((m) => canMerge(m, merged[i]));
    if (same) {
      mergeInto(same, merged[i]);
      merged.splice(i, 1);
    }
  }
  return merged;
}

export function extractMeetings(ctx: MeetingContext): MeetingFact[] {
  const article = new ArticleMeetings(ctx);
  const found: Candidate[] = [];
  for (const s of ctx.sentences) if (ANY_TRIGGER.test(s.text)) found.push(...article.reader(s).find());
  found.sort((a, b) => a.sentence - b.sentence);
  attachAttendees(ctx, article, found);
  locateFromFollowUps(ctx, article, found);
  dateFromTheSentenceBefore(ctx, article, found);
  return mergeRetellings(found).map((m) => {
    const date: ResolvedDate | null = m.date ?? ctx.reference;
    const roles = [...m.participants.values()];
    return {
      date: date?.iso ?? null,
      datePrecision: (date?.precision ?? null) as DatePrecision | null,
      location: m.location ?? ctx.defaultLocation,
      participants: roles.map((r) => r.name),
      roles,
      evidence: uniqueEvidence(m.evidence.map(evidenceOf)),
    };
  });
}
