/**
 * The one place where extraction asks what a word is: its shape, its part of speech, and
 * which lexicon knows it. Rule tables name these predicates (`is: 'titleHead'`), and code
 * calls them directly; nothing else re-tests a word's case or looks a word up in a lexicon.
 */
import type { Sentence, Word } from '../text/sentence.splitter';
import { isKnownFirstName } from '../lexicon/first-name.lexicon';
import {
  isBodyDescriptor,
  isCalendarWord,
  isGroupNoun,
  isLowercaseBodyNoun,
  isOrganizationHead,
  isPlaceOrThingWord,
  partyOf,
} from '../lexicon/entity-word.lexicon';
import { countryOf, isCity, isDemonym, opensSeatOfGovernment } from '../lexicon/place.lexicon';
import { isEnglishWord, lexicalPos } from '../lexicon/english-word.lexicon';
import {
  isFormerMarker,
  isHonorific,
  isOccupation,
  isTitleHead,
  isTitleQualifier,
  isTitleWord,
} from '../lexicon/title.lexicon';

// prettier-ignore
const NAME_PARTICLES = new Set([
  'al', 'el', 'bin', 'bint', 'ibn', 'abu', 'de', 'da', 'di', 'van', 'von', 'der', 'den', 'du', 'le', 'la', 'del', 'dos', 'das', 'ter',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'that', 'these', 'those']);
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'him', 'his', 'her']);
const VERB_TAGS = new Set(['VERB', 'AUX']);
/** Parts of speech of English words that never open a name. */
const NON_NAME_POS = new Set([
  'ADP',
  'ADV',
  'SCONJ',
  'CCONJ',
  'DET',
  'PRON',
  'AUX',
  'VERB',
  'ADJ',
  'NUM',
  'PART',
  'INTJ',
]);
const FUNCTION_TAGS = new Set(['CCONJ', 'SCONJ', 'ADP', 'PRON', 'DET', 'PART', 'AUX', 'INTJ']);

export const lower = (word: Word | undefined): string => (word ? word.lower : '');

/** The words [from, to) of a sentence as written, with line breaks and runs of spaces collapsed (wire copy wraps names). */
export const textOf = (s: Sentence, from: number, to: number): string =>
  s.text.slice(s.words[from].start - s.start, s.words[to - 1].end - s.start).replace(/\s+/g, ' ');

/** `Khalid`, `al-Mansour`. */
export function isCapitalised(word: Word): boolean {
  return holdsAt(CAPITALISED, word);
}

export function isNameParticle(word: Word): boolean {
  return NAME_PARTICLES.has(word.lower);
}

