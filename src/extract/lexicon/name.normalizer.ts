const folded = new Map<string, string>();
/** Lexicon look-ups repeat the same words all the time; past this size the memo starts over. */
const MAX_MEMO = 50_000;

/** Folding used to compare names and look words up in lexicons: case, diacritics, apostrophe styles. */
export function foldForLookup(text: string): string {
  let out = folded.get(text);
  if (out !== undefined) return out;
  out = /^[\x20-\x7e]*$/.test(text)
    ? text.replace(/`/g, "'").toLowerCase().trim()
    : text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase().trim();
  if (folded.size >= MAX_MEMO) folded.clear();
  folded.set(text, out);
  return out;
}

/** Remembers a per-word computation: lexicon checks see the same few thousand words over and over. */
export function memoizeWord<T>(compute: (word: string) => T): (word: string) => T {
  const memo = new Map<string, T>();
  return (word: string) => {
    let out = memo.get(word);
    if (out === undefined && !memo.has(word)) {
      out = compute(word);
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(word, out);
    }
    return out as T;
  };
}

/** The key under which two spellings of one name are the same entity (`Al-Mansour` ~ `al Mansour`). */
export const nameKey = memoizeWord((text: string): string =>
  foldForLookup(text)
    .replace(/[-'.\s]+/g, ' ')
    .trim(),
);
