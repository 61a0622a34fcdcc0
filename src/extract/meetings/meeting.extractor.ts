/**
 * Meetings: met / meets with / received / hosted / visited / held talks / talks between /
 * a meeting between, delegations that travel for talks, people attending a meeting, photo
 * captions. Each trigger yields the named sides (people, or organizations standing for a
 * side), their roles, a date and a place; descriptions of the same meeting are merged.
 * Planned, hoped-for, denied and telephone meetings are left out.
 */
import type { Sentence, Word } from '../text/sentence.splitter';
import type {
  DatePrecision,
  MeetingFact,
  MeetingParticipantFact,
  ParticipantKind,
  ParticipantRole,
} from '../extraction-record.type';
import type { OrganizationEntity, OrganizationMention } from '../organizations/organization.recognizer';
import type { AmbiguousMention, PersonEntity } from '../people/person.recognizer';
import { CoreferenceResolver, isPronoun } from '../people/coreference.resolver';
import { findDates, type FoundDate, type ResolvedDate } from '../text/date.resolver';
import { isCapitalised } from '../people/proper-noun.chunker';
import { textOf } from '../offices/title-phrase.parser';
import { isHonorific, isOccupation, isTitleHead, isTitleWord } from '../lexicon/title.lexicon';
import { isCalendarWord, isGroupNoun } from '../lexicon/entity-word.lexicon';
import { capitalOf, cityOfVenue, countryOf, isCity, isDemonym } from '../lexicon/place.lexicon';
import { evidenceOf, uniqueEvidence } from '../text/evidence.factory';
import { nameKey } from '../lexicon/name.normalizer';

export interface MeetingContext {
  sentences: Sentence[];
  people: PersonEntity[];
  ambiguous: AmbiguousMention[];
  organizations: OrganizationEntity[];
  coreference: CoreferenceResolver;
  reference: ResolvedDate | null;
  /** Where the article is datelined or set, for meetings whose sentence names no place. */
  defaultLocation: string | null;
  /** The year an undated historical article is about, when it has no reference date. */
  storyYear: string | null;
}

interface Mention {
  kind: ParticipantKind;
  name: string;
  from: number;
  to: number;
}

interface Side {
  mentions: Mention[];
  /** The side is there but unnamed (`officials`, `a delegation`, `the whole board`). */
  generic: boolean;
  /** `The three unions which met Mr Oduya`: a relative clause retelling a meeting told before. */
  restatement?: boolean;
}

interface Candidate {
  sentence: number;
  caption: boolean;
  participants: Map<string, MeetingParticipantFact>;
  date: ResolvedDate | null;
  location: string | null;
  evidence: Sentence[];
}

/** `meet` itself is left out: news tells past meetings as `met`, and `to meet`/`will meet` are plans. */
const MEET_VERBS = new Set([
  'met',
  'meets',
  'meeting',
  'received',
  'receives',
  'hosted',
  'hosts',
  'visited',
  'visits',
  'greeted',
  'greets',
  'welcomed',
  'welcomes',
]);
const HOST_VERBS = new Set(['received', 'receives', 'hosted', 'hosts', 'greeted', 'greets', 'welcomed', 'welcomes']);
const VISIT_VERBS = new Set(['visited', 'visits']);
const MEETING_NOUNS = new Set(['talks', 'meeting', 'meetings', 'discussions', 'summit', 'negotiations']);
const TRAVEL_VERBS = new Set(['flew', 'travelled', 'traveled', 'arrived', 'went', 'came', 'was', 'were', 'headed']);
/** Words in the run-up to a trigger that make the meeting planned, hoped for, or denied. */
const UNREAL = new Set([
  'will',
  'would',
  'could',
  'may',
  'might',
  'shall',
  "'ll",
  'not',
  "n't",
  'never',
  'expected',
  'plans',
  'planned',
  'plan',
  'hopes',
  'hope',
  'hoped',
  'willing',
  'due',
  'wants',
  'want',
  'wanted',
  'seeking',
  'seeks',
  'if',
  'unless',
  'resume',
  'to',
]);
const VENUE_NOUNS = new Set(['office', 'residence', 'palace', 'home', 'headquarters', 'compound']);
const PLACE_NOUNS = new Set(['resort', 'city', 'town', 'village', 'capital', 'port', 'province', 'region', 'island']);
const FUTURE = new Set(['will', "'ll", 'expected', 'plans', 'planned', 'due', 'hopes', 'intends', 'scheduled']);
const LIST_LINKS = new Set([
  ',',
  'and',
  'the',
  'his',
  'her',
  'their',
  'its',
  'a',
  'an',
  'from',
  'of',
  '(',
  ')',
  'senior',
  'top',
  'both',
  'two',
  'three',
  'four',
  'five',
  'several',
]);
const PHONE_WORDS =
  /^(?:phone|telephone|phoned|phoning|call|called|calling|video|videoconference|virtually|letter|wrote)$/i;
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'announced', 'reported', 'stated']);
const ADVERBS = new Set([
  'also',
  'then',
  'again',
  'earlier',
  'later',
  'first',
  'had',
  'has',
  'have',
  'last',
  'previously',
  'already',
  'separately',
  'briefly',
  'today',
  'yesterday',
]);

