/**
 * Finds the people an article names. Each capitalised run loses the words at its edges that are
 * no part of a name (name-edge rules), then the cues around it (name-cue rules) and its own shape
 * decide: a person when a strong cue says so, when it reads as a name (a known first name, words
 * that are no English words, a name particle) and nothing says otherwise, or when its surname is
 * used alone elsewhere. Surnames, first names and particle tails are then resolved to the full
 * names they abbreviate; an ambiguous surname stays unresolved for coreference to settle.
 */
import type { Sentence } from '../text/sentence.splitter';
import { chunksOf, type Chunk } from './proper-noun.chunker';
import { titlePhrasesIn, type TitlePhrase } from '../offices/title-phrase.parser';
import { isCapitalised, isHyphenatedModifier, isNameParticle, lower, textOf } from '../engine/word.predicates';
import { matchAllAt, type MatchTarget } from '../engine/token-pattern.matcher';
import { isHonorific, isTitleWord, titleHeadOf } from '../lexicon/title.lexicon';
import {
  isCalendarWord,
  isKnownBody,
  isLowercaseBodyNoun,
  isOrganizationHead,
  isPlaceOrThingWord,
  partyOf,
} from '../lexicon/entity-word.lexicon';
import { isKnownFirstName } from '../lexicon/first-name.lexicon';
import { isEnglishWord, lexicalPos } from '../lexicon/english-word.lexicon';
import { countryOf, isCity, isDemonym, opensPlaceName } from '../lexicon/place.lexicon';
import { nameKey } from '../lexicon/name.normalizer';
import { NAME_PREFIX_RULES, NAME_SUFFIX_RULES } from './name-edge.rules';
import { NAME_CUES, type NameCue } from './name-cue.rules';

export interface PersonMention {
  sentence: number;
  /** Word range of the name itself (titles and honorifics excluded). */
  from: number;
  to: number;
  text: string;
  titles: TitlePhrase[];
  /** A party label written right before the name (`Republican Ronald Reagan`), or null. */
  party: string | null;
}

export interface PersonEntity {
  name: string;
  aliases: string[];
  mentions: PersonMention[];
}

/** A surname shared by several people (`Okafor`), left for coreference to settle. */
export interface AmbiguousMention extends PersonMention {
  candidates: PersonEntity[];
}

export interface PeopleAnalysis {
  people: PersonEntity[];
  ambiguous: AmbiguousMention[];
}

interface Candidate extends PersonMention {
  words: string[];
  /** Words before it (a title, an honorific, an occupation, a party) mark it as a person. */
  cue: boolean;
  honorific: boolean;
  /** `Mr`/`Ms` go with surnames, so `Mr Dennis` is never a first name (unlike `Sir Dennis`). */
  plainHonorific: boolean;
  /** The name is a capitalised run of its own, not the tail of a longer one (`Fishing Nations League`). */
  standsAlone: boolean;
  cues: NameCue[];
}

const MAX_NAME_WORDS = 5;
/** A long article may name many people; past this many, a page of capitalised words is no list of people. */
export const MAX_PEOPLE_PER_ARTICLE = 400;
/** Regnal and generational numbers belong to the name (`Leo XIV`). */
const REGNAL = /^(?:[IVX]{1,5}|Jr\.?|Sr\.?)$/;

const strippedParticle = (word: string) => word.replace(/^(?:al|el)-/i, '');
const surnameKey = (words: readonly string[]) => nameKey(strippedParticle(words[words.length - 1]));

function isNameWord(word: string, index: number, words: readonly string[]): boolean {
  if (index > 0 && REGNAL.test(word)) return true;
  // `Peter King`, `John Major`: a title word after a first name is a surname; `Bill Northey`: a first name
  const afterFirstName = index > 0 && index === words.length - 1 && isKnownFirstName(words[index - 1]);
  if (afterFirstName && (isTitleWord(word) || isHonorific(word))) return true;
  if (index === 0 && words.length > 1 && isKnownFirstName(word) && isPlaceOrThingWord(word)) return true;
  if (isCalendarWord(word) || isOrganizationHead(word) || isPlaceOrThingWord(word)) return false;
  if (/\d/.test(word) || /^\p{Lu}{2,}$/u.test(word.replace(/[.&-]/g, ''))) return false;
  // `Russian-occupied`, `Army-backed`: hyphenated parts of a name are capitalised
  if (isHyphenatedModifier(word)) return false;
  return !isTitleWord(word) && !isHonorific(word) && !partyOf(word);
}

