/**
 * Where a meeting took place, from its sentence: the words that introduce a place (`in`, `at`,
 * `flew to`, `the resort of`) as token patterns, and what the named place is taken as: a city or
 * country as written, a seat of government as its city (`the White House` -> Washington), a
 * demonym's capital (`in the Qatari capital`), or a person's office. The nearest place after the
 * meeting word wins, then the nearest before it.
 */
import type { Sentence } from '../text/sentence.splitter';
import type { TokenPattern } from '../engine/token-pattern.type';
import { matchAll, type MatchTarget } from '../engine/token-pattern.matcher';
import { holds, isCapitalised, isPossessive, lower, textOf } from '../engine/word.predicates';
import { capitalOf, cityOfVenue, countryOf, isCity } from '../lexicon/place.lexicon';
import { nameKey } from '../lexicon/name.normalizer';
import { regionOf } from '../lexicon/region.lexicon';
import { TRAVEL_VERBS } from './meeting-trigger.rules';

/** The `place` group is the place's first word; the name runs on over capitalised words. */
export interface PlaceIntroducer extends TokenPattern {
  /** The place is where the meeting word's own clause happens (`X, where he met Y`): it comes before all others. */
  first?: boolean;
  example: string;
}

export const PLACE_INTRODUCERS: readonly PlaceIntroducer[] = [
  {
    id: 'where-clause',
    tokens: [
      { is: 'capitalised', as: 'place' },
      { is: 'capitalised', op: '*', max: 3 },
      { text: [','] },
      { lower: ['where'] },
    ],
    first: true,
    example: 'Peter Hale visited Vienna, where he met Ilona Kovacs.',
  },
  {
    id: 'visited',
    tokens: [
      { lower: ['visited', 'visiting', 'visit', 'visits', 'trip', 'trips', 'journey', 'tour'] },
      { lower: ['to'], op: '?' },
      { lower: ['the'], op: '?' },
      { is: 'capitalised', as: 'place' },
    ],
    example: 'During a visit to Vienna, Peter Hale met Ilona Kovacs.',
  },
  {
    id: 'in-or-at',
    tokens: [
      { lower: ['in', 'at', 'inside'] },
      { lower: ['the'], op: '?' },
      { is: 'capitalised', not: 'calendar', as: 'place' },
    ],
    example: 'Peter Hale met Ilona Kovacs in Vienna.',
  },
  {
    id: 'travelled-to',
    tokens: [
      { lower: TRAVEL_VERBS },
      { lower: ['to'] },
      { lower: ['the'], op: '?' },
      { is: 'capitalised', as: 'place' },
    ],
    example: 'A delegation headed by Peter Hale flew to Vienna for talks.',
  },
  {
    id: 'resort-of',
    tokens: [
      { lower: ['resort', 'city', 'town', 'village', 'capital', 'port', 'province', 'region', 'island'] },
      { lower: ['of'] },
      { is: 'capitalised', as: 'place' },
    ],
    example: 'Peter Hale received Ilona Kovacs in the Black Sea resort of Sochi.',
  },
];

const VENUE_NOUNS = new Set(['office', 'residence', 'palace', 'home', 'headquarters', 'compound']);

interface PlaceFound {
  at: number;
  first: boolean;
  /** A known city or country, or a place resolved to one. */
  place: string;
  known: boolean;
}

export interface PlaceContext {
  /** People and bodies of the sentence: a name among them is no place (`at Norlex`). */
  occupied: (from: number, to: number) => boolean;
  isOrganization: (name: string) => boolean;
}

/** The extent of the place name starting at `start`: capitalised words, joined over `of`/`for` (`Palace of Culture`). */
function placeEnd(s: Sentence, start: number): number {
  let end = start;
  while (end < s.words.length && isCapitalised(s.words[end]) && !holds('calendar', s.words[end])) end++;
  while (/^(?:of|for)$/.test(lower(s.words[end])) && s.words[end + 1] && isCapitalised(s.words[end + 1])) {
    end += 2;
    while (end < s.words.length && isCapitalised(s.words[end])) end++;
  }
  return end;
}

function readPlace(s: Sentence, start: number, context: PlaceContext): PlaceFound | null {
  let end = placeEnd(s, start);
  // `St. George's`, `Saint John's`: a city whose name ends in a possessive
  if (isPossessive(s.words[end]) && isCity(textOf(s, start, end + 1)))
    return { at: start, first: false, place: textOf(s, start, end + 1), known: true };
  // `Spain's Barcelona`
  if (
    isPossessive(s.words[end]) &&
    s.words[end + 1] &&
    isCapitalised(s.words[end + 1]) &&
    !VENUE_NOUNS.has(lower(s.words[end + 1]))
  ) {
    start = end + 1;
    end = placeEnd(s, start);
  }
  // `in the Qatari capital`
  if (end === start + 1 && holds('demonym', s.words[start])) {
    const capital = lower(s.words[end]) === 'capital' ? capitalOf(s.words[start].text) : null;
    return capital ? { at: start, first: false, place: capital, known: true } : null;
  }
  // `in Kovacs's office`: a person's venue
  if (isPossessive(s.words[end]) && VENUE_NOUNS.has(lower(s.words[end + 1])))
    return { at: start, first: false, place: textOf(s, start, end + 2), known: true };
  const place = textOf(s, start, end);
  if (context.occupied(start, end) || context.isOrganization(place)) return null;
  if (isCity(place) || countryOf(place) || regionOf(place)) return { at: start, first: false, place, known: true };
  const venueCity = cityOfVenue(place);
  if (venueCity) return { at: start, first: false, place: venueCity, known: true };
  return s.words[start].pos === 'PROPN' ? { at: start, first: false, place, known: false } : null;
}

/** The place of a meeting told at word `at`, or null: a known place nearest after it, then before it, then any. */
export function meetingPlace(s: Sentence, at: number, target: MatchTarget, context: PlaceContext): string | null {
  const found = matchAll(PLACE_INTRODUCERS, target)
    .map((m) => {
      const place = readPlace(s, m.groups.place.from, context);
      const first = !!PLACE_INTRODUCERS.find((p) => p.id === m.id)?.first && m.to <= at;
      return place && { ...place, first };
    })
    .filter((p): p is PlaceFound => !!p);
  const distance = (p: PlaceFound) => (p.at >= at ? p.at - at : s.words.length + at - p.at);
  const ranked = found.sort(
    (a, b) => Number(b.first) - Number(a.first) || Number(b.known) - Number(a.known) || distance(a) - distance(b),
  );
  return ranked[0]?.place ?? null;
}

export function sameOrganization(organizations: readonly { name: string; aliases: string[] }[]) {
  return (name: string) => organizations.some((o) => [o.name, ...o.aliases].some((n) => nameKey(n) === nameKey(name)));
}
