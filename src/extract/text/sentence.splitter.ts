/**
 * Sentences and words of the article body, from wink-nlp (tokens, part of speech, sentence
 * boundaries) with character offsets into the article text. Hyphen-joined pieces such as
 * `al-Mansour` or `Under-Secretary` become one word, and sentences never cross paragraphs.
 */
import type { Paragraph } from './article-structure.parser';
import type { TextSpan } from './text-span.type';

export interface Word extends TextSpan {
  text: string;
  /** The text in lower case, computed once: rules compare lower-cased words all the time. */
  lower: string;
  /** Universal part-of-speech tag from the wink model (PROPN, NOUN, VERB, ...). */
  pos: string;
  /** Position of the word in its sentence. */
  index: number;
}

export interface Sentence extends TextSpan {
  index: number;
  text: string;
  words: Word[];
  paragraph: number;
  caption: boolean;
}

import winkNLP, { type WinkMethods } from 'wink-nlp';

let nlp: WinkMethods | null = null;
/** Characters read since the instance was made. */
let charactersRead = 0;
/**
 * The model keeps every word it has not seen before for as long as the instance lives, so a
 * long-running loader would grow with its archive's vocabulary (and a hostile one with random
 * text): past this much text, the next document gets a fresh instance.
 */
const CHARACTERS_PER_INSTANCE = 20_000_000;

/** The model takes ~100 ms to load, so it is loaded on first use and then shared. */
export function winkInstance(): WinkMethods {
  if (!nlp || charactersRead > CHARACTERS_PER_INSTANCE) {
    charactersRead = 0;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const model = require('wink-eng-lite-web-model');
    // entities, negation and sentiment are not used here; leaving them out halves the cost of reading a document
    nlp = winkNLP(model, ['sbd', 'pos']);
  }
  return nlp;
}

/** A word with the number of the sentence wink put it in; it becomes its sentence's word as it is. */
interface RawToken extends Word {
  sentence: number;
}

/** Every token is made here, so all of them share one shape (property access on words stays fast). */
function rawToken(text: string, start: number, end: number, pos: string, sentence: number): RawToken {
  return { text, lower: text.toLowerCase(), start, end, pos, index: 0, sentence };
}

/** No word of any language is longer; longer runs of letters (pasted data, a page of one token) are no prose. */
const MAX_WORD_CHARS = 64;
const LONG_RUN = new RegExp(`\\S{${MAX_WORD_CHARS + 1},}`, 'g');
/** How far past the expected place a token is looked for in the text. */
const TOKEN_SEARCH_WINDOW = 256;

/**
 * The text as wink reads it: runs of more than MAX_WORD_CHARS non-space characters become spaces of
 * the same length, so offsets stay true and the model's per-token checks (one of them quadratic in a
 * token's length) never see them.
 */
function maskLongRuns(text: string): string {
  return hasLongRun(text) ? text.replace(LONG_RUN, (run) => ' '.repeat(run.length)) : text;
}

/** One pass over the characters: the pattern alone retries at every character of prose. */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    run = c === 32 || c === 10 || c === 13 || c === 9 || c === 160 ? 0 : run + 1;
    if (run > MAX_WORD_CHARS) return true;
  }
  return false;
}

function tokenize(original: string): RawToken[] {
  const nlp = winkInstance();
  const its = nlp.its;
  const text = maskLongRuns(original);
  charactersRead += text.length;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const sentenceOf = new Array<number>(values.length).fill(0);
  doc.sentences().each((s, i) => {
    const [from, to] = s.out(its.span) as unknown as [number, number];
    for (let t = from; t <= to; t++) sentenceOf[t] = i;
  });
  const tokens: RawToken[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    // wink reproduces the text exactly; the search only guards against a future model normalising a token.
    const found = text.startsWith(values[i], at) ? 0 : text.slice(at, at + TOKEN_SEARCH_WINDOW).indexOf(values[i]);
    if (found < 0) continue;
    const start = at + found;
    at = start + values[i].length;
    if (!values[i].trim()) continue;
    const token = rawToken(values[i], start, at, pos[i], sentenceOf[i]);
    if (endsPossessive(token.text)) tokens.push(...splitPossessive(token));
    else tokens.push(token);
  }
  return tokens;
}