/** The end of a place of two or three words starting at word `at` (`New York`, `New Zealander`), or -1. */
function placeEndAt(s: Sentence, at: number, to: number): number {
  for (let end = Math.min(to, at + 3); end >= at + 2; end--) {
    const text = textOf(s, at, end);
    if (isCity(text) || countryOf(text)) return end;
  }
  return -1;
}

/** The run without the words at its edges that are no part of a name, and whether they mark a person. */
function trimmed(s: Sentence, chunk: Chunk) {
  let { from, to } = chunk;
  let cue = false;
  let postNominal: TitlePhrase | null = null;
  const suffix = to - from >= 2 ? NAME_SUFFIX_RULES.find((r) => r.test(s.words[to - 1], true)) : undefined;
  if (suffix) {
    cue = suffix.cue;
    if (suffix.id === 'post-nominal')
      postNominal = {
        title: s.words[to - 1].text,
        jurisdiction: null,
        jurisdictionSpan: null,
        party: null,
        regional: false,
        former: false,
        from: to - 1,
        to,
        rule: 'post-nominal',
      };
    to--;
  }
  let honorific = false;
  let party: string | null = null;
  for (let k = chunk.from; k < to; k++) {
    // `New Zealander Graham Henry`, `the New York Knicks`: a place of several words is one edge
    const placeEnd = opensPlaceName(s.words[k].text) ? placeEndAt(s, k, to) : -1;
    if (placeEnd > 0) {
      [from, cue, honorific] = [placeEnd, false, false];
      k = placeEnd - 1;
      continue;
    }
    const last = k === to - 1;
    const rule = NAME_PREFIX_RULES.find((r) => r.test(s.words[k], last));
    if (!rule) continue;
    // `Representative Peter King`, `John Major's`: after a first name, a title word is the surname,
    // unless a complement follows it (`Saint Lucian Minister of Interior`)
    const complement = /^(?:of|for|to)$/.test(lower(s.words[to]));
    if (last && k > from && isKnownFirstName(s.words[k - 1].text) && !complement) continue;
    // `Like Peter Hale`: sentence words only open a run (`Lula da Silva` keeps its `da`)
    if (rule.leadingOnly && k !== from) continue;
    from = k + 1;
    cue = rule.cue;
    honorific = rule.id === 'honorific';
    if (rule.id === 'party') party = s.words[k].text;
  }
  return { from, to, cue, honorific, postNominal, party };
}

function candidatesIn(s: Sentence): Candidate[] {
  const out: Candidate[] = [];
  for (const chunk of chunksOf(s, false)) {
    const { from, to, cue, honorific, postNominal, party } = trimmed(s, chunk);
    if (from >= to) continue;
    // `Northern Shield forces`, `Bread and Freedom party`: the run names a body
    if (s.words[to] && isLowercaseBodyNoun(s.words[to].text)) continue;
    const words = s.words.slice(from, to).map((w) => w.text);
    if (!words.every(isNameWord) || words.length > MAX_NAME_WORDS || partyOf(words.join(' '))) continue;
    const ofLink = (k: number, next: number) =>
      lower(s.words[k]) === 'of' && !!s.words[next] && isCapitalised(s.words[next]);
    const standsAlone = from === chunk.from && to === chunk.to && !ofLink(from - 1, from - 2) && !ofLink(to, to + 1);
    const plainHonorific = honorific && /^(?:mr|mrs|ms|miss|dr)\.?$/i.test(s.words[from - 1]?.text ?? '');
    const titles = postNominal ? [postNominal] : [];
    out.push({
      sentence: s.index,
      from,
      to,
      text: textOf(s, from, to),
      titles,
      party,
      words,
      cue,
      honorific,
      standsAlone,
      plainHonorific,
      cues: [],
    });
  }
  attachTitles(s, out);
  return out;
}

