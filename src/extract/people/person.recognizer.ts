/**
 * Finds the people an article names. A capitalised chunk is a person's name when a title or
 * honorific precedes it, an appositive or age follows it, its first word is a known first
 * name, it carries a name particle (`al-`, `bin`, `de`), or its surname is used alone
 * elsewhere. Surnames, first names and particle tails are then resolved to the full names
 * they abbreviate; an ambiguous surname stays unresolved for coreference to settle.
 */
import type { Sentence } from '../text/sentence.splitter';
import { chunksOf, isCapitalised, isNameParticle } from './proper-noun.chunker';
import { cueAfter, textOf, titleBefore, type TitlePhrase } from '../offices/title-phrase.parser';
import { isHonorific, isOccupation, isTitleHead, isTitleWord } from '../lexicon/title.lexicon';
import {
  isCalendarWord,
  isLowercaseBodyNoun,
  isOrganizationHead,
  isPlaceOrThingWord,
  partyOf,
} from '../lexicon/entity-word.lexicon';
import { isKnownFirstName } from '../lexicon/first-name.lexicon';
import { countryOf, isCity, isDemonym } from '../lexicon/place.lexicon';
import { nameKey } from '../lexicon/name.normalizer';

export interface PersonMention {
  sentence: number;
  /** Word range of the name itself (titles and honorifics excluded). */
  from: number;
  to: number;
  text: string;
  titles: TitlePhrase[];
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
  cue: boolean;
  honorific: boolean;
  /** `Mr`/`Ms` go with surnames, so `Mr Dennis` is never a first name (unlike `Sir Dennis`). */
  plainHonorific: boolean;
  /** The name is a capitalised run of its own, not the tail of a longer one (`Fishing Nations League`). */
  standsAlone: boolean;
}

const MAX_NAME_WORDS = 5;
const lower = (w: { text: string } | undefined) => (w ? w.text.toLowerCase() : '');
/** Verbs whose subject or object is a person, so a capitalised pair next to them is a full name. */
const PERSON_VERBS = new Set([
  'said',
  'says',
  'told',
  'tells',
  'added',
  'met',
  'meets',
  'argued',
  'insisted',
  'warned',
  'urged',
  'explained',
  'denied',
  'admitted',
  'replied',
  'thanked',
  'greeted',
  'phoned',
  'recalled',
]);

function strippedParticle(word: string): string {
  return word.replace(/^(?:al|el)-/i, '');
}

function isNameWord(word: string): boolean {
  if (isCalendarWord(word) || isOrganizationHead(word) || isPlaceOrThingWord(word)) return false;
  if (/\d/.test(word) || /^\p{Lu}{2,}$/u.test(word.replace(/[.&-]/g, ''))) return false;
  // `Russian-occupied`, `Army-backed`: hyphenated parts of a name are capitalised
  if (/-\p{Ll}/u.test(word) && !/^(?:al|el|bin|ibn|abu)-/i.test(word)) return false;
  return !isTitleWord(word) && !isHonorific(word) && !partyOf(word);
}

/** Words after which the rest of a chunk is a new name (`Middle East Ilona Kovacs`, `Monday Peter Hale`). */
function endsPrefix(word: string, isLast: boolean): boolean {
  if (isTitleWord(word) || isHonorific(word)) return true;
  if (isLast) return false;
  return (
    isCalendarWord(word) ||
    isPlaceOrThingWord(word) ||
    isOrganizationHead(word) ||
    (!!countryOf(word) && !isKnownFirstName(word))
  );
}

