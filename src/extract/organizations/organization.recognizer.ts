/**
 * Finds the organizations an article names: capitalised phrases with a body's head word
 * (`Ministry of Transport`, `Harbour Bank Plc`), acronyms (with the expansion they are
 * defined by in brackets), major parties, and bare names that the text treats as a body
 * (`Norlex chairman ...`, `told Vantora`, `energy giant Norlex`, `a spokesman for Amberline`).
 * Places standing for governments (`Baghdad`, `the White House`) are not organizations.
 */
import type { Sentence } from '../text/sentence.splitter';
import type { PeopleAnalysis } from '../people/person.recognizer';
import { acronymInBracketsBefore, chunksOf } from '../people/proper-noun.chunker';
import { portfolioStart } from '../offices/title-phrase.parser';
import { holds, isCapitalised, isPossessive, lower, textOf } from '../engine/word.predicates';
import {
  isFormerMarker,
  isHonorific,
  isOccupation,
  isPartyPost,
  isTitleHead,
  isTitleQualifier,
} from '../lexicon/title.lexicon';
import { lexicalPos } from '../lexicon/english-word.lexicon';
import { matchAll, type MatchTarget } from '../engine/token-pattern.matcher';
import { ORGANIZATION_CUES, type OrganizationCue } from './organization-cue.rules';
import {
  isBodyDescriptor,
  isCalendarWord,
  hasLegalForm,
  isGroupNoun,
  isLowercaseBodyNoun,
  isOrganizationHead,
  isPlaceOrThingWord,
  isKnownBody,
  isStandaloneOrganizationHead,
  partyOf,
  withoutLegalForm,
} from '../lexicon/entity-word.lexicon';
import { countryOf, isCity, isDemonym } from '../lexicon/place.lexicon';
import { regionOf } from '../lexicon/region.lexicon';
import { foldForLookup, nameKey } from '../lexicon/name.normalizer';

export interface OrganizationMention {
  sentence: number;
  from: number;
  to: number;
  text: string;
}

export interface OrganizationEntity {
  name: string;
  aliases: string[];
  mentions: OrganizationMention[];
}

const ACRONYM = /^(?:\p{Lu}[\p{Lu}\d&]{1,6}|\p{Lu}\d)$/u;
const NOT_BODY_ACRONYMS = new Set([
  'PM',
  'MP',
  'MPS',
  'CEO',
  'TV',
  'GDP',
  'VAT',
  'LGBT',
  'LGBTQ',
  'OK',
  'AM',
  'DNA',
  'HIV',
  'AIDS',
  'ID',
  'IT',
  'PR',
  'CCTV',
  'II',
  'III',
  'IV',
  'VI',
  'AD',
  'BC',
  'GMT',
  'UTC',
  'CV',
  'PC',
  'QC',
  'OBE',
  'MBE',
  'CBE',
  'REUTER',
  'REUTERS',
]);
const PLACES_NOT_BODIES = new Set(['white house', 'kremlin', 'downing street', 'number 10', 'elysee', 'pentagon']);

interface Found {
  name: string;
  aliases: string[];
  mention: OrganizationMention;
}

function wordKey(sentence: number, index: number): string {
  return `${sentence}:${index}`;
}

function isPlace(text: string): boolean {
  const folded = foldForLookup(text);
  return !!countryOf(text) || isCity(text) || !!regionOf(text) || PLACES_NOT_BODIES.has(folded.replace(/^the /, ''));
}

/** `Kurdistan Democratic Party (KDP)`: acronyms the article defines in brackets right after a capitalised name. */
function definedAcronyms(sentences: Sentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    for (let i = 2; i + 1 < s.words.length; i++) {
      if (
        s.words[i - 1].text === '(' &&
        s.words[i + 1].text === ')' &&
        ACRONYM.test(s.words[i].text) &&
        isCapitalised(s.words[i - 2])
      )
        out.add(s.words[i].text);
    }
  }
  return out;
}

/** Where `'s Inc` or `'s College` ends after a one-word name, when a body's head word ends it; else -1. */
function possessiveNameEnd(s: Sentence, to: number): number {
  if (!isPossessive(s.words[to])) return -1;
  let end = to + 1;
  while (end < s.words.length && end < to + 4 && isCapitalised(s.words[end])) end++;
  // `Pakistan's Ministry of Foreign Affairs`: the body is the Ministry of Foreign Affairs, of Pakistan
  if (lower(s.words[end]) === 'of') return -1;
  return end > to + 1 && isOrganizationHead(s.words[end - 1].text) ? end : -1;
}

