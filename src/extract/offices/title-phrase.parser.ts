/**
 * Reads the title phrases of a sentence: the title-phrase table run by the engine with the
 * sentence's names as holders, then small named rules that finish each phrase: a portfolio taken
 * back from the jurisdiction (`Malaysian Primary Industries Minister`), a party label taken out of
 * it (`Senate Republican leader`, `Labour MP`), `Regional` titles, `its`/`whose` jurisdictions, and
 * former posts (`former`, `ex-`, `then-`, `X, who was ...`).
 */
import type { Sentence, Word } from '../text/sentence.splitter';
import type { WordRange } from '../engine/token-pattern.type';
import { matchAllAt, type MatchTarget } from '../engine/token-pattern.matcher';
import { holds, isCapitalised, isPossessive, lower, textOf } from '../engine/word.predicates';
import { isPlaceOrThingWord, partyOf } from '../lexicon/entity-word.lexicon';
import { countryOf } from '../lexicon/place.lexicon';
import { isPortfolioHead } from '../lexicon/title.lexicon';
import { TITLE_PATTERNS } from './title-phrase.rules';

export interface TitlePhrase {
  /** The position as written, jurisdiction removed (`Minister of Health`, `chairman`). */
  title: string;
  /** The words naming the jurisdiction as written (`Kenya`, `Kenyan`, `Farmers Democratic Party`), or null. */
  jurisdiction: string | null;
  /** Where those words are in the sentence, when the phrase writes them out. */
  jurisdictionSpan: WordRange | null;
  /** A party label among the jurisdiction words (`Republican` in `Republican Senator`): the holder's party, not the post's. */
  party: string | null;
  /** The title said `Regional ...`: its jurisdiction is the region the article is about. */
  regional: boolean;
  former: boolean;
  /** Index of the first word of the phrase (jurisdiction included) in the sentence. */
  from: number;
  to: number;
  /** The title-phrase rule that read it. */
  rule: string;
}

/** The jurisdiction written as `its`/`whose`: the body the text spoke of just before, which the office extractor looks up. */
export const BODY_PRONOUN = 'its';
/** Bodies that hold posts themselves, so they are no portfolio (`Labour Party Minister`); `Water Resources` is one. */
// prettier-ignore
const GOVERNING_BODIES = new Set([
  'party', 'union', 'government', 'ministry', 'council', 'assembly', 'commission', 'authority', 'parliament',
  'congress', 'senate', 'bank',
]);
/** `then-President`, `ex-minister`: a former marker joined to the title word. */
const JOINED_FORMER = /^(?:ex|then|former)-/i;

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
    const plain = (w: Word) =>
      isCapitalised(w) &&
      !countryOf(w.text) &&
      !GOVERNING_BODIES.has(lower(w)) &&
      !isPlaceOrThingWord(w.text) &&
      !isPossessive(w);
    return s.words.slice(rest, headAt).every(plain) ? rest : -1;
  }
  return -1;
}

/** `Democratic` in `House Democratic Leader`, `Tory` in `Tory leader`: a party's own adjective or name. */
function isPartyLabel(word: string): boolean {
  return !!partyOf(word) || !!partyOf(`${word} Party`);
}

interface Draft {
  rule: string;
  past: boolean;
  holder: WordRange;
  title: WordRange;
  jurisdiction: WordRange | null;
  former: boolean;
  from: number;
  to: number;
}

/** `Deputy Prime Minister`, `Iraqi Deputy Minister`: qualifiers right before the title's head belong to the title. */
function giveQualifiersToTitle(s: Sentence, d: Draft): void {
  if (!d.jurisdiction || d.jurisdiction.to !== d.title.from) return;
  const { from } = d.jurisdiction;
  let { to } = d.jurisdiction;
  while (to > from && holds('titleQualifier', s.words[to - 1])) to--;
  if (to === d.jurisdiction.to) return;
  d.title = { from: to, to: d.title.to };
  d.jurisdiction = to > from ? { from, to } : null;
}

/** `Malaysian Primary Industries Minister`: the capitalised words after the country belong to the title. */
function takeBackPortfolio(s: Sentence, d: Draft): void {
  if (!d.jurisdiction || d.jurisdiction.to !== d.title.from) return;
  const start = portfolioStart(s, d.jurisdiction.from, d.title.to - 1);
  if (start < 0) return;
  d.title = { from: start, to: d.title.to };
  d.jurisdiction = start === d.jurisdiction.from ? null : { from: d.jurisdiction.from, to: start };
}

/**
 * `Senate Republican`, `Tory`, `Welsh Liberal Democrat`: a party named at either end of the jurisdiction
 * (its longest form first) is the holder's party; what is left is the jurisdiction.
 */
function takeOutParty(s: Sentence, d: Draft): string | null {
  if (!d.jurisdiction) return null;
  const { from, to } = d.jurisdiction;
  const whole = textOf(s, from, to);
  if (partyOf(whole)) {
    d.jurisdiction = null;
    return whole;
  }
  // a label, not a party's whole name: `Christian Democratic Party secretary` keeps its party
  for (let width = Math.min(3, to - from - 1); width >= 1; width--) {
    if (holds('organizationHead', s.words[to - 1]) && width < to - from) break;
    const end = textOf(s, to - width, to);
    if (isPartyLabel(end)) {
      d.jurisdiction = { from, to: to - width };
      return end;
    }
    const start = textOf(s, from, from + width);
    if (isPartyLabel(start)) {
      d.jurisdiction = { from: from + width, to };
      return start;
    }
  }
  return null;
}