function candidatesIn(s: Sentence): Candidate[] {
  const out: Candidate[] = [];
  for (const chunk of chunksOf(s, false)) {
    let to = chunk.to;
    const titles: TitlePhrase[] = [];
    // `Peter Hale MP`: a title after the name
    if (to - chunk.from >= 3 && isTitleHead(s.words[to - 1].text)) {
      titles.push({
        title: s.words[to - 1].text,
        jurisdiction: null,
        regional: false,
        former: false,
        from: to - 1,
        to,
      });
      to--;
    }
    let from = chunk.from;
    let honorific = false;
    for (let k = chunk.from; k < to; k++) {
      const w = s.words[k].text;
      if (endsPrefix(w, k === to - 1)) {
        from = k + 1;
        honorific = isHonorific(w);
      }
    }
    if (from >= to) continue;
    // `Northern Shield forces`, `Bread and Freedom party`: the chunk names a body
    if (s.words[to] && isLowercaseBodyNoun(s.words[to].text)) continue;
    const words = s.words.slice(from, to).map((w) => w.text);
    if (!words.every(isNameWord) || words.length > MAX_NAME_WORDS) continue;
    if (partyOf(words.join(' '))) continue;
    const before = titleBefore(s, from);
    if (before) titles.unshift(before);
    const after = cueAfter(s, to);
    if (after.title) titles.push(after.title);
    const previous = s.words[from - 1];
    const occupationBefore = !!previous && isOccupation(previous.text);
    const capitalisedTitle = !!before && /^\p{Lu}/u.test(s.words[before.to - 1].text);
    // a single word is a name only after an honorific or a capitalised title (`Mr Oduya`, `President Okafor`)
    const cue =
      words.length === 1
        ? honorific || capitalisedTitle
        : honorific || titles.length > 0 || after.marksPerson || occupationBefore;
    const ofLink = (k: number, name: number) =>
      lower(s.words[k]) === 'of' && !!s.words[name] && isCapitalised(s.words[name]);
    const standsAlone = from === chunk.from && to === chunk.to && !ofLink(from - 1, from - 2) && !ofLink(to, to + 1);
    out.push({
      sentence: s.index,
      from,
      to,
      text: textOf(s, from, to),
      titles,
      words,
      cue,
      honorific,
      standsAlone,
      plainHonorific: honorific && /^(?:mr|mrs|ms|miss|dr)\.?$/i.test(s.words[from - 1]?.text ?? ''),
    });
  }
  return out;
}

function looksLikeFullName(c: Candidate, s: Sentence, placesOrBodies: Set<string>): 'yes' | 'maybe' | 'no' {
  const { words } = c;
  if (words.length < 2) return 'no';
  // a nationality or country of several words (`Costa Rican`, `Saint Lucian`) before a title is no name
  if (isDemonym(c.text) || countryOf(c.text)) return 'no';
  if (isNameParticle(s.words[c.from])) return c.cue ? 'yes' : 'no';
  const first = words[0];
  const placeLike = isCity(words.join(' ')) || words.some((w) => countryOf(w) || (isCity(w) && !isKnownFirstName(w)));
  if (placeLike && !c.cue && !isKnownFirstName(first)) return 'no';
  const previous = s.words[c.from - 1];
  if (previous && /^(?:the|a|an)$/i.test(previous.text) && !c.cue) return 'no';
  if (c.cue || isKnownFirstName(first)) return 'yes';
  if (c.words.some((w, i) => i > 0 && /^(?:al|el|bin|ibn|de|di|da|van|von)(?:-|$)/i.test(w))) return 'yes';
  // `at newly-listed Harbour Vantora`: people are not where a business is
  if (previous && (/-\p{Ll}/u.test(previous.text) || /^(?:at|by)$/i.test(previous.text))) return 'no';
  // `Norlex Capital analyst Marie Duval`: a name before a post is the employer's
  const next = s.words[c.to];
  if (next && (isOccupation(next.text) || isTitleHead(next.text))) return 'no';
  // `Kagiso Dube said`, `met Kagiso Dube`: the subject or object of a verb only people take
  const nextToVerb =
    (next && PERSON_VERBS.has(next.text)) || (previous && PERSON_VERBS.has(previous.text) && previous.pos === 'VERB');
  if (nextToVerb && c.standsAlone && !placesOrBodies.has(nameKey(c.text))) return 'yes';
  return 'maybe';
}

function tailMatches(entity: PersonEntity, words: string[]): boolean {
  const nameWords = entity.name.split(/\s+/);
  if (words.length >= nameWords.length) return false;
  const tail = nameWords.slice(nameWords.length - words.length);
  if (tail.every((w, i) => nameKey(w) === nameKey(words[i]))) return true;
  return (
    words.length === 1 &&
    nameKey(strippedParticle(nameWords[nameWords.length - 1])) === nameKey(strippedParticle(words[0]))
  );
}