/** `it's`, `that's`: the clitic is the verb (`is`, `has`), as wink tags it when it splits them. */
const VERB_CLITIC_HOSTS = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'here', 'where', 'how']);
const POSSESSIVE_TOKEN = /^(.*\p{L})(['’]s)$/iu;

/** A cheap first look, so the pattern runs only on the few tokens that end in `'s`. */
function endsPossessive(text: string): boolean {
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  const apostrophe = text.charCodeAt(n - 2);
  return n > 2 && (last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019);
}

/**
 * `Wiley's` as `Wiley` `'s`, always. Wink splits the clitic off unless the word is in its
 * vocabulary, and it adds a word to its vocabulary the first time it keeps it whole (`Wiley's.`
 * at a sentence's end), so without this an article's words would depend on the articles read before.
 */
function splitPossessive(token: RawToken): RawToken[] {
  const match = POSSESSIVE_TOKEN.exec(token.text);
  if (!match) return [token];
  const host = match[1];
  const split = token.start + host.length;
  const lowerHost = host.toLowerCase();
  const cliticPos = lowerHost === 'let' ? 'PRON' : VERB_CLITIC_HOSTS.has(lowerHost) ? 'AUX' : 'PART';
  return [
    rawToken(host, token.start, split, token.pos, token.sentence),
    rawToken(match[2], split, token.end, cliticPos, token.sentence),
  ];
}

const JOINERS = new Set(['-', '‑', '&']);
/** `Shopping.com`: a web address is one word. */
const DOMAIN_ENDS = /^(?:com|org|net|co|uk|io|gov|edu)$/i;

/** Joins `al` `-` `Mansour` into `al-Mansour` when nothing separates the pieces. */
function joinHyphenated(tokens: RawToken[], text: string): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (prev && next && t.text === '.' && prev.end === t.start && t.end === next.start && DOMAIN_ENDS.test(next.text)) {
      out[out.length - 1] = rawToken(text.slice(prev.start, next.end), prev.start, next.end, 'PROPN', prev.sentence);
      i++;
      continue;
    }
    if (
      prev &&
      next &&
      JOINERS.has(t.text) &&
      prev.end === t.start &&
      t.end === next.start &&
      /\p{L}/u.test(next.text)
    ) {
      const pos = /^\p{Lu}/u.test(next.text) ? 'PROPN' : prev.pos;
      out[out.length - 1] = rawToken(text.slice(prev.start, next.end), prev.start, next.end, pos, prev.sentence);
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Wink ends a sentence after `U.S.` or `Mr.` too eagerly; such ends are joined to what follows. */
const ABBREVIATION_END =
  /^(?:(?:\p{Lu}\.){2,}|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|Gen\.|Sen\.|Rep\.|Gov\.|Lt\.|Col\.|No\.|Jr\.|Sr\.|Inc\.|Corp\.|Co\.)$/u;

/** Longer runs of words are cut into sentences of this length. */
const MAX_SENTENCE_WORDS = 150;

/** A bracket left open this long was never closed: sentences end in it again. */
const MAX_BRACKETED_WORDS = 40;

/** `excluded` spans (a wire dateline) are left out of every sentence. */
export function splitSentences(text: string, paragraphs: Paragraph[], excluded: TextSpan[] = []): Sentence[] {
  const tokens = joinHyphenated(tokenize(text), text);
  const sentences: Sentence[] = [];
  let p = 0;
  let current: RawToken[] = [];
  let currentParagraph = -1;
  let currentSentence = -1;
  let openBrackets = 0;
  let bracketOpenedAt = 0;
  const flush = () => {
    if (!current.length) return;
    const start = current[0].start;
    const end = current[current.length - 1].end;
    const words: Word[] = current;
    words.forEach((w, index) => (w.index = index));
    sentences.push({
      index: sentences.length,
      start,
      end,
      text: text.slice(start, end),
      words,
      paragraph: currentParagraph,
      caption: paragraphs[currentParagraph].caption,
    });
    current = [];
  };
  for (const t of tokens) {
    while (p < paragraphs.length && t.start >= paragraphs[p].end) p++;
    if (p >= paragraphs.length) break;
    if (t.start < paragraphs[p].start || excluded.some((x) => t.start >= x.start && t.start < x.end)) continue;
    const last = current[current.length - 1];
    // `Apple Inc (AAPL.O) chief executive`: no sentence ends inside brackets
    // a run-on `sentence` of hundreds of words is no sentence: rules that read a sentence whole stay cheap
    const tooLong = current.length >= MAX_SENTENCE_WORDS;
    const newSentence =
      tooLong ||
      (t.sentence !== currentSentence &&
        (openBrackets === 0 || current.length - bracketOpenedAt > MAX_BRACKETED_WORDS) &&
        !(last && ABBREVIATION_END.test(last.text) && /^\p{Lu}/u.test(t.text)));
    if (p !== currentParagraph || newSentence) {
      flush();
      openBrackets = 0;
    }
    if (t.text === '(' && openBrackets++ === 0) bracketOpenedAt = current.length;
    else if (t.text === ')' && openBrackets > 0) openBrackets--;
    currentParagraph = p;
    currentSentence = t.sentence;
    current.push(t);
  }
  flush();
  return sentences;
}
