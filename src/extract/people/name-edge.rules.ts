/**
 * Words at the edges of a capitalised run that are no part of a person's name: titles, party
 * labels, occupations and sentence words before it (`President X`, `Republican X`, `Novelist X`,
 * `Like X`, `Former X`, `Monday X`), and post-nominal letters or a verb after it (`X MP`,
 * `X Had`). Some of them also say the name is a person's (`cue`).
 */
import type { Word } from '../text/sentence.splitter';
import { holds } from '../engine/word.predicates';

export interface EdgeRule {
  id: string;
  /** Whether the word is no part of the name; `last` says it is the run's last word. */
  test: (word: Word, last: boolean) => boolean;
  /** Whether the word marks what follows it as a person's name. */
  cue: boolean;
  /** Only the run's first word (or the first after another edge word) may be claimed. */
  leadingOnly?: boolean;
  example: string;
}

/** Letters after a name that are a post, not a name (`Peter Hale MP`). */
const POST_NOMINALS = new Set(['mp', 'mps', 'mep', 'msp', 'qc', 'kc', 'td', 'mla', 'obe', 'mbe', 'cbe']);

/** Tried on every word but the last of a run, in order; the name starts after the last word one of them claims. */
export const NAME_PREFIX_RULES: readonly EdgeRule[] = [
  { id: 'title', test: (w) => holds('titleWord', w), cue: true, example: 'President Peter Hale' },
  {
    id: 'title-elect',
    test: (w) => /^\p{Lu}[\p{L}]+-(?:elect|designate|nominee)$/u.test(w.text),
    cue: true,
    example: 'Senator-elect Peter Hale',
  },
  {
    id: 'hyphenated-modifier',
    test: (w) => holds('hyphenatedModifier', w),
    cue: false,
    example: 'Army-backed Peter Hale',
  },
  { id: 'honorific', test: (w) => holds('honorific', w), cue: true, example: 'Mr Peter Hale' },
  { id: 'occupation', test: (w) => holds('occupation', w), cue: true, example: 'Novelist Peter Hale' },
  { id: 'party', test: (w) => holds('partyForm', w), cue: true, example: 'Republican Peter Hale' },
  { id: 'calendar', test: (w, last) => !last && holds('calendar', w), cue: false, example: 'Monday Peter Hale' },
  {
    id: 'place-or-body',
    // `Bill Northey` keeps a first name that is also a word of places and things
    test: (w, last) => !last && (holds('placeOrThing', w) || holds('organizationHead', w)) && !holds('firstName', w),
    cue: false,
    example: 'Middle East Peter Hale',
  },
  {
    id: 'country',
    test: (w, last) => !last && holds('country', w) && !holds('firstName', w),
    cue: false,
    example: 'Hungarian Peter Hale',
  },
  {
    id: 'sentence-word',
    test: (w, last) => !last && holds('sentenceWord', w),
    cue: false,
    leadingOnly: true,
    example: 'Like Peter Hale',
  },
];

/** Tried on the last word of a run of two or more. */
export const NAME_SUFFIX_RULES: readonly EdgeRule[] = [
  {
    id: 'post-nominal',
    test: (w) => POST_NOMINALS.has(w.lower.replace(/\.$/, '')),
    cue: true,
    example: 'Peter Hale MP',
  },
  {
    id: 'auxiliary',
    // an auxiliary only: `Cooper`, `Keys` and `Yelling` are also verbs
    test: (w) => holds('verb', w) && holds('auxiliary', w),
    cue: false,
    example: 'Peter Hale Had',
  },
];
