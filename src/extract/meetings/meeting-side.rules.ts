/**
 * Who is on each side of a meeting word, read from the sentence: the clause's subject before
 * it, the list of parties after it, the owner of a meeting noun (`Hale's talks`), and people
 * `in the presence of` it. Named people and bodies count; unnamed ones (`officials`, `a
 * delegation`) make a side that is there but adds no participant.
 */
import type { Sentence, Word } from '../text/sentence.splitter';
import type { ParticipantKind } from '../extraction-record.type';
import type { CoreferenceResolver } from '../people/coreference.resolver';
import { isPronoun } from '../people/coreference.resolver';
import { holds, isCapitalised, isPossessive, isVerb, lower } from '../engine/word.predicates';

export interface PartyMention {
  kind: ParticipantKind;
  name: string;
  from: number;
  to: number;
}

export interface Side {
  mentions: PartyMention[];
  /** The side is there but unnamed (`officials`, `a delegation`, `the whole board`). */
  generic: boolean;
  /** `The three unions which met Mr Oduya`: a relative clause retelling a meeting told before. */
  restatement?: boolean;
}

export interface ListedSide extends Side {
  /** Where the list ends. */
  end: number;
}

/** Nouns of time between a meeting verb and its `with` (`met again this morning with`). */
const TIME_NOUNS = new Set(['morning', 'afternoon', 'evening', 'night', 'day', 'week', 'weekend', 'today', 'tonight']);
/** Words a list of parties may run through: `his Swiss counterpart X, Y and the ... of Z`. */
// prettier-ignore
const LIST_LINKS = new Set([
  ',', 'and', 'the', 'his', 'her', 'their', 'its', 'a', 'an', 'from', 'of', '(', ')', 'senior', 'top', 'both',
  'two', 'three', 'four', 'five', 'several',
]);
/** Words between a subject and its verb that belong to neither (`X also met`, `X on Tuesday met`). */
// prettier-ignore
const SUBJECT_GAP = new Set([
  'also', 'then', 'again', 'earlier', 'later', 'first', 'had', 'has', 'have', 'last', 'previously', 'already',
  'separately', 'briefly', 'today', 'yesterday', 'once', 'recently', 'subsequently', 'finally', 'personally',
]);
/** Where the clause holding the subject begins: after these, earlier names are someone else's. */
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'announced', 'reported', 'stated']);
/** `X met Y on Tuesday, while Z hosted W`: a subordinate clause has a subject of its own. */
const SUBORDINATORS = new Set([
  'while',
  'when',
  'whereas',
  'although',
  'though',
  'because',
  'as',
  'after',
  'before',
  'until',
  'since',
]);
/** `the pair met`, `both men met`: the two people the text just named. */
const PAIR = /^(?:the pair|the two(?: \w+)?|both(?: \w+)?|the couple|the duo)$/;
/** Words after which a listed party follows a group (`nine senators, including Ted Cruz`). */
const INCLUDING = new Set(['including', 'includes', 'among']);
/** Nouns of things, not parties: `received a written paper from X` received no one. */
const THING_HEADS = new Set([
  'letter',
  'paper',
  'note',
  'memo',
  'document',
  'documents',
  'file',
  'bill',
  'report',
  'message',
  'call',
  'offer',
  'bid',
  'contract',
  'request',
  'proposal',
  'complaint',
  'visit',
]);
/** A meeting noun's own modifiers between it and its owner (`Hale's first bilateral meeting`). */
const OWNED_NOUN_MODIFIERS = new Set(['first', 'final', 'last', 'private', 'bilateral', 'latest', 'round', 'of']);

export class MeetingSides {
  constructor(
    private readonly s: Sentence,
    readonly mentions: readonly PartyMention[],
    private readonly coreference: CoreferenceResolver,
  ) {}

  private get words(): readonly Word[] {
    return this.s.words;
  }

  private mentionAt(at: number): PartyMention | undefined {
    return this.mentions.find((m) => m.from === at);
  }

