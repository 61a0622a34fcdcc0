/**
 * Sentences and words of the article body, from wink-nlp (tokens, part of speech, sentence
 * boundaries) with character offsets into the article text. Hyphen-joined pieces such as
 * `al-Mansour` or `Under-Secretary` become one word, and sentences never cross paragraphs.
 */
import type { Paragraph } from './article-structure.parser';
import type { TextSpan } from './text-span.type';

export interface Word extends TextSpan {
  text: string;
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

/** The model takes ~100 ms to load, so it is loaded on first use and then shared. */
export function winkInstance(): WinkMethods {
  if (!nlp) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const model = require('wink-eng-lite-web-model');
    // entities, negation and sentiment are not used here; leaving them out halves the cost of reading a document
    nlp = winkNLP(model, ['sbd', 'pos']);
  }
  return nlp;
}

interface RawToken extends TextSpan {
  text: string;
  pos: string;
  sentence: number;
}

function tokenize(text: string): RawToken[] {
  const nlp = winkInstance();
  const its = nlp.its;
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
    const start = text.startsWith(values[i], at) ? at : text.indexOf(values[i], at);
    if (start < 0) continue;
    at = start + values[i].length;
    if (!values[i].trim()) continue;
    tokens.push({ text: values[i], start, end: at, pos: pos[i], sentence: sentenceOf[i] });
  }
  return tokens;
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
      out[out.length - 1] = { ...prev, text: text.slice(prev.start, next.end), end: next.end, pos: 'PROPN' };
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
      const joined = text.slice(prev.start, next.end);
      out[out.length - 1] = {
        ...prev,
        text: joined,
        end: next.end,
        pos: /^\p{Lu}/u.test(next.text) ? 'PROPN' : prev.pos,
      };
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
    const words = current.map((t, index) => ({ text: t.text, start: t.start, end: t.end, pos: t.pos, index }));
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
    const newSentence =
      t.sentence !== currentSentence &&
      (openBrackets === 0 || current.length - bracketOpenedAt > MAX_BRACKETED_WORDS) &&
      !(last && ABBREVIATION_END.test(last.text) && /^\p{Lu}/u.test(t.text));
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
