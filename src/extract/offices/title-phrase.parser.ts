/**
 * Reads the position words around a name: before it (`Kenyan Minister of Health Amina
 * Wanjiru`, `Norlex chairman Peter Hale`, `the head of the FTU, Marie Duval`) and
 * after it (`Ilona Kovacs, leader of the Farmers Democratic Party`). It returns the title
 * words, the words that name its jurisdiction, and whether the post is a former one.
 */
import type { Sentence, Word } from '../text/sentence.splitter';
import { acronymInBracketsBefore, isCapitalised } from '../people/proper-noun.chunker';
import {
  isFormerMarker,
  isHonorific,
  isOccupation,
  isPortfolioHead,
  isTitleHead,
  isTitleWord,
} from '../lexicon/title.lexicon';
import { isLowercaseBodyNoun, isOrganizationHead, isPlaceOrThingWord } from '../lexicon/entity-word.lexicon';
import { countryOf } from '../lexicon/place.lexicon';

export interface TitlePhrase {
  /** The position as written, jurisdiction removed (`Minister of Health`, `chairman`). */
  title: string;
  /** The words naming the jurisdiction as written (`Kenya`, `Kenyan`, `Farmers Democratic Party`), or null. */
  jurisdiction: string | null;
  /** The title said `Regional ...`: its jurisdiction is the region the article is about. */
  regional: boolean;
  former: boolean;
  /** Index of the first word of the phrase (jurisdiction included) in the sentence. */
  from: number;
  to: number;
}

export interface PersonCue {
  title: TitlePhrase | null;
  /** An occupation (`economist`), an age (`, 39,`) or similar marks the name as a person. */
  marksPerson: boolean;
}

const COMPLEMENT_LINKS = new Set(['of', 'for', 'to']);
const APPOSITIVE_LINKS = new Set(['of', 'for', 'at', 'with', 'in']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
const POSSESSIVE = /^['’]s?$/;
/** The jurisdiction written as `its`: the body the text spoke of just before, which the office extractor looks up. */
export const BODY_PRONOUN = 'its';
/** Bodies that hold posts themselves, so they are no portfolio (`Labour Party Minister`); `Water Resources` is one. */
const GOVERNING_BODIES = new Set([
  'party',
  'union',
  'government',
  'ministry',
  'council',
  'assembly',
  'commission',
  'authority',
  'parliament',
  'congress',
  'senate',
  'bank',
]);

const lower = (w: Word | undefined) => (w ? w.text.toLowerCase() : '');
/** The words' text with line breaks and runs of spaces collapsed (wire copy wraps names). */
export const textOf = (s: Sentence, from: number, to: number) =>
  s.text.slice(s.words[from].start - s.start, s.words[to - 1].end - s.start).replace(/\s+/g, ' ');

function isJurisdictionWord(w: Word): boolean {
  return (
    isCapitalised(w) &&
    !isTitleHead(w.text) &&
    !isHonorific(w.text) &&
    !isFormerMarker(w.text) &&
    w.pos !== 'VERB' &&
    !/^(?:The|A|An|His|Her|Its|Their|This|That|But|And|In|On|At|After|Before|When|While|As|For|With)$/.test(w.text)
  );
}

/**
 * A capitalised name ending at `end` (exclusive). It joins over `and`/`of` only into a
 * one-word piece and only when the whole ends in a body's head word (`Coal and Steel
 * Corporation`), so `Peter Hale and Brazil's` stays two names.
 */
function nameEndingAt(s: Sentence, end: number): number {
  let from = end;
  while (from - 1 >= 0 && isJurisdictionWord(s.words[from - 1])) from--;
  const link = lower(s.words[from - 1]);
  if ((link === 'and' || link === 'of' || link === '&') && from < end) {
    let left = from - 1;
    while (left - 1 >= 0 && isJurisdictionWord(s.words[left - 1])) left--;
    // `Coal and Steel Corporation`, `Bank of Japan`: the head word may end or open the name
    const headed =
      isOrganizationHead(s.words[end - 1].text) ||
      (link === 'of' && left < from - 1 && isOrganizationHead(s.words[from - 2].text));
    if (headed && from - 1 - left === 1) return left;
  }
  return from;
}

/** A capitalised name starting at `from`, joined over `and`/`of`/`on`, optionally with a trailing lower-case body noun. */
function nameStartingAt(s: Sentence, from: number, withBodyNoun = false): number {
  let to = from;
  while (to < s.words.length) {
    const w = s.words[to];
    if (isCapitalised(w) && !POSSESSIVE.test(w.text)) {
      to++;
      continue;
    }
    const link = lower(w);
    const next = s.words[to + 1];
    if (
      (link === 'and' || link === 'of' || link === '&' || link === 'on') &&
      to > from &&
      next &&
      isCapitalised(next)
    ) {
      to++;
      continue;
    }
    break;
  }
  if (withBodyNoun && to > from && s.words[to] && isLowercaseBodyNoun(s.words[to].text)) to++;
  return to;
}

/**
 * Where the portfolio starts in `Malaysian Fisheries Minister`: words [from, headAt) open with a
 * country and go on with capitalised words that name no body or place, so they belong to the
 * title; or they name only a region (`Europe minister`) and all of them do. Returns -1 when
 * the words are no portfolio.
 */
export function portfolioStart(s: Sentence, from: number, headAt: number): number {
  if (!s.words[headAt] || !isPortfolioHead(s.words[headAt].text) || countryOf(textOf(s, from, headAt))) return -1;
  // `Europe minister`, `Middle East Secretary`: a region is the post's remit, not its state
  if (s.words.slice(from, headAt).every((w) => isPlaceOrThingWord(w.text) && isCapitalised(w))) return from;
  for (const width of [2, 1]) {
    const rest = from + width;
    if (rest >= headAt || !countryOf(textOf(s, from, rest))) continue;
    const portfolio = s.words.slice(rest, headAt);
    const plain = (w: Word) =>
      isCapitalised(w) &&
      !countryOf(w.text) &&
      !GOVERNING_BODIES.has(lower(w)) &&
      !isPlaceOrThingWord(w.text) &&
      !POSSESSIVE.test(w.text);
    return portfolio.every(plain) ? rest : -1;
  }
  return -1;
}

function formerBefore(s: Sentence, at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 2); k--) {
    if (isFormerMarker(s.words[k].text)) return true;
    if (!DETERMINERS.has(lower(s.words[k]))) break;
  }
  return false;
}