/** Where `central bank` or `education ministry` ends after a demonym at `from`, or -1. */
function stateBodyEnd(s: Sentence, from: number): number {
  let k = from;
  while (
    k < from + 2 &&
    s.words[k] &&
    /^\p{Ll}/u.test(s.words[k].text) &&
    (isTitleQualifier(s.words[k].text) || lower(s.words[k]) === 'central')
  )
    k++;
  // a qualifier makes it one body (`central bank`, `education ministry`); `a Brazilian bank` is any bank
  return k > from && /^(?:ministry|bank)$/.test(lower(s.words[k])) ? k + 1 : -1;
}

/** Words that follow a city's name in the names of its sports clubs. */
const TEAM_WORDS = new Set([
  'city',
  'united',
  'town',
  'rovers',
  'athletic',
  'wanderers',
  'albion',
  'county',
  'fc',
  'rangers',
]);

/** `Cincinnati Reds`, `Chicago White Sox`, `Manchester United`: a city and a plural or a club word. */
function isTeamName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const cityWords = words.length > 2 && isCity(`${words[0]} ${words[1]}`) ? 2 : isCity(words[0]) ? 1 : 0;
  if (!cityWords || cityWords === words.length || countryOf(words[0])) return false;
  const last = words[words.length - 1];
  if (TEAM_WORDS.has(last.toLowerCase())) return true;
  return /[^s]s$/.test(last) && !isOrganizationHead(last) && !isPlaceOrThingWord(last);
}

/** How many words before a name the longest organization cue starts. */
const CUE_REACH = 8;

/** `(ZION.O)`, `.SPX`: a stock ticker, not a body. */
function isTicker(s: Sentence, at: number): boolean {
  const before = s.words[at - 1]?.text;
  const after = s.words[at + 1]?.text;
  return before === '.' || (before === '(' && (after === '.' || /^\.\p{Lu}/u.test(after ?? '')));
}

/** Acronyms that the article itself defines as something other than a body (`open market operations (OMO)`). */
function nonBodyAcronyms(sentences: Sentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    for (let i = 2; i + 1 < s.words.length; i++) {
      if (s.words[i - 1].text !== '(' || s.words[i + 1].text !== ')' || !ACRONYM.test(s.words[i].text)) continue;
      const before = s.words[i - 2];
      if (!isCapitalised(before) || isPlaceOrThingWord(before.text)) out.add(s.words[i].text);
    }
  }
  return out;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** A party named by its members (`Christian Democrats`) and by its name (`Christian Democratic Party`). */
const PARTY_MEMBER_NOUNS: Record<string, string> = {
  democrats: 'democratic party',
  republicans: 'republican party',
  socialists: 'socialist party',
  communists: 'communist party',
  liberals: 'liberal party',
  conservatives: 'conservative party',
};

/** `Foreign Ministry` and `Ministry of Foreign Affairs` name one body. */
function bodyKey(name: string): string {
  return nameKey(name)
    .split(' ')
    .flatMap((w) => (PARTY_MEMBER_NOUNS[w] ?? w).split(' '))
    .filter((w) => !['the', 'of', 'for', 'and', 'affairs'].includes(w))
    .sort()
    .join(' ');
}

class OrganizationCollector {
  readonly found: Found[] = [];

  constructor(
    private readonly personWords: Set<string>,
    private readonly nonBody: Set<string>,
    /** Names used after `in`, `to`, `from`: places, whatever else they are called. */
    private readonly locative: Set<string>,
    /** Acronyms the article spells out in brackets after a name (`Kurdistan Democratic Party (KDP)`). */
    private readonly definedAcronyms: Set<string>,
  ) {}

