/**
 * Runs of capitalised words in a sentence (`Khalid al-Mansour`, `Tigray Region`), the raw
 * material for people, organizations and places. `tight` chunks join only name particles;
 * `wide` chunks also join `of`, `and`, `for`, `on`, `the` between capitalised words, as in
 * `Transport and General Workers Union`.
 */
import type { Sentence, Word } from '../text/sentence.splitter';
import { isCapitalised, isNameParticle } from '../engine/word.predicates';

/** The longest name of a body runs to about a dozen words (`Brotherhood of Locomotive Engineers and Trainmen`). */
const MAX_CHUNK_WORDS = 14;

export interface Chunk {
  /** Index of the first word in the sentence. */
  from: number;
  /** Index after the last word. */
  to: number;
  words: Word[];
  text: string;
}

const WIDE_CONNECTORS = new Set(['of', 'and', 'for', 'on', '&', "'", '’', 'de', 'du', 'des']);
/** Capitalised only because they open a sentence or a quote. */
const FUNCTION_POS = new Set([
  'DET',
  'PRON',
  'ADP',
  'CCONJ',
  'SCONJ',
  'AUX',
  'ADV',
  'PART',
  'NUM',
  'INTJ',
  'VERB',
  'PUNCT',
  'SYM',
]);

/** The acronym in brackets right before word `at` (`Farmers Union (FU) Council`), or null. */
export function acronymInBracketsBefore(s: Sentence, at: number): string | null {
  const acronym = s.words[at - 2];
  return s.words[at - 1]?.text === ')' &&
    s.words[at - 3]?.text === '(' &&
    acronym &&
    /^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(acronym.text)
    ? acronym.text
    : null;
}

/** Capitalised function words that open sentences and clauses, never names. */
// prettier-ignore
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'His', 'Her', 'Its', 'Their', 'On', 'In', 'At', 'But', 'And',
  'Or', 'If', 'When', 'While', 'After', 'Before', 'During', 'Since', 'Under', 'For', 'From', 'With', 'As', 'By', 'To',
  'Of', 'This', 'That', 'These', 'Those', 'Meanwhile', 'However', 'Then', 'Also', 'Both', 'Neither', 'Some', 'All',
  'Yet', 'So',
]);

function startsChunk(word: Word, previous: Word | undefined): boolean {
  if (!isCapitalised(word)) return false;
  const atClauseStart = !previous || /^[“"‘'(\-–—:]$/.test(previous.text);
  return (
    !(atClauseStart && FUNCTION_POS.has(word.pos)) &&
    !(FUNCTION_POS.has(word.pos) && word.pos !== 'VERB' && word.pos !== 'NUM' && SENTENCE_OPENERS.has(word.text))
  );
}

const tightChunks = new WeakMap<Sentence, Chunk[]>();
const wideChunks = new WeakMap<Sentence, Chunk[]>();

/** The chunks of a sentence; every stage asks for them, so they are computed once per sentence. */
export function chunksOf(sentence: Sentence, wide: boolean): Chunk[] {
  const cache = wide ? wideChunks : tightChunks;
  let chunks = cache.get(sentence);
  if (!chunks) {
    chunks = computeChunks(sentence, wide);
    cache.set(sentence, chunks);
  }
  return chunks;
}

function computeChunks(sentence: Sentence, wide: boolean): Chunk[] {
  const words = sentence.words;
  const out: Chunk[] = [];
  let i = 0;
  while (i < words.length) {
    if (!startsChunk(words[i], words[i - 1])) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      const w = words[end];
      if (!w) break;
      if (isCapitalised(w)) {
        end++;
        continue;
      }
      // a connector joins only when a capitalised word follows it within two words
      const joins = isNameParticle(w) || (wide && WIDE_CONNECTORS.has(w.lower));
      if (!joins) break;
      const next = words[end + 1];
      const afterNext = words[end + 2];
      if (next && isCapitalised(next) && next.start >= w.end) {
        end += 1;
        continue;
      }
      if (wide && next && next.lower === 'the' && afterNext && isCapitalised(afterNext)) {
        end += 2;
        continue;
      }
      break;
    }
    // a run of more capitalised words than any name has is a headline, a list or a table, not a name
    if (end - i > MAX_CHUNK_WORDS) {
      i = end;
      continue;
    }
    const chunkWords = words.slice(i, end);
    out.push({
      from: i,
      to: end,
      words: chunkWords,
      text: sentence.text.slice(
        chunkWords[0].start - sentence.start,
        chunkWords[chunkWords.length - 1].end - sentence.start,
      ),
    });
    i = end;
  }
  return out;
}
