/**
 * The natural key of an office: its canonical title, folded (`Interior Minister`, `Minister of
 * the Interior` and `interior minister` are one title: the title's words without
 * `of`/`the`/`for`, in sorted order), and its resolved jurisdiction: a country or subdivision by
 * its ISO code, anything else by kind and normalized name. An office whose jurisdiction the
 * article does not name is nobody's but its holder's, so it is keyed on the holder.
 */
import type { JurisdictionRef } from '../../extract';
import { nameKey, nameWords } from './name-key';

const TITLE_FILLER_WORDS = new Set(['of', 'the', 'for']);

export function officeTitleKey(title: string): string {
  return nameWords(nameKey(title))
    .filter((word) => !TITLE_FILLER_WORDS.has(word))
    .sort()
    .join(' ');
}

export function jurisdictionKey(jurisdiction: JurisdictionRef): string {
  const name = nameKey(jurisdiction.name).replace(/^the /, '');
  return jurisdiction.code ? `${jurisdiction.kind}:${jurisdiction.code.toLowerCase()}` : `${jurisdiction.kind}:${name}`;
}

/** The office of `title` in `jurisdiction`, or, without one, the office of `holderId` alone. */
export function officeKey(title: string, jurisdiction: JurisdictionRef | null, holderId: string): string {
  return `${officeTitleKey(title)}|${jurisdiction ? jurisdictionKey(jurisdiction) : `person:${holderId}`}`;
}