const lower = (w: Word | undefined) => (w ? w.text.toLowerCase() : '');

class SentenceMeetings {
  readonly mentions: Mention[];

  constructor(
    private readonly s: Sentence,
    private readonly ctx: MeetingContext,
    private readonly index: ArticleIndex,
  ) {
    this.mentions = this.collectMentions();
  }

  private collectMentions(): Mention[] {
    const out: Mention[] = [...(this.index.people.get(this.s.index) ?? [])];
    for (const { organization, mention: m } of this.index.organizations.get(this.s.index) ?? []) {
      if (this.isTitleJurisdiction(m.from, m.to)) continue;
      // `Farmers Democratic Party (FDP)`: the bracketed acronym only repeats the name
      if (this.s.words[m.from - 1]?.text === '(' && this.s.words[m.to]?.text === ')') continue;
      if (out.some((p) => p.from < m.to && m.from < p.to)) continue;
      out.push({ kind: 'organization', name: organization.name, from: m.from, to: m.to });
    }
    // someone `phoning in` is not at the meeting
    return out
      .filter((m) => !this.s.words.slice(m.to, m.to + 3).some((w) => PHONE_WORDS.test(w.text)))
      .sort((a, b) => a.from - b.from);
  }

  /** `leader of the Farmers Democratic Party`, `Norlex chairman`: a body named only as part of someone's title. */
  private isTitleJurisdiction(from: number, to: number): boolean {
    const w = this.s.words;
    if (
      w[to] &&
      (isTitleHead(w[to].text) ||
        isOccupation(w[to].text) ||
        (isTitleWord(w[to].text) && w.slice(to, to + 4).some((x) => isTitleHead(x.text))))
    )
      return true;
    if (w[to] && /^[’']s?$/.test(w[to].text) && w[to + 1] && isTitleWord(w[to + 1].text)) return true;
    let k = from - 1;
    while (k >= 0 && /^\p{Ll}/u.test(w[k].text) && w[k].pos === 'ADJ') k--;
    if (lower(w[k]) === 'the') k--;
    return k >= 1 && /^(?:of|for)$/.test(lower(w[k])) && isTitleHead(w[k - 1].text);
  }

  find(): Candidate[] {
    if (!TRIGGER_WORDS.test(this.s.text)) return [];
    const out: Candidate[] = [];
    const words = this.s.words;
    for (let i = 0; i < words.length; i++) {
      const w = lower(words[i]);
      let found: Candidate | null = null;
      if (w === 'hosted' && lower(words[i + 1]) === 'by') found = this.hostedBy(i);
      // `meeting` is a verb after a comma (`Ilona Kovacs, meeting with Mr Oduya today`) or `after` (`said after meeting Y`)
      else if (MEET_VERBS.has(w) && (w !== 'meeting' || /^(?:,|after)$/i.test(words[i - 1]?.text ?? '')))
        found = this.verbMeeting(i);
      else if (MEETING_NOUNS.has(w)) found = this.nominalMeeting(i);
      else if ((w === 'attending' || w === 'attended') && lower(words[i + 1]) !== 'by') found = this.attending(i);
      if (found) out.push(found);
    }
    return out;
  }

  private unreal(at: number): boolean {
    const words = this.s.words;
    for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
      const w = lower(words[k]);
      if (w === ',' || w === ';') break;
      // `his May 9 meeting`: the month, not the modal
      if (UNREAL.has(w) && words[k].text !== 'May') return true;
    }
    // `is expected to press the point ... when the two ministers meet`
    for (let k = at - 1; k >= Math.max(0, at - 12); k--) {
      const w = lower(words[k]);
      if (w === ';' || w === '.') break;
      if (FUTURE.has(w)) return true;
    }
    if (words.slice(Math.max(0, at - 3), at + 4).some((x) => PHONE_WORDS.test(x.text))) return true;
    return /\bno plans\b/i.test(this.s.text);
  }

  /** Ranges of `, who ... ,` and `, which ... ,` clauses: what they hold is not the main clause's subject. */
  private relativeClauses(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const words = this.s.words;
    for (let k = 1; k < words.length; k++) {
      if (words[k - 1].text !== ',' || !/^(?:who|which|whose)$/i.test(words[k].text)) continue;
      let end = k;
      while (end < words.length && words[end].text !== ',') end++;
      out.push([k, end]);
    }
    return out;
  }

  private subject(at: number): Side {
    const words = this.s.words;
    let k = at - 1;
    while (k >= 0 && (ADVERBS.has(lower(words[k])) || isCalendarWord(words[k].text))) k--;
    // `Ms Ferreira, who met again ...`: the relative pronoun's antecedent
    if (/^(?:who)$/i.test(words[k]?.text ?? '') && words[k - 1]?.text === ',') {
      const antecedent = [...this.mentions].reverse().find((m) => m.to <= k - 1);
      return { mentions: antecedent ? [antecedent] : [], generic: !antecedent };
    }
    if (/^(?:which|that)$/i.test(words[k]?.text ?? '')) return { mentions: [], generic: true, restatement: true };
    const relatives = this.relativeClauses();
    const inRelative = (i: number) => relatives.some(([a, b]) => i >= a && i < b);
    let start = 0;
    for (let j = 0; j < at; j++) {
      if (inRelative(j)) continue;
      const boundary =
        /^(?:that|;|:|“|")$/i.test(words[j].text) ||
        SPEECH_VERBS.has(lower(words[j])) ||
        (words[j].text === ',' && /^(?:but|and)$/i.test(lower(words[j + 1])));
      if (boundary) start = j + 1;
    }
    // `Three councillors who support Mr Hale met ...`: who they support is not who met
    const who = words.findIndex((w, j) => j >= start && j < at && /^who$/i.test(w.text));
    const inRange = this.mentions.filter(
      (m) =>
        m.from >= start &&
        m.to <= at &&
        !inRelative(m.from) &&
        !this.isAccordingTo(m.from) &&
        !(who >= 0 && m.from > who),
    );
    const people = inRange.filter((m) => m.kind === 'person');
    if (people.length) return { mentions: people, generic: false };
    if (inRange.length) return { mentions: inRange, generic: false };
    for (let j = start; j < at; j++) {
      if (isPronoun(words[j]) && !/^(?:his|her)$/i.test(words[j].text)) {
        const person = this.ctx.coreference.pronoun(this.s.index, j);
        if (person) return { mentions: [{ kind: 'person', name: person.name, from: j, to: j + 1 }], generic: false };
      }
    }
    let end = start;
    while (end < at && !['VERB', 'AUX'].includes(words[end].pos) && !ADVERBS.has(lower(words[end]))) end++;
    const described = this.ctx.coreference.description(this.s.index, start, end);
    if (described)
      return { mentions: [{ kind: 'person', name: described.name, from: start, to: end }], generic: false };
    const generic = words
      .slice(start, at)
      .some((w) => isGroupNoun(lower(w)) || (/s$/.test(lower(w)) && w.pos === 'NOUN'));
    return { mentions: [], generic };
  }

  private isAccordingTo(from: number): boolean {
    const w = this.s.words;
    return lower(w[from - 1]) === 'to' && lower(w[from - 2]) === 'according';
  }

  /** The named and generic parties listed from word `from` on (`his Austrian counterpart Karl Brenner, ... and ...`). */
  private list(from: number): Side & { end: number } {
    const words = this.s.words;
    const mentions: Mention[] = [];
    let generic = false;
    let k = from;
    while (k < words.length) {
      const mention = this.mentions.find((m) => m.from === k);
      if (mention) {
        mentions.push(mention);
        k = mention.to;
        continue;
      }
      const w = words[k];
      const l = lower(w);
      if (isGroupNoun(l)) generic = true;
      // `a delegation from Hamas led by Khalil al-Hayya`
      if ((l === 'led' || l === 'headed') && lower(words[k + 1]) === 'by') {
        // the named leader stands for the delegation, as a named person does for any side
        if (mentions[mentions.length - 1]?.kind === 'organization') mentions.pop();
        k += 2;
        continue;
      }
      const fits =
        LIST_LINKS.has(l) ||
        /^[’']s?$/.test(w.text) ||
        isTitleWord(w.text) ||
        isHonorific(w.text) ||
        (isCapitalised(w) && !isCalendarWord(w.text)) ||
        (/^\p{Ll}/u.test(w.text) && (w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'PROPN'));
      if (!fits || (l === ',' && ['VERB', 'AUX'].includes(words[k + 1]?.pos ?? '') && !isCapitalised(words[k + 1])))
        break;
      // `..., Sir Peter warned the council`, `..., ministry officials said`: after a comma, a name followed by its verb opens a new clause
      if (l === ',') {
        const nextMention = this.mentions.find((m) => m.from > k && m.from <= k + 3);
        const verbAt = nextMention && isGroupNoun(lower(words[nextMention.to])) ? nextMention.to + 1 : nextMention?.to;
        if (verbAt !== undefined && ['VERB', 'AUX'].includes(words[verbAt]?.pos ?? '')) break;
      }
      if (w.text === '(' && !mentions.length) break;
      k++;
    }
    return { mentions, generic, end: k };
  }

  private objectAfter(at: number): Side & { end: number } {
    const words = this.s.words;
    let k = at + 1;
    // `met once more on Tuesday with ...`
    for (let j = k; j < Math.min(words.length, k + 6); j++) {
      if (lower(words[j]) === 'with') {
        k = j + 1;
        break;
      }
      if (this.mentions.some((m) => m.from === j) || /^[,;.]$/.test(words[j].text)) break;
    }
    return this.list(k);
  }

  private verbMeeting(at: number): Candidate | null {
    if (this.unreal(at)) return null;
    const verb = lower(this.s.words[at]);
    const object = this.objectAfter(at);
    if (VISIT_VERBS.has(verb) && !object.mentions.length && !object.generic) return null;
    // `Straw said after meeting Y`: the one meeting is the subject of the clause's own verb
    const participle = verb === 'meeting' && lower(this.s.words[at - 1]) === 'after';
    const subject = this.subject(participle ? this.mainVerbBefore(at) : at);
    if (subject.restatement) return null;
    // `Mr Oduya and Ms Tan met for an hour`: both sides in the subject
    if (
      !object.mentions.length &&
      !object.generic &&
      !(subject.mentions.length >= 2 && !HOST_VERBS.has(verb) && !VISIT_VERBS.has(verb))
    )
      return null;
    const subjectRole: ParticipantRole | null = HOST_VERBS.has(verb)
      ? 'host'
      : VISIT_VERBS.has(verb)
        ? 'visitor'
        : null;
    const objectRole: ParticipantRole | null = HOST_VERBS.has(verb) ? 'visitor' : VISIT_VERBS.has(verb) ? 'host' : null;
    return this.candidate(
      [
        [subject.mentions, subjectRole],
        [object.mentions, objectRole],
      ],
      at,
      object.end,
    );
  }

  private nominalMeeting(at: number): Candidate | null {
    const words = this.s.words;
    const next = lower(words[at + 1]);
    if (this.unreal(at)) return null;
    // `a meeting between X, Y and Z`, `talks between A and B`
    if (next === 'between') {
      const between = this.list(at + 2);
      return between.mentions.length >= 2 ? this.candidate([[between.mentions, null]], at, between.end) : null;
    }
    // `X's meeting with Y`, `his May 9 meeting with Ms Tan`, `in talks (on Monday) with Y`, `Kovacs's meetings in Vienna, with Y`
    let withAt = -1;
    for (let j = at + 1; j < Math.min(words.length, at + 6); j++) {
      if (lower(words[j]) === 'with') {
        withAt = j;
        break;
      }
      if (this.mentions.some((m) => m.from === j)) break;
    }
    const owner = this.owner(at);
    if (withAt > 0) {
      const object = this.list(withAt + 1);
      const side = owner ?? this.subject(this.mainVerbBefore(at));
      // `her talks with French officials` names one side only; `held a closed meeting with farm leaders` is still a meeting
      if (!object.mentions.length && !this.heldMeeting(at)) return null;
      return this.candidate(
        [
          [side.mentions, null],
          [object.mentions, null],
        ],
        at,
        object.end,
      );
    }
    // `Ms Tan and Mr Oduya held talks at a lakeside lodge`: both sides in the subject
    if (this.heldMeeting(at)) {
      const subject = this.subject(this.mainVerbBefore(at));
      if (subject.mentions.length >= 2) return this.candidate([[subject.mentions, null]], at, at + 1);
    }
    // `was in Vienna for trade talks`, `flew to Nairobi for a new round of talks`
    const forTalks =
      /^(?:for|of)$/.test(lower(words[at - 1])) ||
      /^(?:for|of)$/.test(lower(words[at - 2])) ||
      /^(?:for|of)$/.test(lower(words[at - 3]));
    if (
      forTalks &&
      words.slice(0, at).some((w) => TRAVEL_VERBS.has(lower(w)) && (w.pos === 'VERB' || w.pos === 'AUX'))
    ) {
      const subject = this.subject(this.mainVerbBefore(at));
      return this.candidate([[subject.mentions, null]], at, at + 1);
    }
    return null;
  }

  private heldMeeting(at: number): boolean {
    return this.s.words.slice(Math.max(0, at - 4), at).some((w) => /^(?:held|holds|hold|holding)$/i.test(w.text));
  }

  /** `Kovacs's ... meeting`, `his ... meeting`: the person whose meeting it is. */
  private owner(at: number): Side | null {
    const words = this.s.words;
    for (let k = at - 1; k >= Math.max(0, at - 5); k--) {
      const w = words[k];
      if (/^[’']s?$/.test(w.text)) {
        const m = this.mentions.find((x) => x.to === k);
        return m ? { mentions: [m], generic: false } : null;
      }
      if (/^(?:his|her)$/i.test(w.text)) {
        const person = this.ctx.coreference.pronoun(this.s.index, k);
        return person
          ? { mentions: [{ kind: 'person', name: person.name, from: k, to: k + 1 }], generic: false }
          : null;
      }
      if (!(
        w.pos === 'ADJ' ||
        w.pos === 'NUM' ||
        isCalendarWord(w.text) ||
        /^(?:first|final|last|private|bilateral|latest|round|of)$/i.test(w.text)
      ))
        return null;
    }
    return null;
  }

  private mainVerbBefore(at: number): number {
    for (let k = at - 1; k >= 0; k--)
      if (['VERB', 'AUX'].includes(this.s.words[k].pos) && !/^(?:meeting|talks)$/i.test(this.s.words[k].text)) return k;
    return at;
  }

  private attending(at: number): Candidate | null {
    const window = this.s.words.slice(at + 1, at + 7).map(lower);
    if (!window.some((w) => MEETING_NOUNS.has(w)) || this.unreal(at)) return null;
    const subject = this.subject(at);
    return this.candidate([[subject.mentions, 'attendee']], at, at + 1);
  }

  /** `at a lunch hosted by X she assured Mr Hale`: the host and the people at the table. */
  private hostedBy(at: number): Candidate | null {
    const host = this.list(at + 2);
    if (!host.mentions.length) return null;
    const others = this.mentions.filter((m) => m.kind === 'person' && m.from >= host.end);
    const pronoun = this.s.words.findIndex((w, i) => i >= host.end && isPronoun(w) && !/^(?:his|her)$/i.test(w.text));
    const guest =
      pronoun >= 0
        ? this.ctx.coreference.pronoun(this.s.index, pronoun, new Set(host.mentions.map((m) => m.name)))
        : null;
    const guests: Mention[] = guest ? [{ kind: 'person', name: guest.name, from: pronoun, to: pronoun + 1 }] : [];
    return this.candidate(
      [
        [host.mentions, 'host'],
        [[...guests, ...others], null],
      ],
      at,
      host.end,
    );
  }

  private candidate(sides: Array<[Mention[], ParticipantRole | null]>, at: number, end: number): Candidate | null {
    const participants = new Map<string, MeetingParticipantFact>();
    for (const [mentions, role] of sides) {
      for (const m of mentions)
        if (!participants.has(m.name)) participants.set(m.name, { name: m.name, kind: m.kind, role });
    }
    this.addPresence(participants, end);
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

  /** `in the presence of Jordan's Crown Prince Samir bin Khalid`. */
  private addPresence(participants: Map<string, MeetingParticipantFact>, from: number) {
    const words = this.s.words;
    for (let k = from; k + 3 < words.length; k++) {
      if (!(lower(words[k]) === 'presence' && lower(words[k + 1]) === 'of')) continue;
      for (const m of this.list(k + 2).mentions)
        if (!participants.has(m.name)) participants.set(m.name, { name: m.name, kind: m.kind, role: 'attendee' });
    }
  }

  /** The date nearest the trigger, unless a relative clause (`which ... last year`) separates them. */
  date(at: number): ResolvedDate | null {
    const words = this.s.words;
    const trigger = words[at].start - this.s.start;
    const wordAt = (offset: number) => words.findIndex((w) => w.start - this.s.start >= offset);
    let all = this.index.dates.get(this.s.index);
    if (!all) {
      all = findDates(this.s.text, this.ctx.reference);
      this.index.dates.set(this.s.index, all);
    }
    const found = all.filter((d) => {
      if (!d.date) return false;
      const k = wordAt(d.index);
      const [a, b] = k < at ? [k, at] : [at + 1, k];
      return !words.slice(a, b).some((w) => /^(?:which|who|;)$/i.test(w.text));
    });
    if (!found.length) return null;
    return found.reduce((x, y) => (Math.abs(y.index - trigger) < Math.abs(x.index - trigger) ? y : x)).date;
  }

  /** The place named after `in`/`at`/`flew to`, preferring known cities and countries, then the nearest to the trigger. */
  location(at: number): string | null {
    const words = this.s.words;
    const order = [...words.keys()].sort(
      (a, b) => (a >= at ? 0 : 1) - (b >= at ? 0 : 1) || Math.abs(a - at) - Math.abs(b - at),
    );
    let fallback: string | null = null;
    for (const k of order) {
      const w = lower(words[k]);
      const travel = w === 'to' && k > 0 && TRAVEL_VERBS.has(lower(words[k - 1]));
      // `the Black Sea resort of Sochi`
      const placeOf = w === 'of' && k > 0 && PLACE_NOUNS.has(lower(words[k - 1]));
      if (w !== 'in' && w !== 'at' && !travel && !placeOf) continue;
      let start = k + 1;
      if (lower(words[start]) === 'the') start++;
      let end = start;
      while (end < words.length && isCapitalised(words[end]) && !isCalendarWord(words[end].text)) end++;
      // `Spain's Barcelona`
      if (end > start && /^[’']s$/.test(words[end]?.text ?? '') && words[end + 1] && isCapitalised(words[end + 1])) {
        start = end + 1;
        end = start;
        while (end < words.length && isCapitalised(words[end])) end++;
      }
      if (end === start) continue;
      // `at the Department for Transport`, `at the Palace of Culture`: one name
      while (/^(?:of|for)$/.test(lower(words[end])) && words[end + 1] && isCapitalised(words[end + 1])) {
        end += 2;
        while (end < words.length && isCapitalised(words[end])) end++;
      }
      // `in the Qatari capital`
      if (end === start + 1 && isDemonym(words[start].text)) {
        const capital = lower(words[end]) === 'capital' ? capitalOf(words[start].text) : null;
        if (capital) return capital;
        continue;
      }
      // `in Kovacs's office`: a person's venue
      if (/^[’']s$/.test(words[end]?.text ?? '') && VENUE_NOUNS.has(lower(words[end + 1])))
        return textOf(this.s, start, end + 2);
      const place = words
        .slice(start, end)
        .map((x) => x.text)
        .join(' ');
      if (this.mentions.some((m) => m.from < end && start < m.to && m.kind === 'person')) continue;
      if (this.ctx.organizations.some((o) => [o.name, ...o.aliases].some((n) => nameKey(n) === nameKey(place))))
        continue;
      if (isCity(place) || countryOf(place)) return place;
      if (cityOfVenue(place)) return cityOfVenue(place);
      if (!fallback && words[start].pos === 'PROPN') fallback = place;
    }
    return fallback;
  }
}

/** Sentences without any of these words hold no meeting, so they are skipped cheaply. */
const TRIGGER_WORDS =
  /\b(?:met|meets|meeting|meetings|received|receives|hosted|hosts|visited|visits|greeted|greets|welcomed|welcomes|talks|discussions|summit|negotiations|attending|attended)\b/i;

/** Mentions by sentence, and dates by sentence filled on demand (chrono is the slowest stage). */
interface ArticleIndex {
  people: Map<number, Mention[]>;
  organizations: Map<number, Array<{ organization: OrganizationEntity; mention: OrganizationMention }>>;
  dates: Map<number, FoundDate[]>;
}

function indexArticle(ctx: MeetingContext): ArticleIndex {
  const people = new Map<number, Mention[]>();
  const organizations: ArticleIndex['organizations'] = new Map();
  const push = <T>(map: Map<number, T[]>, k: number, v: T) => map.set(k, [...(map.get(k) ?? []), v]);
  for (const p of ctx.people)
    for (const m of p.mentions)
      push(people, m.sentence, { kind: 'person' as const, name: p.name, from: m.from, to: m.to });
  for (const a of ctx.ambiguous) {
    const person = ctx.coreference.ambiguous(a);
    if (person) push(people, a.sentence, { kind: 'person' as const, name: person.name, from: a.from, to: a.to });
  }
  for (const o of ctx.organizations)
    for (const m of o.mentions) push(organizations, m.sentence, { organization: o, mention: m });
  return { people, organizations, dates: new Map() };
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
  target.location = target.location ?? other.location;
  target.evidence.push(...other.evidence);
}

/** `The talks, which were attended by X`: X joins the last meeting told in running text. */
function attachAttendees(ctx: MeetingContext, index: ArticleIndex, meetings: Candidate[]) {
  for (const s of ctx.sentences) {
    const by = s.words.findIndex((w, i) => lower(w) === 'attended' && lower(s.words[i + 1]) === 'by');
    if (by < 0) continue;
    const target = [...meetings]
      .reverse()
      .find((m) => m.sentence <= s.index && m.sentence >= s.index - 3 && (!m.caption || m.sentence === s.index));
    if (!target) continue;
    const helper = new SentenceMeetings(s, ctx, index);
    const attendees = helper.mentions.filter((m) => m.from > by + 1 && m.from <= by + 12);
    for (const m of attendees)
      if (!target.participants.has(m.name))
        target.participants.set(m.name, { name: m.name, kind: m.kind, role: 'attendee' });
    if (!target.evidence.includes(s)) target.evidence.push(s);
  }
}

/** `At the meeting in Kovacs's office, ...`: a later sentence may place a meeting told without a place. */
function locateFromFollowUps(ctx: MeetingContext, index: ArticleIndex, meetings: Candidate[]) {
  for (const s of ctx.sentences) {
    const at = s.words.findIndex((w, i) => /^(?:meeting|talks)$/i.test(w.text) && lower(s.words[i - 1]) === 'the');
    if (at < 0) continue;
    const target = [...meetings].reverse().find((m) => m.sentence < s.index && m.sentence >= s.index - 2 && !m.caption);
    if (!target || target.location) continue;
    const next = s.words[at + 1];
    if (!next || !/^(?:in|at)$/i.test(next.text)) continue;
    target.location = new SentenceMeetings(s, ctx, index).location(at + 1);
    if (target.location && !target.evidence.includes(s)) target.evidence.push(s);
  }
}

export function extractMeetings(ctx: MeetingContext): MeetingFact[] {
  const found: Candidate[] = [];
  const index = indexArticle(ctx);
  for (const s of ctx.sentences)
    if (TRIGGER_WORDS.test(s.text)) found.push(...new SentenceMeetings(s, ctx, index).find());
  found.sort((a, b) => a.sentence - b.sentence);
  attachAttendees(ctx, index, found);
  locateFromFollowUps(ctx, index, found);
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
  return merged.map((m) => {
    const date =
      m.date ?? ctx.reference ?? (ctx.storyYear ? { iso: ctx.storyYear, precision: 'year' as DatePrecision } : null);
    const roles = [...m.participants.values()];
    return {
      date: date?.iso ?? null,
      datePrecision: date?.precision ?? null,
      location: m.location ?? ctx.defaultLocation,
      participants: roles.map((r) => r.name),
      roles,
      evidence: uniqueEvidence(m.evidence.map(evidenceOf)),
    };
  });
}