/** Title words ending right before `end`: qualifiers, heads and `of`/`for` complements. */
function titleWordsBefore(s: Sentence, end: number): number {
  let from = end;
  let k = end - 1;
  // `Special Envoy to the Horn of Africa Ilona Kovacs`: a capitalised complement after of/for/to
  let c = k;
  while (c >= 0 && c > k - 4 && isCapitalised(s.words[c]) && !isTitleWord(s.words[c].text)) c--;
  if (c < k) {
    let link = c;
    if (lower(s.words[link]) === 'the') link--;
    if (link >= 1 && COMPLEMENT_LINKS.has(lower(s.words[link])) && isTitleHead(s.words[link - 1].text)) {
      from = link;
      k = link - 1;
    }
  }
  while (k >= 0) {
    const w = s.words[k];
    if ((isTitleWord(w.text) && !/^\p{Lu}{2,}$/u.test(w.text.replace(/\./g, ''))) || /^(?:PM|MP)$/.test(w.text)) {
      from = k;
      k--;
      continue;
    }
    const link = lower(w);
    if (
      (link === 'of' || link === 'for' || link === 'and' || link === 'the') &&
      from < end &&
      k - 1 >= 0 &&
      (isTitleWord(s.words[k - 1].text) || COMPLEMENT_LINKS.has(lower(s.words[k - 1])))
    ) {
      k--;
      continue;
    }
    break;
  }
  while (from < end && !isTitleWord(s.words[from].text)) from++;
  return from;
}

function hasHead(s: Sentence, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isTitleHead(s.words[k].text)) return true;
  return false;
}