function isFormer(s: Sentence, d: Draft): boolean {
  if (d.former || d.past) return true;
  // `ex-Conservative chancellor`, `then-Republican Senator`: the marker joined to the word before the title
  const phrase = s.words.slice(Math.max(0, (d.jurisdiction?.from ?? d.title.from) - 1), d.title.to);
  if (phrase.some((w) => JOINED_FORMER.test(w.text))) return true;
  // `former Prime Minister Peter Hale`, `the former Norlex chairman`: a marker right before the phrase
  for (let k = d.from - 1; k >= Math.max(0, d.from - 2); k--) {
    if (holds('formerMarker', s.words[k])) return true;
    if (!holds('determiner', s.words[k])) break;
  }
  return false;
}

function finish(s: Sentence, d: Draft): TitlePhrase {
  giveQualifiersToTitle(s, d);
  takeBackPortfolio(s, d);
  const party = takeOutParty(s, d);
  let titleFrom = d.title.from;
  const regional = lower(s.words[titleFrom]) === 'regional';
  if (regional) titleFrom++;
  const pronoun = /^(?:its|whose)$/.test(lower(s.words[d.from - 1])) || /^(?:its|whose)$/.test(lower(s.words[d.from]));
  return {
    title: textOf(s, titleFrom, d.title.to).replace(JOINED_FORMER, ''),
    jurisdiction: d.jurisdiction ? textOf(s, d.jurisdiction.from, d.jurisdiction.to) : pronoun ? BODY_PRONOUN : null,
    jurisdictionSpan: d.jurisdiction,
    party,
    regional,
    former: isFormer(s, d),
    from: d.from,
    to: d.to,
    rule: d.rule,
  };
}

/** How far before its head a title phrase may start (a determiner, a marker, a jurisdiction of several words). */
const PHRASE_REACH = 10;

/**
 * Where a title phrase can start: at a holder (`X, leader of ...`), or shortly before a title head
 * (`Iraqi Minister of Interior X`). Trying only these keeps reading a sentence cheap.
 */
function phraseStarts(s: Sentence, holders: readonly WordRange[]): number[] {
  const starts = new Set<number>(holders.map((h) => h.from));
  s.words.forEach((w, i) => {
    // a title before a name ends right before the name: no name soon after the head, no such phrase
    if (!holds('titleHead', w) || !holders.some((h) => h.from > i && h.from <= i + PHRASE_REACH)) return;
    for (let k = Math.max(0, i - PHRASE_REACH); k <= i; k++) starts.add(k);
  });
  return [...starts].sort((a, b) => a - b);
}

/** Every title phrase of the sentence whose holder is one of `holders`, by the holder's first word. */
export function titlePhrasesIn(s: Sentence, holders: readonly WordRange[]): Map<number, TitlePhrase[]> {
  const target: MatchTarget = {
    words: s.words,
    mentionEnd: (at) => holders.find((h) => h.from === at)?.to ?? -1,
    inMention: (at) => holders.some((h) => h.from <= at && at < h.to),
  };
  const out = new Map<number, TitlePhrase[]>();
  const startsName = (at: number) =>
    holders.some((h) => h.from === at) || holds('honorific', s.words[at] ?? s.words[0]);
  const matches = matchAllAt(TITLE_PATTERNS, target, phraseStarts(s, holders)).filter(
    (m) =>
      m.groups.holder &&
      m.groups.title &&
      !(TITLE_PATTERNS.find((p) => p.id === m.id)?.notBeforeName && startsName(m.to)),
  );
  // `Prime Minister X` also matches from `Minister`: only the widest reading of a title counts
  const inside = (a: WordRange, b: WordRange) => b.from <= a.from && a.to <= b.to && (b.from < a.from || a.to < b.to);
  const widest = matches.filter(
    (m) =>
      !matches.some((o) => o.groups.holder.from === m.groups.holder.from && inside(m.groups.title, o.groups.title)),
  );
  const seen = new Set<string>();
  for (const match of widest) {
    const { holder, title, former } = match.groups;
    const jurisdiction = match.groups.jurisdiction ?? match.groups.remit;
    const key = `${holder.from}:${title.from}:${title.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pattern = TITLE_PATTERNS.find((p) => p.id === match.id);
    const phraseFrom = Math.min(match.from, jurisdiction?.from ?? match.from);
    const draft: Draft = {
      rule: match.id,
      past: !!pattern?.past,
      holder,
      title,
      jurisdiction: jurisdiction ?? null,
      former: !!former,
      from: holder.from === match.from ? Math.min(title.from, jurisdiction?.from ?? title.from) : phraseFrom,
      to: holder.from === match.from ? match.to : title.to,
    };
    out.set(holder.from, [...(out.get(holder.from) ?? []), finish(s, draft)]);
  }
  return out;
}