  add(s: Sentence, from: number, to: number, aliases: string[] = []) {
    while (from < to && /^(?:the|of|and|for|on)$/i.test(s.words[from].text)) from++;
    while (to > from && /^(?:the|of|and|for|on|&|'|’)$/i.test(s.words[to - 1].text)) to--;
    if (to <= from) return;
    const name = textOf(s, from, to);
    if (isPlace(name)) return;
    this.found.push({ name, aliases, mention: { sentence: s.index, from, to, text: name } });
  }

  scan(s: Sentence) {
    for (const chunk of chunksOf(s, true)) {
      for (const [from, to] of this.segments(s, chunk.from, chunk.to)) this.classify(s, from, to);
    }
  }

  /** Splits a capitalised run at titles, honorifics, people and dates, and between two names joined by `and`. */
  private segments(s: Sentence, from: number, to: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let start = from;
    let sawHead = false;
    let afterTitle = false;
    const close = (end: number, title: boolean) => {
      // qualifiers right before a title head belong to the title (`Iraqi Prime Minister`)
      let e = end;
      if (title)
        while (e > start && (isTitleQualifier(s.words[e - 1].text) || isFormerMarker(s.words[e - 1].text))) e--;
      const complement =
        afterTitle &&
        /^(?:of|for|to|on)$/i.test(s.words[start]?.text ?? '') &&
        !s.words.slice(start, e).some((w) => isOrganizationHead(w.text) && !/^state$/i.test(w.text));
      if (e > start && !complement) out.push([start, e]);
    };
    // a title word inside a body's name (`Association of Chief Police Officers`) splits nothing unless a person follows
    const personAhead = (k: number) =>
      s.words.slice(k + 1, to).some((x) => this.personWords.has(wordKey(s.index, x.index)));
    for (let k = from; k < to; k++) {
      const w = s.words[k].text;
      // `House of Representatives`: the chamber's members name it
      const chamber = lower(s.words[k - 1]) === 'of' && lower(s.words[k - 2]) === 'house';
      const title = (isTitleHead(w) && !chamber && (k === to - 1 || personAhead(k) || k === from)) || isHonorific(w);
      const calendarBreak = isCalendarWord(w) && !(s.words[k + 1] && k + 1 < to && isCapitalised(s.words[k + 1]));
      if (title || calendarBreak || this.personWords.has(wordKey(s.index, k))) {
        close(k, title);
        start = k + 1;
        sawHead = false;
        afterTitle = title;
        continue;
      }
      if (w === 'and' && this.splitsAtAnd(s, start, k, to, sawHead)) {
        close(k, false);
        start = k + 1;
        sawHead = false;
        afterTitle = false;
        continue;
      }
      if (isOrganizationHead(w)) sawHead = true;
    }
    close(to, false);
    return out;
  }

  /** Whether `and` at `k` joins two names rather than standing inside one. */
  private splitsAtAnd(s: Sentence, start: number, k: number, to: number, sawHead: boolean): boolean {
    const rest = s.words.slice(k + 1, to);
    const restText = rest.map((x) => x.text).join(' ');
    const restIsPlace = rest.length > 0 && (isPlace(restText) || !!partyOf(restText));
    // `Harbour Trust Co and Norlex Bank Plc` are two; `Institute for Peace and Security Studies` is one
    const twoBodies =
      sawHead &&
      isOrganizationHead(s.words[k - 1]?.text ?? '') &&
      rest.length > 0 &&
      isOrganizationHead(rest[rest.length - 1].text);
    // `Reuters and NATO`: a body the world knows on either side
    const knownSide = k > start && (isKnownBody(textOf(s, start, k)) || (rest.length > 0 && isKnownBody(restText)));
    return twoBodies || restIsPlace || knownSide || isPlace(s.words[k - 1]?.text ?? '');
  }

  private classify(s: Sentence, from: number, to: number) {
    // `Socialist-led FTU`, `Army-backed National Unity Front`: a hyphenated adjective is no part of the name
    while (from < to && (/^(?:the|of|and|for|on)$/i.test(s.words[from].text) || /-\p{Ll}/u.test(s.words[from].text)))
      from++;
    // `Social Democrats on Monday`: a run cut at a date keeps its linking word
    while (to > from && /^(?:the|of|and|for|on|in|at)$/i.test(s.words[to - 1].text)) to--;
    // `Officials of the Ministry of Mines` opening a sentence: the group is no part of the name
    if (this.opensSentence(s, from) && isGroupNoun(s.words[from].text) && lower(s.words[from + 1]) === 'of')
      from += lower(s.words[from + 2]) === 'the' ? 3 : 2;
    if (to <= from) return;
    // `Shadow ...`, `Rival firm ...` opening a sentence: a common word capitalised for that
    if (
      to - from === 1 &&
      this.opensSentence(s, from) &&
      !isStandaloneOrganizationHead(s.words[from].text) &&
      (isTitleQualifier(s.words[from].text) || isBodyDescriptor(lower(s.words[from])))
    )
      return;
    // `designated Syria a “State Sponsor of Terrorism”`: a status quoted after `a`, not a body's name
    if (/^[“"‘']$/.test(s.words[from - 1]?.text ?? '') && /^an?$/i.test(s.words[from - 2]?.text ?? '')) return;
    // `Victoria's Secret owner`: the end of a possessive name that is no body (a brand, a work)
    if (this.endsPossessiveName(s, from)) return;
    const afterParty = this.takeParties(s, from, to);
    // `Liberals and Social Democrats`: the next name after a party's
    if (afterParty > from && afterParty < to && /^(?:and|,)$/.test(s.words[afterParty].text)) {
      this.classify(s, afterParty + 1, to);
      return;
    }
    from = afterParty;
    if (to <= from) return;
    // `Goldman, Sachs and Co`, `Keefe, Bruyette & Woods`: a firm named after its founders
    const founder = s.words[from - 2];
    if (
      s.words[from - 1]?.text === ',' &&
      founder &&
      isCapitalised(founder) &&
      !isPlace(founder.text) &&
      (hasLegalForm(textOf(s, from, to)) || s.words.slice(from, to).some((w) => w.text === '&'))
    ) {
      this.add(s, from - 2, to);
      return;
    }
    // `Malaysian Fisheries Minister`: a portfolio, not a body
    if (portfolioStart(s, from, to) > from) return;
    // `Macy's Inc`, `King's College`: a body named with a possessive
    const possessiveEnd = to - from === 1 ? possessiveNameEnd(s, to) : -1;
    if (possessiveEnd > 0) {
      this.add(s, from, possessiveEnd);
      return;
    }
    const words = s.words.slice(from, to);
    const text = textOf(s, from, to);
    // `the Brazilian central bank`, `the Chinese education ministry`: a state's ministry or bank named in lower case
    const bodyEnd = words.length === 1 && isDemonym(words[0].text) ? stateBodyEnd(s, to) : -1;
    if (bodyEnd > 0) {
      this.add(s, from, bodyEnd);
      return;
    }
    if (isPlace(text) || words.every((w) => countryOf(w.text) || isCity(w.text))) return;
    // `Saudi-US`, `London-Frankfurt`: places joined by a hyphen are a relation between them, not a body
    if (words.length === 1 && words[0].text.includes('-') && words[0].text.split('-').every((part) => isPlace(part)))
      return;
    // `Cincinnati Reds`, `Manchester City`: a city's team
    if (isTeamName(words.map((w) => w.text))) {
      this.add(s, from, to);
      return;
    }
    const next = s.words[to];
    const bracket =
      s.words[to]?.text === '(' && s.words[to + 2]?.text === ')' && isCapitalised(s.words[to + 1])
        ? s.words[to + 1].text
        : null;
    // `the National Census Office, NCO,` names the body twice
    const commaAcronym =
      s.words[to]?.text === ',' &&
      ACRONYM.test(s.words[to + 1]?.text ?? '') &&
      /^[,.;]?$/.test(s.words[to + 2]?.text ?? '') &&
      words.some((w) => isOrganizationHead(w.text))
        ? s.words[to + 1].text
        : null;
    const aliases = bracket ? [bracket] : commaAcronym ? [commaAcronym] : [];
    if (words.length === 1 && ACRONYM.test(words[0].text)) {
      const acronym = words[0].text;
      if (NOT_BODY_ACRONYMS.has(acronym.toUpperCase()) || this.nonBody.has(acronym) || countryOf(acronym)) return;
      if (isTicker(s, from)) return;
      // an acronym is a body when the world knows it as one, the text spells it out, or a cue says so
      const expansion = this.expansionAfter(s, to);
      const known = isKnownBody(acronym) || expansion.length > 0 || !!bracket || this.cuesFor(s, from, to).length > 0;
      if (known || this.definedAcronyms.has(acronym)) this.add(s, from, to, [...aliases, ...expansion]);
      return;
    }
    // `Farmers Union (FU) Council`: a body of the one just spelled out, named with its acronym
    const acronymBefore = acronymInBracketsBefore(s, from);
    if (acronymBefore && words.length === 1 && isOrganizationHead(words[0].text)) {
      const name = `${acronymBefore} ${words[0].text}`;
      this.found.push({ name, aliases: [], mention: { sentence: s.index, from, to, text: name } });
      return;
    }
    // `the Reagan Administration`: a government named after its leader is no organization of its own
    if (words.length === 2 && /^administration$/i.test(words[1].text) && !isOrganizationHead(words[0].text)) return;
    const headAt = words.findIndex(
      (w) => isOrganizationHead(w.text) && (words.length > 1 || isStandaloneOrganizationHead(w.text)),
    );
    if (headAt >= 0) {
      // `French Treasury Secretary`: the head word is part of a title here
      const lastIsQualifier = isTitleQualifier(words[words.length - 1].text);
      if (lastIsQualifier && next && isCapitalised(next) && isTitleHead(next.text)) return;
      if (
        !bracket &&
        isPlaceOrThingWord(words[words.length - 1].text) &&
        !isOrganizationHead(words[words.length - 1].text)
      )
        return;
      // `its Middle East Programme`: a programme named only by a region is a unit of some body
      if (
        /^program(?:me)?$/i.test(words[words.length - 1].text) &&
        words.slice(0, -1).every((w) => isPlaceOrThingWord(w.text) || countryOf(w.text))
      )
        return;
      // `the House of Representatives' Intelligence committee`: a unit of the body, named with its noun
      if (next && isLowercaseBodyNoun(next.text)) {
        this.add(s, from, to + 1, [...aliases, text]);
        return;
      }
      this.add(s, from, to, aliases);
      return;
    }
    if (bracket && ACRONYM.test(bracket) && !words.some((w) => isPlaceOrThingWord(w.text))) {
      this.add(s, from, to, aliases);
      return;
    }
    if (next && isLowercaseBodyNoun(next.text) && !words.some((w) => countryOf(w.text))) {
      // `Northern Shield forces`: named with its noun; the bare name and the name without a leading adjective are aliases
      const bare = words.length > 1 && words[0].pos === 'ADJ' ? [textOf(s, from + 1, to)] : [];
      this.add(s, from, to + 1, [text, ...bare]);
      return;
    }
    // `Shopping.com`: a web business by its address
    if (words.length === 1 && /\.(?:com|org|net|co\.uk)$/i.test(words[0].text)) {
      this.add(s, from, to, aliases);
      return;
    }
    if (isKnownBody(text)) {
      this.add(s, from, to, aliases);
      return;
    }
    const ofTitle = this.followsTitleLink(s, from);
    if (!ofTitle && words.some((w) => isPlaceOrThingWord(w.text) || isCalendarWord(w.text))) return;
    if (words.some((w) => isFormerMarker(w.text) || isTitleHead(w.text.replace(/s$/, '')))) return;
    // a lone capitalised word opening a sentence is only capitalised for that
    if (words.length === 1 && (words[0].pos === 'ADJ' || (from === 0 && words[0].pos !== 'PROPN'))) return;
    if (words.some((w) => this.personWords.has(wordKey(s.index, w.index)))) return;
    // a name used as a place (`in X`, `to X`) needs a cue that only a body gets (`X Secretary General`)
    const placeLike = this.locative.has(nameKey(text));
    const cues = this.cuesFor(s, from, to).filter((cue) => cue.placeProof || !placeLike);
    if (!cues.length && !ofTitle) return;
    if (words.length === 1 && countryOf(words[0].text)) return;
    this.add(s, from, to, aliases);
  }

  /** The rows of the cue table that hold around the name [from, to). */
  private cuesFor(s: Sentence, from: number, to: number): OrganizationCue[] {
    const target: MatchTarget = {
      words: s.words,
      mentionEnd: (at, kinds) => (kinds.includes('name') && at === from ? to : -1),
      inMention: (at, kinds) => kinds.includes('name') && at >= from && at < to,
    };
    // every cue holds within a few words of the name
    return matchAll(ORGANIZATION_CUES, target, from - CUE_REACH, from + 1)
      .filter((m) => m.groups.name?.from === from)
      .map((m) => ORGANIZATION_CUES.find((cue) => cue.id === m.id) as OrganizationCue);
  }

  /** Whether the run at `from` follows `Name's`, a possessive of a name that is neither a place nor a person. */
  private endsPossessiveName(s: Sentence, from: number): boolean {
    const owner = s.words[from - 2];
    return (
      isPossessive(s.words[from - 1]) &&
      !!owner &&
      isCapitalised(owner) &&
      !isPlace(owner.text) &&
      !isDemonym(owner.text) &&
      !partyOf(owner.text) &&
      !this.personWords.has(wordKey(s.index, from - 2))
    );
  }

  private opensSentence(s: Sentence, at: number): boolean {
    return at === 0 || /^[“"‘'(:]$/.test(s.words[at - 1].text);
  }

  /** `WFO (World Farmers Organisation)`: the spelled-out name in brackets after an acronym. */
  private expansionAfter(s: Sentence, to: number): string[] {
    if (s.words[to]?.text !== '(') return [];
    const close = s.words.findIndex((w, i) => i > to && w.text === ')');
    if (close < to + 3 || close > to + 12) return [];
    const inside = s.words.slice(to + 1, close);
    return inside.every((w) => isCapitalised(w) || /^(?:of|and|on|for|the|&)$/i.test(w.text))
      ? [textOf(s, to + 1, close)]
      : [];
  }

  /** `leader of the moderate Amberline`, `a spokesman for Vantora`. */
  private followsTitleLink(s: Sentence, from: number): boolean {
    let k = from - 1;
    let skipped = 0;
    while (k >= 0 && skipped < 3 && /^\p{Ll}/u.test(s.words[k].text) && s.words[k].pos === 'ADJ') {
      k--;
      skipped++;
    }
    if (k >= 0 && /^the$/i.test(s.words[k].text)) k--;
    return k >= 1 && /^(?:of|for)$/i.test(s.words[k].text) && isTitleHead(s.words[k - 1].text);
  }

  /** Registers party names at the edges of a run (`Labour Council Group`) and returns where the rest starts. */
  private takeParties(s: Sentence, from: number, to: number): number {
    for (const width of [3, 2, 1]) {
      if (to - from < width) continue;
      const form = textOf(s, from, from + width);
      const party = partyOf(form);
      if (!party) continue;
      if (!isPartyLabel(s, from, from + width, this.personWords))
        this.found.push({
          name: party.name,
          aliases: [form],
          mention: { sentence: s.index, from, to: from + width, text: form },
        });
      return from + width;
    }
    // `Kent and Medway Tories`, `Senate Republicans`: a mention of the party (and a local body of it);
    // `Social Democrats`, `Christian Democrats`: a party of its own name
    // `Kurdistan Democratic Party` is a party of its own name, not the Democratic Party
    const ownName = isOrganizationHead(s.words[to - 1].text);
    const width = ownName ? 0 : ([2, 1].find((n) => to - from > n && partyOf(textOf(s, to - n, to))) ?? 0);
    const party = width ? partyOf(textOf(s, to - width, to)) : null;
    if (party && width === 2) {
      // `Welsh Liberal Democrat`: the party under its name, with the words before it as a local body
      const form = textOf(s, to - 2, to);
      this.found.push({
        name: party.name,
        aliases: [form],
        mention: { sentence: s.index, from: to - 2, to, text: form },
      });
      return to;
    }
    if (party) {
      const qualifier = s.words[from].text;
      const ownName =
        to - from === 2 &&
        !isPlace(qualifier) &&
        (PARTY_NAME_QUALIFIERS.has(qualifier.toLowerCase()) || lexicalPos(qualifier) === 'ADJ');
      if (ownName) {
        this.add(s, from, to);
        return to;
      }
      const form = s.words[to - 1].text;
      this.found.push({
        name: party.name,
        aliases: [form],
        mention: { sentence: s.index, from: to - 1, to, text: form },
      });
      // `Kent and Medway Tories`: a local body of the party, named by its members (`U.S. Senate Republican leader` is a title)
      const members = /s$/.test(form) && !(s.words[to] && isTitleHead(s.words[to].text));
      if (to - from > 2 && members) this.add(s, from, to);
      return to;
    }
    return from;
  }
}

/** Words that make a party of its own with a party noun after them (`Social Democrats`, `Free Democrats`). */
const PARTY_NAME_QUALIFIERS = new Set([
  'social',
  'christian',
  'free',
  'liberal',
  'national',
  'green',
  'new',
  'left',
  'young',
]);

/** Nouns for a party's members, which a party's name only describes (`Republican senators`, `Labour voters`). */
// prettier-ignore
const PARTY_MEMBERS = new Set([
  'senators', 'lawmakers', 'legislators', 'congressmen', 'congresswomen', 'mps', 'meps', 'councillors', 'voters',
  'supporters', 'members', 'candidates', 'activists', 'peers', 'colleagues', 'rebels', 'backbenchers', 'hopefuls',
]);

/**
 * A party named only as a label on a person or a post (`Labour MP`, `Republican senators`, `Murphy,
 * a Democrat`) does not make the party an organization of the article; `Labour leader` does, as the
 * jurisdiction of a party post.
 */
function isPartyLabel(s: Sentence, from: number, to: number, personWords: Set<string>): boolean {
  const next = s.words[to];
  // `the top Democrat on the committee`, `a fellow Republican`: the party's singular noun for one of its people
  let k = from - 1;
  while (k >= 0 && s.words[k].pos === 'ADJ' && holds('lowercase', s.words[k])) k--;
  if (to - from === 1 && !/s$/i.test(s.words[from].text) && holds('determiner', s.words[k] ?? s.words[from]))
    return true;
  // `Murphy, a Democrat, said`: the party's name as a noun for one person
  if (/^(?:a|an)$/i.test(s.words[from - 1]?.text ?? '') && (!next || /^[,.;:)]$/.test(next.text))) return true;
  if (!next) return false;
  if (personWords.has(wordKey(s.index, to))) return true;
  if (isPartyPost(next.text)) return false;
  if (isTitleHead(next.text)) return true;
  return /^\p{Ll}/u.test(next.text) && (isOccupation(next.text) || PARTY_MEMBERS.has(next.lower));
}

function merge(found: Found[]): OrganizationEntity[] {
  const entities: OrganizationEntity[] = [];
  const byKey = new Map<string, OrganizationEntity>();
  // `Norlex Inc` and `Norlex`, `Harbour Bank Plc` and `Harbour Bank`: a company with and without its legal form
  const keysOf = (name: string) => [nameKey(name), bodyKey(name), nameKey(withoutLegalForm(name))];
  const register = (entity: OrganizationEntity, name: string) => {
    for (const k of keysOf(name)) if (!byKey.has(k)) byKey.set(k, entity);
  };
  for (const f of found) {
    const forms = [f.name, ...f.aliases];
    let entity = forms
      .flatMap(keysOf)
      .map((k) => byKey.get(k))
      .find((e) => e);
    if (!entity) {
      entity = { name: f.name, aliases: [], mentions: [] };
      entities.push(entity);
    }
    for (const form of forms) {
      if (nameKey(form) !== nameKey(entity.name) && !entity.aliases.some((a) => nameKey(a) === nameKey(form)))
        entity.aliases.push(form);
      register(entity, form);
    }
    entity.mentions.push(f.mention);
  }
  // an acronym used alone joins the body whose capitalised initials spell it (`UN`, `United Nations`)
  for (const acronym of entities.filter((e) => ACRONYM.test(e.name))) {
    const expansions = entities.filter(
      (e) => e !== acronym && !ACRONYM.test(e.name) && initials(e.name.replace(/^The /, '')) === acronym.name,
    );
    if (expansions.length !== 1) continue;
    const target = expansions[0];
    target.aliases.push(acronym.name, ...acronym.aliases.filter((a) => nameKey(a) !== nameKey(target.name)));
    target.mentions.push(...acronym.mentions);
    entities.splice(entities.indexOf(acronym), 1);
  }
  // `NTV News`, `NTV One`: a known acronym body followed by one more word is that body
  for (const e of [...entities]) {
    const [first, ...rest] = e.name.split(' ');
    const base = entities.find(
      (b) => b !== e && (b.name === first || b.aliases.includes(first)) && ACRONYM.test(first),
    );
    if (base && rest.length === 1) {
      base.aliases.push(e.name, ...e.aliases);
      base.mentions.push(...e.mentions);
      entities.splice(entities.indexOf(e), 1);
    }
  }
  // `Greenfield` after `Greenfield Stores`: a name's first words alone, where one body is named with its head word
  for (const e of [...entities]) {
    const longer = entities.filter(
      (b) => b !== e && b.name.startsWith(`${e.name} `) && isOrganizationHead(b.name.split(' ').pop() ?? ''),
    );
    if (longer.length !== 1 || e.name.split(' ').some((w) => isOrganizationHead(w))) continue;
    longer[0].aliases.push(e.name, ...e.aliases);
    longer[0].mentions.push(...e.mentions);
    entities.splice(entities.indexOf(e), 1);
  }
  // `Treasury Select Committee` after `House of Commons Treasury Select Committee`, `Post` after
  // `Washington Post`: the last words of one body's name alone, where no other body ends that way
  for (const e of [...entities]) {
    const words = e.name.split(' ');
    if (partyOf(e.name) || (words.length === 1 && isOrganizationHead(e.name))) continue;
    const longer = entities.filter((b) => b !== e && b.name.endsWith(` ${e.name}`) && !partyOf(b.name));
    if (longer.length !== 1) continue;
    longer[0].aliases.push(e.name, ...e.aliases);
    longer[0].mentions.push(...e.mentions);
    entities.splice(entities.indexOf(e), 1);
  }
  // names with a leading demonym or country get the bare form as an alias (`Kenyan Ministry of Health`)
  for (const e of entities) {
    const [first, ...rest] = e.name.split(' ');
    if (rest.length >= 2 && countryOf(first)) {
      const bare = rest.join(' ');
      if (!e.aliases.some((a) => nameKey(a) === nameKey(bare))) e.aliases.push(bare);
    }
  }
  return entities;
}

/** Further mentions of known bodies anywhere in the article (`Vantora` after `a spokesman for Vantora`). */
function addRepeatedMentions(entities: OrganizationEntity[], sentences: Sentence[], personWords: Set<string>) {
  const byFirstWord = new Map<string, Array<{ e: OrganizationEntity; words: string[] }>>();
  for (const e of entities) {
    for (const form of [e.name, ...e.aliases]) {
      const words = form.split(' ');
      byFirstWord.set(words[0], [...(byFirstWord.get(words[0]) ?? []), { e, words }]);
    }
  }
  for (const s of sentences) {
    for (let i = 0; i < s.words.length; i++) {
      const forms = byFirstWord.get(s.words[i].text);
      if (!forms || personWords.has(wordKey(s.index, i))) continue;
      for (const { e, words } of forms) {
        if (i + words.length > s.words.length) continue;
        if (!words.every((w, k) => s.words[i + k].text === w)) continue;
        if (e.mentions.some((m) => m.sentence === s.index && m.from <= i && i < m.to)) continue;
        e.mentions.push({ sentence: s.index, from: i, to: i + words.length, text: words.join(' ') });
      }
    }
  }
  for (const e of entities) e.mentions.sort((a, b) => a.sentence - b.sentence || a.from - b.from);
}

const LOCATIVE = new Set(['in', 'to', 'across', 'visited', 'visit', 'on', 'into', 'inside', 'near']);

function locativeNames(sentences: Sentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    for (const chunk of chunksOf(s, false)) {
      const previous = s.words[chunk.from - 1];
      if (previous && LOCATIVE.has(previous.lower)) out.add(nameKey(chunk.text));
    }
  }
  return out;
}

export function recognizeOrganizations(sentences: Sentence[], people: PeopleAnalysis): OrganizationEntity[] {
  const personWords = new Set<string>();
  for (const m of [...people.people.flatMap((p) => p.mentions), ...people.ambiguous]) {
    for (let k = m.from; k < m.to; k++) personWords.add(wordKey(m.sentence, k));
  }
  const collector = new OrganizationCollector(
    personWords,
    nonBodyAcronyms(sentences),
    locativeNames(sentences),
    definedAcronyms(sentences),
  );
  for (const s of sentences) collector.scan(s);
  const entities = merge(collector.found);
  addRepeatedMentions(entities, sentences, personWords);
  return entities.filter((e) => !onlyPartOfTitles(e, sentences) && !onlyAPlatform(e, sentences));
}

/** Chambers and courts whose names stand in titles (`U.S. Senate Majority Leader`, `House Speaker`). */
const CHAMBER_HEADS = /^(?:senate|house|congress|parliament|assembly|court|representatives|commons|lords)$/i;
/** What may follow a chamber's name in a title or a description of someone (`Senate candidate`, `House seat`). */
const DESCRIBED_BY = /^(?:candidate|candidates|seat|seats|race|election|elections|nominee|hopeful|member|members)$/i;

/**
 * A chamber the article names only inside people's titles and descriptions is part of those titles,
 * not a body the article speaks of (`Republican U.S. Senate candidate Roy Moore`).
 */
function onlyPartOfTitles(e: OrganizationEntity, sentences: Sentence[]): boolean {
  if (!CHAMBER_HEADS.test(e.name.split(' ').pop() ?? '')) return false;
  return e.mentions.every((m) => {
    const next = sentences[m.sentence].words[m.to];
    return (
      !!next &&
      (isTitleHead(next.text) ||
        isTitleQualifier(next.text) ||
        isOccupation(next.text) ||
        DESCRIBED_BY.test(next.text) ||
        !!partyOf(next.text))
    );
  });
}

/** `said on Twitter`: a platform someone writes on, named only as that. */
function onlyAPlatform(e: OrganizationEntity, sentences: Sentence[]): boolean {
  return e.mentions.every((m) => /^(?:on|via)$/i.test(sentences[m.sentence].words[m.from - 1]?.text ?? ''));
}