  /** Ranges of `, who ... ,` and `, which ... ,` clauses: what they hold is not the main clause's subject. */
  private relativeClauses(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let k = 1; k < this.words.length; k++) {
      if (this.words[k - 1].text !== ',' || !/^(?:who|which|whose)$/i.test(this.words[k].text)) continue;
      let end = k;
      while (end < this.words.length && this.words[end].text !== ',') end++;
      out.push([k, end]);
    }
    return out;
  }

  /** The word after which the clause ending at `at` starts (`He said that X met`, `...; X met`). */
  private clauseStart(at: number, inRelative: (i: number) => boolean): number {
    let start = 0;
    for (let j = 0; j < at; j++) {
      if (inRelative(j)) continue;
      const w = this.words[j];
      // a quote opens a clause only when the verb is inside it (`said he “briefly” greeted X` is one clause)
      const quoteOpens = /^[“"]$/.test(w.text) && !this.words.slice(j + 1, at).some((x) => /^[”"]$/.test(x.text));
      const boundary =
        /^(?:that|;|:)$/i.test(w.text) ||
        quoteOpens ||
        SPEECH_VERBS.has(lower(w)) ||
        (SUBORDINATORS.has(lower(w)) && j > 0) ||
        // `As the campaign escalated, Vice President Mike Pence met ...`: an opening clause ends at its comma
        (w.text === ',' &&
          SUBORDINATORS.has(lower(this.words[0])) &&
          !this.words.slice(1, j).some((x) => x.text === ',')) ||
        (w.text === ',' && /^(?:but|and)$/.test(lower(this.words[j + 1])));
      if (boundary) start = j + 1;
    }
    return start;
  }

  /** The subject of the verb at `at`: named parties of its clause, else a pronoun or description it stands for. */
  subjectBefore(at: number): Side {
    let k = at - 1;
    while (k >= 0 && (SUBJECT_GAP.has(lower(this.words[k])) || holds('calendar', this.words[k]))) k--;
    // `Ms Ferreira, who met again ...`: the relative pronoun's antecedent
    if (lower(this.words[k]) === 'who' && this.words[k - 1]?.text === ',') {
      const antecedent = [...this.mentions].reverse().find((m) => m.to <= k - 1);
      return { mentions: antecedent ? [antecedent] : [], generic: !antecedent };
    }
    if (/^(?:which|that)$/.test(lower(this.words[k]))) return { mentions: [], generic: true, restatement: true };
    const relatives = this.relativeClauses();
    const inRelative = (i: number) => relatives.some(([a, b]) => i >= a && i < b);
    const start = this.clauseStart(at, inRelative);
    // `Three councillors who support Mr Hale met ...`: who they support is not who met
    const who = this.words.findIndex((w, j) => j >= start && j < at && lower(w) === 'who');
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
    return this.referredSubject(start, at);
  }

  /** `He met ...`, `The minister met ...`, `the pair met`: the person a pronoun or a description stands for. */
  private referredSubject(start: number, at: number): Side {
    const phrase = this.words
      .slice(start, at)
      .map((w) => lower(w))
      .join(' ');
    if (PAIR.test(phrase)) {
      // `X discussed Y with Z when the pair met`: the clause's subject and the last person named with it
      const people = [
        ...new Map(this.mentions.filter((m) => m.kind === 'person' && m.to <= start).map((m) => [m.name, m])).values(),
      ];
      if (people.length >= 2) return { mentions: [people[0], people[people.length - 1]], generic: false };
    }
    for (let j = start; j < at; j++) {
      if (isPronoun(this.words[j]) && !/^(?:his|her)$/.test(lower(this.words[j]))) {
        const person = this.coreference.pronoun(this.s.index, j);
        if (person) return { mentions: [{ kind: 'person', name: person.name, from: j, to: j + 1 }], generic: false };
      }
    }
    let end = start;
    while (end < at && !isVerb(this.words[end]) && !SUBJECT_GAP.has(lower(this.words[end]))) end++;
    const described = this.coreference.description(this.s.index, start, end);
    if (described)
      return { mentions: [{ kind: 'person', name: described.name, from: start, to: end }], generic: false };
    const generic = this.words
      .slice(start, at)
      .some((w) => holds('groupNoun', w) || (/s$/.test(lower(w)) && w.pos === 'NOUN'));
    return { mentions: [], generic };
  }

  private isAccordingTo(from: number): boolean {
    return lower(this.words[from - 1]) === 'to' && lower(this.words[from - 2]) === 'according';
  }

  /** The named and unnamed parties listed from word `from` on (`his Austrian counterpart Karl Brenner, ... and ...`). */
  listFrom(from: number): ListedSide {
    const mentions: PartyMention[] = [];
    let generic = false;
    let k = from;
    while (k < this.words.length) {
      const mention = this.mentionAt(k);
      if (mention) {
        mentions.push(mention);
        k = mention.to;
        continue;
      }
      const w = this.words[k];
      if (holds('groupNoun', w)) generic = true;
      // `Apple Inc (AAPL.O) chief executive Tim Cook`: a ticker in brackets within the list
      const close = w.text === '(' ? this.words.findIndex((x, i) => i > k && i <= k + 5 && x.text === ')') : -1;
      if (close > 0 && (mentions.length > 0 || generic || isCapitalised(this.words[k - 1] ?? w))) {
        k = close + 1;
        continue;
      }
      // `a delegation from Hamas led by Khalil al-Hayya`: the named leader stands for the delegation
      if (/^(?:led|headed)$/.test(lower(w)) && lower(this.words[k + 1]) === 'by') {
        if (mentions[mentions.length - 1]?.kind === 'organization') mentions.pop();
        k += 2;
        continue;
      }
      // `nine Republican senators from oil states on Thursday, including Ted Cruz`
      if (INCLUDING.has(lower(w)) && generic) {
        const named = this.mentions.find((m) => m.from > k && m.from <= k + 3);
        if (named) {
          k = named.from;
          continue;
        }
      }
      if (!this.continuesList(k, mentions.length)) break;
      k++;
    }
    // `members of an advisory board to Tsinghua University, including Tim Cook and Mark Zuckerberg`
    if (generic) {
      const including = this.words.findIndex((w, i) => i >= k && i <= k + 12 && INCLUDING.has(lower(w)));
      const stop = this.words.findIndex((w, i) => i >= k && holds('sentenceBreak', w));
      if (including >= 0 && (stop < 0 || including < stop)) {
        const more = this.listFrom(including + 1);
        return { mentions: [...mentions, ...more.mentions], generic, end: more.end };
      }
    }
    return { mentions, generic, end: k };
  }

  private continuesList(k: number, listed: number): boolean {
    const w = this.words[k];
    const fits =
      LIST_LINKS.has(lower(w)) ||
      isPossessive(w) ||
      holds('titleWord', w) ||
      holds('honorific', w) ||
      (isCapitalised(w) && !holds('calendar', w)) ||
      (/^\p{Ll}/u.test(w.text) && (w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'PROPN' || w.pos === 'NUM'));
    if (!fits) return false;
    if (w.text === ',' && isVerb(this.words[k + 1]) && !isCapitalised(this.words[k + 1])) return false;
    // `..., Sir Peter warned the council`, `..., ministry officials said`: a name and its verb open a new clause
    if (w.text === ',') {
      const next = this.mentions.find((m) => m.from > k && m.from <= k + 3);
      const verbAt = next && holds('groupNoun', this.words[next.to] ?? w) ? next.to + 1 : next?.to;
      if (verbAt !== undefined && isVerb(this.words[verbAt])) return false;
    }
    return !(w.text === '(' && !listed);
  }

  /** `received Ilona Kovacs`, not `received a written paper from X` nor `an offer it received from X`. */
  receivesParties(from: number): boolean {
    if (lower(this.words[from]) === 'from') return false;
    for (let k = from; k < Math.min(this.words.length, from + 5); k++) {
      if (this.mentionAt(k)) return true;
      const w = this.words[k];
      if (w.pos === 'NOUN') return !THING_HEADS.has(lower(w));
    }
    return true;
  }

  /** `After a meeting with advisers, President Donald Trump told reporters`: the subject after an opening phrase. */
  subjectAfterOpening(from: number): Side | null {
    const comma = this.words.findIndex((w, i) => i >= from && w.text === ',');
    if (comma < 0 || !/^(?:after|following|before|during|at|in)$/.test(lower(this.words[0]))) return null;
    const next = this.mentions.find((m) => m.from > comma && m.from <= comma + 6 && m.kind === 'person');
    return next ? { mentions: [next], generic: false } : null;
  }

  /** The parties after a verb: directly (`met X`) or after a nearby `with` (`met once more on Tuesday with X`). */
  objectAfter(end: number): ListedSide {
    for (let j = end; j < Math.min(this.words.length, end + 6); j++) {
      if (lower(this.words[j]) === 'with') return this.describedIfUnnamed(this.listFrom(j + 1), j + 1);
      if (this.mentionAt(j) || /^[,;.]$/.test(this.words[j].text)) break;
      // `met nine senators from states with refineries`: past the object's first noun, `with` is inside it
      // (`met again this morning with` is a time, not an object)
      if (this.startsObject(j)) break;
    }
    return this.describedIfUnnamed(this.listFrom(end), end);
  }

  private startsObject(at: number): boolean {
    const w = this.words[at];
    const timeWord = (word: Word | undefined) => !!word && (holds('calendar', word) || TIME_NOUNS.has(lower(word)));
    if (timeWord(w)) return false;
    if (holds('determiner', w)) return !timeWord(this.words[at + 1]);
    return w.pos === 'NOUN' || w.pos === 'NUM';
  }

  /** `met with a Russian deputy prime minister`: an unnamed side the text has named by its post. */
  describedIfUnnamed(side: ListedSide, from: number): ListedSide {
    if (side.mentions.length || side.end <= from) return side;
    const described = this.coreference.description(this.s.index, from, side.end);
    return described
      ? { ...side, mentions: [{ kind: 'person', name: described.name, from, to: side.end }], generic: false }
      : side;
  }

  /** `Kovacs's ... meeting`, `his ... meeting`: the person whose meeting it is. */
  ownerOf(at: number): Side | null {
    for (let k = at - 1; k >= Math.max(0, at - 5); k--) {
      const w = this.words[k];
      if (isPossessive(w)) {
        const m = this.mentions.find((x) => x.to === k);
        return m ? { mentions: [m], generic: false } : null;
      }
      if (/^(?:his|her)$/.test(lower(w))) {
        const person = this.coreference.pronoun(this.s.index, k);
        return person
          ? { mentions: [{ kind: 'person', name: person.name, from: k, to: k + 1 }], generic: false }
          : null;
      }
      const modifier = w.pos === 'ADJ' || w.pos === 'NUM' || holds('calendar', w) || OWNED_NOUN_MODIFIERS.has(lower(w));
      if (!modifier) return null;
    }
    return null;
  }

  /** The clause's own verb before a meeting noun or participle (`X said after meeting Y`: `said`). */
  mainVerbBefore(at: number): number {
    for (let k = at - 1; k >= 0; k--) {
      if (isVerb(this.words[k]) && !/^(?:meeting|talks)$/.test(lower(this.words[k]))) return k;
    }
    return at;
  }

  /** `in the presence of Jordan's Crown Prince Samir bin Khalid`. */
  presentAfter(from: number): PartyMention[] {
    const out: PartyMention[] = [];
    for (let k = from; k + 3 < this.words.length; k++) {
      if (lower(this.words[k]) === 'presence' && lower(this.words[k + 1]) === 'of')
        out.push(...this.listFrom(k + 2).mentions);
    }
    return out;
  }

  /** People named from `from` to the end of the sentence: the guests at a meal someone hosted. */
  peopleFrom(from: number, excluded: ReadonlySet<string>): PartyMention[] {
    const named = this.mentions.filter((m) => m.kind === 'person' && m.from >= from);
    const pronoun = this.words.findIndex((w, i) => i >= from && isPronoun(w) && !/^(?:his|her)$/.test(lower(w)));
    const guest = pronoun >= 0 ? this.coreference.pronoun(this.s.index, pronoun, new Set(excluded)) : null;
    return guest ? [{ kind: 'person', name: guest.name, from: pronoun, to: pronoun + 1 }, ...named] : named;
  }
}