function buildBefore(s: Sentence, titleFrom: number, titleTo: number): TitlePhrase {
  let from = titleFrom;
  let jurisdiction: string | null = null;
  const prev = s.words[titleFrom - 1];
  if (prev && /^its$/i.test(prev.text)) {
    jurisdiction = BODY_PRONOUN;
  } else if (prev && /^whose$/i.test(prev.text) && s.words[titleFrom - 2]?.text === ',') {
    // `Norlex, whose chairman Peter Hale ...`
    const start = nameEndingAt(s, titleFrom - 2);
    if (start < titleFrom - 2) jurisdiction = textOf(s, start, titleFrom - 2);
  } else if (prev && POSSESSIVE.test(prev.text) && titleFrom - 2 >= 0) {
    const start = nameEndingAt(s, titleFrom - 1);
    if (start < titleFrom - 1) {
      jurisdiction = textOf(s, start, titleFrom - 1);
      from = start;
    }
  } else if (prev && isJurisdictionWord(prev)) {
    const start = nameEndingAt(s, titleFrom);
    const portfolio = portfolioStart(s, start, titleTo - 1);
    jurisdiction = portfolio === start ? null : textOf(s, start, portfolio >= 0 ? portfolio : titleFrom);
    // `Farmers Union (FU) Council President`: the council is named with the acronym
    const acronym = acronymInBracketsBefore(s, start);
    if (acronym && jurisdiction) jurisdiction = `${acronym} ${jurisdiction}`;
    from = start;
    if (portfolio >= 0) titleFrom = portfolio;
  } else if (prev && isOrganizationHead(prev.text) && !isCapitalised(prev)) {
    // `central bank president`: a lower-case body before the title
    const adj = s.words[titleFrom - 2];
    const start = adj && adj.pos === 'ADJ' ? titleFrom - 2 : titleFrom - 1;
    jurisdiction = textOf(s, start, titleFrom);
    from = start;
  }
  let titleStart = titleFrom;
  const regional = /^regional$/i.test(s.words[titleFrom].text);
  if (regional) titleStart++;
  return {
    title: textOf(s, titleStart, titleTo),
    jurisdiction,
    regional,
    former: formerBefore(s, from) || formerBefore(s, titleFrom),
    from,
    to: titleTo,
  };
}

/** The title written right before a name starting at `nameFrom`, if any. */
export function titleBefore(s: Sentence, nameFrom: number): TitlePhrase | null {
  let end = nameFrom;
  while (end > 0 && isHonorific(s.words[end - 1].text)) end--;
  const titleFrom = titleWordsBefore(s, end);
  if (titleFrom < end && hasHead(s, titleFrom, end)) return buildBefore(s, titleFrom, end);
  return commaTitleBefore(s, nameFrom);
}

/** `the head of the socialist FTU union federation, Marie Duval` and `Canada's PM, Peter Hale`. */
function commaTitleBefore(s: Sentence, nameFrom: number): TitlePhrase | null {
  if (lower(s.words[nameFrom - 1]) !== ',') return null;
  const comma = nameFrom - 1;
  for (let h = comma - 1; h >= Math.max(0, comma - 10); h--) {
    const w = s.words[h];
    if (w.text === ',' || w.pos === 'VERB' || w.pos === 'AUX') return null;
    if (!isTitleHead(w.text)) continue;
    const titleFrom = titleWordsBefore(s, h + 1);
    const before = s.words[titleFrom - 1];
    if (before && before.pos === 'VERB') return null;
    const phrase = buildBefore(s, titleFrom, h + 1);
    if (h + 1 < comma) {
      if (!APPOSITIVE_LINKS.has(lower(s.words[h + 1]))) return null;
      // `the UN envoy for Chad, ...`: the body before the title outranks the place it serves
      phrase.jurisdiction ??= jurisdictionAfterLink(s, h + 2, comma);
    }
    return phrase;
  }
  return null;
}