/**
 * The title phrases around each candidate. Any title marks a run of two words or more as a person;
 * a single word only after an honorific or a capitalised title right before it (`Mr Oduya`, `President Okafor`).
 */
function attachTitles(s: Sentence, candidates: Candidate[]) {
  const phrases = titlePhrasesIn(s, candidates);
  for (const c of candidates) {
    const titles = phrases.get(c.from) ?? [];
    c.titles.unshift(...titles);
    const titledRightBefore = titles.some((t) => t.to === c.from && isCapitalised(s.words[t.to - 1]));
    c.cue = c.words.length === 1 ? c.honorific || titledRightBefore : c.cue || c.titles.length > 0;
  }
}

/** Runs the cue table over a sentence, with its candidates as the `name` mentions. */
function attachCues(s: Sentence, candidates: Candidate[]) {
  const target: MatchTarget = {
    words: s.words,
    mentionEnd: (at, kinds) => (kinds.includes('name') ? (candidates.find((c) => c.from === at)?.to ?? -1) : -1),
    inMention: (at, kinds) => kinds.includes('name') && candidates.some((c) => c.from <= at && at < c.to),
  };
  // every cue starts within a few words before the name, or at it
  const starts = new Set(candidates.flatMap((c) => [c.from - 3, c.from - 2, c.from - 1, c.from]));
  for (const match of matchAllAt(
    NAME_CUES,
    target,
    [...starts].sort((a, b) => a - b),
  )) {
    const candidate = candidates.find((c) => c.from === match.groups.name?.from);
    const cue = NAME_CUES.find((c) => c.id === match.id);
    if (candidate && cue) candidate.cues.push(cue);
  }
}

/** Every cue any mention of the same name got in the article: `Merrill Lynch economist` once tells of every `Merrill Lynch`. */
function cuesByName(candidates: readonly Candidate[]): Map<string, NameCue[]> {
  const out = new Map<string, NameCue[]>();
  for (const c of candidates) {
    const key = nameKey(c.text);
    out.set(key, [...(out.get(key) ?? []), ...c.cues]);
  }
  return out;
}

/** Names the article puts after `at`, `of`, `from`, `for` or `in` (`analysts at Norlex Vantora`): places or bodies, whatever verb they take elsewhere. */
function namesAfterPrepositions(sentences: Sentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences)
    for (const chunk of chunksOf(s, false))
      if (/^(?:at|of|from|for|in)$/i.test(s.words[chunk.from - 1]?.text ?? '')) out.add(nameKey(chunk.text));
  return out;
}

