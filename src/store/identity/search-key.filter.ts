/**
 * Name search that behaves the same on the embedded server and on MongoDB: no `$text`, no
 * collation, just an anchored prefix regex on `searchKeys`, which the writers fill with
 * lower-cased, diacritic-free forms (and word suffixes) of names and aliases. An anchored,
 * case-sensitive prefix regex can use the `searchKeys` index on MongoDB.
 */
import { StoreInputError } from '../store-input.error';

export const MIN_SEARCH_LENGTH = 2;

/** Lower-case, strip diacritics and punctuation, collapse spaces: the form `searchKeys` are stored in. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function searchKeyFilter(text: string): { searchKeys: { $regex: string } } {
  const normalized = normalizeSearchText(text);
  if (normalized.length < MIN_SEARCH_LENGTH) {
    throw new StoreInputError(`search text must have at least ${MIN_SEARCH_LENGTH} letters or digits, got "${text}"`);
  }
  return { searchKeys: { $regex: `^${escapeRegex(normalized)}` } };
}