/** The body named after `of`/`for`/`at`: skips `the` and lower-case adjectives (`of the moderate Amberline`). */
function jurisdictionAfterLink(s: Sentence, from: number, limit: number): string | null {
  let k = from;
  while (k < limit && k < from + 4 && !isCapitalised(s.words[k])) {
    if (/^[,;:(]$/.test(s.words[k].text)) return null;
    k++;
  }
  if (k >= limit || !isCapitalised(s.words[k])) return null;
  const to = Math.min(nameStartingAt(s, k), limit);
  if (to <= k) return null;
  if (s.words[to] && POSSESSIVE.test(s.words[to].text)) return textOf(s, k, to);
  return textOf(s, k, to);
}

/** What follows a name ending at `nameTo`: `, leader of the FDP`, `, Kenya's Minister of Health`, `, 47,`. */
export function cueAfter(s: Sentence, nameTo: number): PersonCue {
  let k = nameTo;
  if (s.words[k]?.text === '(') {
    const close = s.words.findIndex((w, i) => i > k && i <= k + 4 && w.text === ')');
    if (close > 0) k = close + 1;
  }
  if (s.words[k]?.text !== ',') return { title: null, marksPerson: false };
  k++;
  if (s.words[k] && /^\d{1,3}$/.test(s.words[k].text) && /^[,)]?$/.test(s.words[k + 1]?.text ?? ''))
    return { title: null, marksPerson: true };
  const start = k;
  let jurisdiction: string | null = lower(s.words[k]) === 'its' ? BODY_PRONOUN : null;
  if (DETERMINERS.has(lower(s.words[k]))) k++;
  let jurisdictionFrom = k;
  // `Kenya's Minister of Health`
  const possessiveEnd = nameStartingAt(s, k);
  if (possessiveEnd > k && s.words[possessiveEnd] && POSSESSIVE.test(s.words[possessiveEnd].text)) {
    jurisdiction = textOf(s, k, possessiveEnd);
    jurisdictionFrom = k;
    k = possessiveEnd + 1;
  }
  // adverbs and adjectives before the title: `a long-serving party leader`
  let skipped = 0;
  while (
    s.words[k] &&
    !isTitleWord(s.words[k].text) &&
    !isOccupation(s.words[k].text) &&
    skipped < 4 &&
    /^\p{Ll}/u.test(s.words[k].text) &&
    !APPOSITIVE_LINKS.has(lower(s.words[k])) &&
    s.words[k].pos !== 'ADP'
  ) {
    k++;
    skipped++;
  }
  if (!jurisdiction && s.words[k] && isJurisdictionWord(s.words[k]) && !isTitleWord(s.words[k].text)) {
    const end = nameStartingAt(s, k);
    if (s.words[end] && isTitleWord(s.words[end].text)) {
      jurisdiction = textOf(s, k, end);
      jurisdictionFrom = k;
      k = end;
    }
  }
  // `the Qatari foreign ministry spokesman`: a lower-case body before the title is its jurisdiction
  if (!isCapitalised(s.words[k] ?? s.words[0])) {
    let body = k;
    while (s.words[body] && /^\p{Ll}/u.test(s.words[body].text) && !isTitleHead(s.words[body].text) && body < k + 3)
      body++;
    if (body > k && isOrganizationHead(s.words[body - 1].text) && s.words[body] && isTitleHead(s.words[body].text)) {
      if (!jurisdiction) {
        jurisdiction = textOf(s, k, body);
        jurisdictionFrom = k;
      }
      k = body;
    }
  }
  let titleTo = k;
  while (
    s.words[titleTo] &&
    (isTitleWord(s.words[titleTo].text) ||
      (titleTo > k &&
        ['of', 'for', 'and', 'the'].includes(lower(s.words[titleTo])) &&
        s.words[titleTo + 1] &&
        (isTitleWord(s.words[titleTo + 1].text) || lower(s.words[titleTo + 1]) === 'the')))
  )
    titleTo++;
  while (titleTo > k && !isTitleWord(s.words[titleTo - 1].text)) titleTo--;
  // `Ilona Kovacs, Central Bank governor Peter Hale`: the title belongs to the next name
  const titleOfNextName =
    !!s.words[titleTo] && isCapitalised(s.words[titleTo]) && !POSSESSIVE.test(s.words[titleTo].text);
  if (titleTo === k || !hasHead(s, k, titleTo) || titleOfNextName) {
    const marks = s.words.slice(start, start + 7).some((w) => isOccupation(w.text) || isTitleHead(w.text));
    return { title: null, marksPerson: marks };
  }
  if (!jurisdiction && APPOSITIVE_LINKS.has(lower(s.words[titleTo])) && lower(s.words[titleTo]) !== 'with') {
    let limit = s.words.length;
    for (let q = titleTo + 1; q < s.words.length; q++)
      if (/^[,;:]$/.test(s.words[q].text) || s.words[q].pos === 'VERB') {
        limit = q;
        break;
      }
    jurisdiction = jurisdictionAfterLink(s, titleTo + 1, limit);
  }
  const regional = /^regional$/i.test(s.words[k].text);
  return {
    title: {
      title: textOf(s, regional ? k + 1 : k, titleTo),
      jurisdiction,
      regional,
      former:
        formerBefore(s, jurisdictionFrom) ||
        formerBefore(s, k) ||
        s.words.slice(start, k).some((w) => isFormerMarker(w.text)),
      from: start,
      to: titleTo,
    },
    marksPerson: true,
  };
}