/** Parts of speech of English words that never stand inside a name (`Glad All Over`). */
const FUNCTION_POS = new Set(['ADP', 'ADV', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART']);

/** A word of the run that only function words are (`All`, `Over`), name particles aside. */
function hasFunctionWord(c: Candidate): boolean {
  return c.words.some(
    (w, i) =>
      i > 0 &&
      !/^(?:al|el|bin|ibn|de|di|da|van|von|der|du|la|le)(?:-|$)/i.test(w) &&
      isEnglishWord(w) &&
      FUNCTION_POS.has(lexicalPos(w)),
  );
}

/** Some word is no English word (`Ilona Kovacs`, `Pep Guardiola`, `Hossein Salami`), and none names a place. */
function looksLikeAName(c: Candidate): boolean {
  const foreign = c.words.some((w) => !isEnglishWord(w.replace(/^(?:al|el)-/i, '')));
  return foreign && !c.words.some((w) => countryOf(w) || isCity(w));
}

type Verdict = 'yes' | 'maybe' | 'no';

function verdictOf(c: Candidate, s: Sentence, articleCues: readonly NameCue[], placesOrBodies: Set<string>): Verdict {
  const { words } = c;
  if (words.length < 2) return 'no';
  // a nationality or country of several words (`Costa Rican`, `Saint Lucian`) before a title is no name
  if (isDemonym(c.text) || countryOf(c.text) || isKnownBody(c.text)) return 'no';
  const strongPerson = c.cue || articleCues.some((x) => x.verdict === 'person' && x.strength === 'strong');
  const strongOther = articleCues.some((x) => x.verdict === 'not-person' && x.strength === 'strong');
  if (strongOther && !strongPerson) return 'no';
  if (isNameParticle(s.words[c.from])) return strongPerson ? 'yes' : 'no';
  const first = words[0];
  const placeLike = isCity(words.join(' ')) || words.some((w) => countryOf(w) || (isCity(w) && !isKnownFirstName(w)));
  if (placeLike && !strongPerson && !isKnownFirstName(first)) return 'no';
  const previous = s.words[c.from - 1];
  if (previous && /^(?:the|a|an)$/i.test(previous.text) && !strongPerson) return 'no';
  if (strongPerson) return 'yes';
  if (hasFunctionWord(c)) return 'no';
  const weakOther = articleCues.some((x) => x.verdict === 'not-person');
  const elsewhereABody = placesOrBodies.has(nameKey(c.text));
  if (weakOther && elsewhereABody) return 'no';
  if (isKnownFirstName(first) || looksLikeAName(c)) return weakOther ? 'maybe' : 'yes';
  if (words.some((w, i) => i > 0 && /^(?:al|el|bin|ibn|de|di|da|van|von)(?:-|$)/i.test(w))) return 'yes';
  // `at newly-listed Harbour Vantora`: people are not where a business is
  if (previous && (/-\p{Ll}/u.test(previous.text) || /^(?:at|by)$/i.test(previous.text))) return 'no';
  const weakPerson = c.cues.some((x) => x.verdict === 'person');
  if (weakPerson && c.standsAlone && !elsewhereABody && !weakOther) return 'yes';
  return 'maybe';
}

function addAlias(entity: PersonEntity, alias: string) {
  if (nameKey(alias) !== nameKey(entity.name) && !entity.aliases.some((a) => nameKey(a) === nameKey(alias)))
    entity.aliases.push(alias);
}

/** The people known so far, found by the last words of their names, so that a surname is looked up, not searched for. */
class PeopleIndex {
  readonly people: PersonEntity[] = [];
  private readonly byKey = new Map<string, PersonEntity>();
  private readonly bySurname = new Map<string, PersonEntity[]>();
  private readonly byFirstName = new Map<string, PersonEntity[]>();

  add(entity: PersonEntity) {
    this.people.push(entity);
    this.byKey.set(nameKey(entity.name), entity);
    const words = entity.name.split(/\s+/);
    const push = (map: Map<string, PersonEntity[]>, key: string) => map.set(key, [...(map.get(key) ?? []), entity]);
    push(this.bySurname, surnameKey(words));
    push(this.byFirstName, nameKey(words[0]));
  }

  remove(entity: PersonEntity) {
    this.people.splice(this.people.indexOf(entity), 1);
    this.byKey.delete(nameKey(entity.name));
    for (const map of [this.bySurname, this.byFirstName])
      for (const [key, list] of map)
        map.set(
          key,
          list.filter((p) => p !== entity),
        );
  }

  exactly(text: string): PersonEntity | undefined {
    return this.byKey.get(nameKey(text));
  }

  /** People whose names end with these words and are longer (`Hale` -> `Peter Hale`, `De Croo` -> `Herman De Croo`). */
  abbreviated(words: readonly string[]): PersonEntity[] {
    return (this.bySurname.get(surnameKey(words)) ?? []).filter((p) => {
      const nameWords = p.name.split(/\s+/);
      if (words.length >= nameWords.length) return false;
      if (words.length === 1) return true;
      return nameWords.slice(nameWords.length - words.length).every((w, i) => nameKey(w) === nameKey(words[i]));
    });
  }

  byFirst(word: string): PersonEntity[] {
    return (this.byFirstName.get(nameKey(word)) ?? []).filter((p) => p.name.split(/\s+/).length > 1);
  }
}

export function recognizePeople(sentences: Sentence[]): PeopleAnalysis {
  const placesOrBodies = namesAfterPrepositions(sentences);
  const perSentence = sentences.map((s) => {
    const candidates = candidatesIn(s);
    attachCues(s, candidates);
    return candidates.map((c) => ({ c, s }));
  });
  const candidates = perSentence.flat();
  const articleCues = cuesByName(candidates.map(({ c }) => c));
  const singleWords = new Set(candidates.filter(({ c }) => c.words.length === 1).map(({ c }) => surnameKey(c.words)));
  const full = candidates
    .map(({ c, s }) => ({ c, verdict: verdictOf(c, s, articleCues.get(nameKey(c.text)) ?? [], placesOrBodies) }))
    .filter(({ c, verdict }) => verdict === 'yes' || (verdict === 'maybe' && singleWords.has(surnameKey(c.words))))
    .map(({ c }) => c)
    .sort((a, b) => b.words.length - a.words.length);
  const index = new PeopleIndex();
  const pending: Candidate[] = [];
  for (const c of full) {
    const same = index.exactly(c.text);
    if (same) {
      same.mentions.push(c);
      continue;
    }
    if (index.abbreviated(c.words).length) {
      pending.push(c);
      continue;
    }
    if (index.people.length >= MAX_PEOPLE_PER_ARTICLE) continue;
    index.add({ name: c.text, aliases: [], mentions: [c] });
  }
  const ambiguous: AmbiguousMention[] = [];
  // everything not taken as a full name may still abbreviate one (`Hassan`, `De Vries`, `Rossi di Montalto`)
  const taken = new Set(full);
  const rest = [...pending, ...candidates.map(({ c }) => c).filter((c) => !taken.has(c))];
  const singleNamed = new Map<string, PersonEntity>();
  for (const c of rest) {
    const matches = index.abbreviated(c.words);
    if (matches.length === 1) {
      matches[0].mentions.push(c);
      addAlias(matches[0], c.text);
      continue;
    }
    if (matches.length > 1) {
      ambiguous.push({ ...c, candidates: matches });
      continue;
    }
    if (c.words.length !== 1) continue;
    // `Sir Edward` is Edward Heath, but `Mr Dennis` and `Prince Charles` are no first names of anyone else
    // (`Pope Leo` is still Leo XIV, who holds the same title)
    const titledBefore = c.titles.filter((t) => t.to === c.from);
    const sameTitle = (p: PersonEntity) =>
      titledBefore.some((t) =>
        p.mentions.some((m) => m.titles.some((x) => titleHeadOf(x.title) === titleHeadOf(t.title))),
      );
    const byFirst = c.plainHonorific
      ? []
      : index.byFirst(c.words[0]).filter((p) => !titledBefore.length || sameTitle(p));
    if (byFirst.length === 1) {
      byFirst[0].mentions.push(c);
      addAlias(byFirst[0], c.text);
      continue;
    }
    const word = c.words[0];
    if (!c.cue || byFirst.length > 1 || isOrganizationHead(word) || countryOf(word) || isCity(word)) continue;
    const known = singleNamed.get(nameKey(c.text));
    if (known) {
      known.mentions.push(c);
      continue;
    }
    if (index.people.length >= MAX_PEOPLE_PER_ARTICLE) continue;
    const entity: PersonEntity = { name: c.text, aliases: [], mentions: [c] };
    singleNamed.set(nameKey(c.text), entity);
    index.add(entity);
  }
  // a surname said alone before any single-name person was created from it
  for (const entity of singleNamed.values()) {
    const others = index.abbreviated([entity.name]).filter((p) => p !== entity);
    if (others.length === 1) {
      others[0].mentions.push(...entity.mentions);
      addAlias(others[0], entity.name);
      index.remove(entity);
    }
  }
  const people = index.people;
  for (const p of people) p.mentions.sort((a, b) => a.sentence - b.sentence || a.from - b.from);
  people.sort((a, b) => a.mentions[0].sentence - b.mentions[0].sentence || a.mentions[0].from - b.mentions[0].from);
  return { people, ambiguous };
}
