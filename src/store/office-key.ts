/**
 * The natural key of an office. `Interior Minister`, `Minister of the Interior` and
 * `interior minister` are one title, so the key is the title's words without `of`/`the`/`for`,
 * in sorted order, plus the jurisdiction's normalized name.
 */
import { nameKey, nameWords } from './name-key';

const TITLE_FILLER_WORDS = new Set(['of', 'the', 'for']);

export function officeTitleKey(title: string): string {
  return nameWords(nameKey(title))
    .filter((word) => !TITLE_FILLER_WORDS.has(word))
    .sort()
    .join(' ');
}

export function jurisdictionKey(jurisdiction: string | null): string {
  return jurisdiction ? nameKey(jurisdiction).replace(/^the /, '') : '';
}

export function officeKey(title: string, jurisdiction: string | null): string {
  return `${officeTitleKey(title)}|${jurisdictionKey(jurisdiction)}`;
}