/** `'s` or a bare apostrophe after a plural: the possessive wink splits off a name. */
export function isPossessive(word: Word | undefined): boolean {
  return !!word && /^['’]s?$/.test(word.text);
}

export function isVerb(word: Word | undefined): boolean {
  return !!word && VERB_TAGS.has(word.pos);
}

/** `UN`, `FDP`, `G7`: a short all-capitals word. */
export function isAcronym(word: Word): boolean {
  return /^(?:\p{Lu}[\p{Lu}\d&]{1,6}|\p{Lu}\d)$/u.test(word.text);
}

/**
 * `Oscar-winning`, `Army-backed`, `Euro-Sceptic`, `Anti-War`: a hyphenated modifier, not a name
 * (`al-Sharaa` and `Lewis-Francis` are names).
 */
export function isHyphenatedModifier(text: string): boolean {
  if (/^(?:al|el|bin|ibn|abu)-/i.test(text)) return false;
  return /-\p{Ll}/u.test(text) || /^(?:euro|anti|pro|pan|non|neo|post|pre|self|ultra)-/i.test(text);
}

/** Every predicate a rule table may name. */
export const WORD_PREDICATES = {
  capitalised: (w: Word) => /^\p{Lu}/u.test(w.text) || /^(?:al|el)-\p{Lu}/u.test(w.text),
  lowercase: (w: Word) => /^\p{Ll}/u.test(w.text),
  /** A word rather than a number or a mark. */
  hasLetter: (w: Word) => /\p{L}/u.test(w.text),
  acronym: isAcronym,
  number: (w: Word) => /^\d[\d,.]*$/.test(w.text) || w.pos === 'NUM',
  punctuation: (w: Word) => w.pos === 'PUNCT' || /^[^\p{L}\p{N}]+$/u.test(w.text),
  possessive: isPossessive,
  /** Ends a clause: `,` `;` `:` dashes, brackets and quotes. */
  clauseBreak: (w: Word) => /^(?:[,;:()[\]"“”–—]|--)$/.test(w.text),
  sentenceBreak: (w: Word) => /^[.;!?]$/.test(w.text),
  determiner: (w: Word) => DETERMINERS.has(lower(w)),
  personalPronoun: (w: Word) => PERSONAL_PRONOUNS.has(lower(w)),
  verb: isVerb,
  /** A word of grammar, capitalised or not (`But`, `And`, `In`, `He`). */
  functionWord: (w: Word) => FUNCTION_TAGS.has(w.pos),
  noun: (w: Word) => w.pos === 'NOUN',
  adjective: (w: Word) => w.pos === 'ADJ',
  adverb: (w: Word) => w.pos === 'ADV',
  hyphenatedModifier: (w: Word) => isHyphenatedModifier(w.text),
  nameParticle: isNameParticle,
  firstName: (w: Word) => isKnownFirstName(w.text),
  titleHead: (w: Word) => isTitleHead(w.text),
  titleQualifier: (w: Word) => isTitleQualifier(w.text),
  titleWord: (w: Word) => isTitleWord(w.text),
  honorific: (w: Word) => isHonorific(w.text),
  occupation: (w: Word) => isOccupation(w.text),
  formerMarker: (w: Word) => isFormerMarker(w.text),
  country: (w: Word) => countryOf(w.text) !== null,
  demonym: (w: Word) => isDemonym(w.text),
  city: (w: Word) => isCity(w.text),
  seatOfGovernment: (w: Word) => opensSeatOfGovernment(w.text),
  calendar: (w: Word) => isCalendarWord(w.text),
  /** A capitalised month or weekday (`May 9`, not the modal `may`). */
  dateWord: (w: Word) => isCapitalised(w) && isCalendarWord(w.text),
  organizationHead: (w: Word) => isOrganizationHead(w.text),
  bodyNoun: (w: Word) => isLowercaseBodyNoun(w.text),
  bodyDescriptor: (w: Word) => isBodyDescriptor(w.text),
  placeOrThing: (w: Word) => isPlaceOrThingWord(w.text),
  groupNoun: (w: Word) => isGroupNoun(w.text),
  partyForm: (w: Word) => partyOf(w.text) !== null,
  /** An English word that never opens a name (`Like`, `Former`, `Meanwhile`), first names aside. */
  sentenceWord: (w: Word) => isEnglishWord(w.text) && !isKnownFirstName(w.text) && NON_NAME_POS.has(lexicalPos(w.text)),
  auxiliary: (w: Word) => isEnglishWord(w.text) && lexicalPos(w.text) === 'AUX',
} satisfies Record<string, (word: Word) => boolean>;

export type WordPredicate = keyof typeof WORD_PREDICATES;

const PREDICATE_NAMES = Object.keys(WORD_PREDICATES) as WordPredicate[];
const PREDICATE_INDEX = Object.fromEntries(PREDICATE_NAMES.map((name, i) => [name, i])) as Record<
  WordPredicate,
  number
>;
const PREDICATE_TESTS = PREDICATE_NAMES.map((name) => WORD_PREDICATES[name]);
/** A word with its predicate results, computed on first use: rules ask the same few questions of a word many times. */
type AnsweredWord = Word & { answers?: Int8Array };

/**
 * Every predicate reads only a word's text and tag, so words of one text and tag share their answers,
 * across sentences and articles (news repeats a few thousand words); past this many, the memo starts over.
 */
const answersByText = new Map<string, Record<string, Int8Array>>();
const MAX_FORMS = 50_000;

function answersOf(word: AnsweredWord): Int8Array {
  if (word.answers) return word.answers;
  let byTag = answersByText.get(word.text);
  if (!byTag) {
    if (answersByText.size >= MAX_FORMS) answersByText.clear();
    byTag = {};
    answersByText.set(word.text, byTag);
  }
  const known = (byTag[word.pos] ??= new Int8Array(PREDICATE_TESTS.length));
  word.answers = known;
  return known;
}

/** Whether a predicate holds of a word (0 unknown yet, 1 yes, 2 no in the word's answers). */
export function holdsAt(index: number, word: Word): boolean {
  const known = answersOf(word as AnsweredWord);
  let answer = known[index];
  if (answer === 0) known[index] = answer = PREDICATE_TESTS[index](word) ? 1 : 2;
  return answer === 1;
}

/** The index `holdsAt` takes for a predicate. */
export function predicateIndex(predicate: WordPredicate): number {
  return PREDICATE_INDEX[predicate];
}

const CAPITALISED = predicateIndex('capitalised');

export function holds(predicate: WordPredicate, word: Word): boolean {
  return holdsAt(predicateIndex(predicate), word);
}