function addAlias(entity: PersonEntity, alias: string) {
  if (nameKey(alias) !== nameKey(entity.name) && !entity.aliases.some((a) => nameKey(a) === nameKey(alias)))
    entity.aliases.push(alias);
}

/** Names the article puts after `at`, `of`, `from`, `for` or `in` (`analysts at Norlex Vantora`): places or bodies, whatever verb they take elsewhere. */
function namesAfterPrepositions(sentences: Sentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences)
    for (const chunk of chunksOf(s, false))
      if (/^(?:at|of|from|for|in)$/i.test(s.words[chunk.from - 1]?.text ?? '')) out.add(nameKey(chunk.text));
  return out;
}

export function recognizePeople(sentences: Sentence[]): PeopleAnalysis {
  const placesOrBodies = namesAfterPrepositions(sentences);
  const candidates = sentences.flatMap((s) => candidatesIn(s).map((c) => ({ c, s })));
  const singleWords = new Set(
    candidates.filter(({ c }) => c.words.length === 1).map(({ c }) => nameKey(strippedParticle(c.words[0]))),
  );
  const full = candidates
    .map(({ c, s }) => ({ c, verdict: looksLikeFullName(c, s, placesOrBodies) }))
    .filter(
      ({ c, verdict }) =>
        verdict === 'yes' ||
        (verdict === 'maybe' && singleWords.has(nameKey(strippedParticle(c.words[c.words.length - 1])))),
    )
    .map(({ c }) => c)
    .sort((a, b) => b.words.length - a.words.length);
  const people: PersonEntity[] = [];
  const byKey = new Map<string, PersonEntity>();
  const pending: Candidate[] = [];
  for (const c of full) {
    const key = nameKey(c.text);
    const same = byKey.get(key);
    if (same) {
      same.mentions.push(c);
      continue;
    }
    const longer = people.filter((p) => tailMatches(p, c.words));
    if (longer.length) {
      pending.push(c);
      continue;
    }
    const entity: PersonEntity = { name: c.text, aliases: [], mentions: [c] };
    people.push(entity);
    byKey.set(key, entity);
  }
  const ambiguous: AmbiguousMention[] = [];
  // everything not taken as a full name may still abbreviate one (`Hassan`, `De Vries`, `Rossi di Montalto`)
  const taken = new Set(full);
  const rest = [...pending, ...candidates.map(({ c }) => c).filter((c) => !taken.has(c))];
  const singleNamed = new Map<string, PersonEntity>();
  for (const c of rest) {
    const matches = people.filter((p) => tailMatches(p, c.words));
    if (matches.length === 1) {
      matches[0].mentions.push(c);
      addAlias(matches[0], c.text);
      continue;
    }
    if (matches.length > 1) {
      ambiguous.push({ ...c, candidates: matches });
      continue;
    }
    if (c.words.length === 1) {
      const byFirst = c.plainHonorific
        ? []
        : people.filter((p) => nameKey(p.name.split(/\s+/)[0]) === nameKey(c.words[0]));
      if (byFirst.length === 1) {
        byFirst[0].mentions.push(c);
        addAlias(byFirst[0], c.text);
        continue;
      }
      if (!c.cue || byFirst.length > 1 || isOrganizationHead(c.words[0]) || countryOf(c.words[0]) || isCity(c.words[0]))
        continue;
      const key = nameKey(c.text);
      const known = singleNamed.get(key);
      if (known) {
        known.mentions.push(c);
        continue;
      }
      const entity: PersonEntity = { name: c.text, aliases: [], mentions: [c] };
      singleNamed.set(key, entity);
      people.push(entity);
    }
  }
  // a surname said alone before any single-name person was created from it
  for (const entity of singleNamed.values()) {
    const others = people.filter((p) => p !== entity && tailMatches(p, [entity.name]));
    if (others.length === 1) {
      others[0].mentions.push(...entity.mentions);
      addAlias(others[0], entity.name);
      people.splice(people.indexOf(entity), 1);
    }
  }
  for (const p of people) p.mentions.sort((a, b) => a.sentence - b.sentence || a.from - b.from);
  people.sort((a, b) => a.mentions[0].sentence - b.mentions[0].sentence || a.mentions[0].from - b.mentions[0].from);
  return { people, ambiguous };
}
