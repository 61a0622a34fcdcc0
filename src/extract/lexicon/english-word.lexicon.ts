/**
 * The English vocabulary of wink's model: whether a word, lower-cased, is a common English word,
 * and the part of speech the model gives it alone. A capitalised word that is no English word
 * (`Kovacs`, `Wanjiru`) is a name of something; one that is (`Like`, `Former`, `Novelist`) may be
 * a sentence word or a descriptor standing before a name.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import { memoizeWord } from './name.normalizer';

interface Vocabulary {
  nlp: WinkMethods;
  /** Ids below this are the model's own lexemes; words it has not seen get ids from here on. */
  size: number;
}

let vocabulary: Vocabulary | null = null;
/** Lookups since the instance was made: it keeps every unseen word, so it is made afresh now and then. */
let lookups = 0;
const LOOKUPS_PER_INSTANCE = 200_000;

function vocabularyOf(): Vocabulary {
  if (!vocabulary || ++lookups > LOOKUPS_PER_INSTANCE) {
    lookups = 0;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nlp = winkNLP(require('wink-eng-lite-web-model'), ['pos']);
    // a fresh instance numbers the first word it has never seen right after its own lexemes
    const size = nlp.readDoc('qzxjvqk').tokens().out(nlp.its.uniqueId)[0] as unknown as number;
    vocabulary = { nlp, size };
  }
  return vocabulary;
}

interface Entry {
  known: boolean;
  pos: string;
}

/** British forms the model's vocabulary lacks (`Whilst Angels is a popular song`). */
const BRITISH_FORMS: Record<string, string> = { whilst: 'SCONJ', amidst: 'ADP' };

const entryOf = memoizeWord((word: string): Entry => {
  const lowered = word.toLowerCase();
  const british = BRITISH_FORMS[lowered];
  if (british) return { known: true, pos: british };
  // only plain words are looked up: the model adds every unseen word to its cache for good
  if (!/^[a-z][a-z'-]{0,23}$/.test(lowered)) return { known: false, pos: 'X' };
  const { nlp, size } = vocabularyOf();
  const tokens = nlp.readDoc(lowered).tokens();
  if (tokens.length() !== 1) return { known: false, pos: 'X' };
  const id = tokens.out(nlp.its.uniqueId)[0] as unknown as number;
  return { known: id < size, pos: id < size ? (tokens.out(nlp.its.pos)[0] as string) : 'X' };
});

/** Whether the word, lower-cased, is in the model's English vocabulary (`like`, `smith`: yes; `kovacs`: no). */
export const isEnglishWord = (word: string): boolean => entryOf(word).known;

/** The part of speech the model gives the lower-cased word on its own; `X` for words it does not know. */
export const lexicalPos = (word: string): string => entryOf(word).pos;
