/**
 * Name forms for identity matching, search and URLs, all built on the one normalization the
 * read side applies to search text, so what the writers store is what a search can reach.
 */
import { normalizeSearchText } from './search-key.filter';

/**
 * Connecting particles of personal and place names (Arabic, Romance, Germanic). Articles drop
 * them freely (`Karim al-Nouri`, `Karim Nouri`), so matching also compares names without them.
 */
const NAME_PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'ben',
  'bint',
  'de',
  'da',
  'di',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'le',
  'la',
  'du',
  'dos',
  'das',
  'ter',
]);

const SLUG_MAX_LENGTH = 80;

/** Loading normalizes the same names over and over; beyond this many the remembered keys are dropped. */
const NAME_KEY_CACHE_SIZE = 50_000;
const nameKeys = new Map<string, string>();

export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    if (nameKeys.size >= NAME_KEY_CACHE_SIZE) nameKeys.clear();
    key = normalizeSearchText(name);
    nameKeys.set(name, key);
  }
  return key;
}

export function nameWords(key: string): string[] {
  return key ? key.split(' ') : [];
}

/** The key without particles, or the key itself when that would leave fewer than two words. */
export function withoutParticles(key: string): string {
  const words = nameWords(key);
  const kept = words.filter((word) => !NAME_PARTICLES.has(word));
  return kept.length >= 2 && kept.length < words.length ? kept.join(' ') : key;
}

/** `masrour barzani` -> [`masrour barzani`, `barzani`]: every word can start a prefix search. */
export function wordSuffixes(key: string): string[] {
  const words = nameWords(key);
  return words.map((_, i) => words.slice(i).join(' '));
}

/** The `searchKeys` of a document named by these forms: every word suffix of every form, sorted and unique. */
export function searchKeysOf(names: ReadonlyArray<string | null>): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (name) for (const suffix of wordSuffixes(nameKey(name))) keys.add(suffix);
  }
  return [...keys].sort();
}

/** A lower-case ASCII slug (`othman-al-ghanmi`); empty when the name has no Latin letters or digits. */
export function slugOf(name: string): string {
  return nameKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/^-+|-+$/g, '');
}

/** Fuller forms first: `Karim al-Nouri` over `Karim Nouri` when as many articles use each. */
export function preferFullerName(a: string, b: string): number {
  return nameWords(nameKey(b)).length - nameWords(nameKey(a)).length || b.length - a.length;
}
