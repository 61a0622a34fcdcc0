/**
 * Turns the words naming an office's jurisdiction into its plainest name: demonyms and
 * possessives to countries (`Iraqi`, `Iraq's` -> `Iraq`), party forms to the party, bodies
 * to the organization's name. When the text names none, state posts take the country the
 * article is about and `Regional` posts the region it is about.
 */
import type { Sentence } from '../text/sentence.splitter';
import type { OrganizationEntity } from '../organizations/organization.recognizer';
import { cityOfVenue, countryCodeOf, countryOf, countryOfCity } from '../lexicon/place.lexicon';
import type { JurisdictionRef } from '../extraction-record.type';
import { isCalendarWord, isOrganizationHead, partyOf } from '../lexicon/entity-word.lexicon';
import { isFormerMarker, isTitleWord } from '../lexicon/title.lexicon';
import { nameKey } from '../lexicon/name.normalizer';
import { chunksOf } from '../people/proper-noun.chunker';
import { regionOf } from '../lexicon/region.lexicon';

export interface JurisdictionContext {
  /** The body the article is about, when one is named clearly more than any other, for a post named without its body. */
  organization: string | null;
  /** The country of the dateline's place (`ROME, March 5 -` -> Italy), or null. */
  datelineCountry: string | null;
  /** The country the article mentions most (its names, spellings and demonyms counted together). */
  country: string | null;
  /** The region the article mentions most (`Tigray Region`), for `Regional` titles. */
  region: string | null;
  organizations: OrganizationEntity[];
}

const LOCATIVE = new Set(['in', 'at', 'from', 'to']);

function mostFrequent(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/** A country mentioned this many times more than any other, and at least twice, is what the article is about. */
const DOMINANCE = 1.5;
const MIN_MENTIONS = 2;

/** The most mentioned country, when it clearly leads: a near tie says the article is about two. */
function dominant(counts: Map<string, number>): string | null {
  const ranked = [...counts.values()].sort((a, b) => b - a);
  if (!ranked.length || ranked[0] < MIN_MENTIONS || (ranked.length > 1 && ranked[0] < DOMINANCE * ranked[1]))
    return null;
  return mostFrequent(counts);
}

/** Nouns for a state's people and organs: a country named before them is the state a sentence speaks of. */
// prettier-ignore
const STATE_ORGANS = new Set([
  'government', 'administration', 'delegation', 'officials', 'authorities', 'cabinet', 'ministers', 'embassy',
  'leader', 'leaders', 'treasury', 'parliament', 'envoy', 'diplomats',
]);

/**
 * The one state a sentence speaks of through its organs (`... the UK government delegation`,
 * `US officials said`), or null when it names none or several. A country named otherwise (`Iran
 * arms sales`, `flew to Riyadh`) says nothing of whose posts the sentence's titles are.
 */
export function soleCountryOf(s: Sentence): string | null {
  const found = new Set<string>();
  for (const chunk of chunksOf(s, false)) {
    const country = countryOf(chunk.text);
    const next = s.words[chunk.to];
    // `the UK government delegation`, `India would strike`: the state through its organs, or acting itself
    const acting = !!next && /^(?:would|will|has|had|said|says|is|was|could|must)$/.test(next.text);
    if (country && (STATE_ORGANS.has(next?.lower ?? '') || acting)) found.add(country);
  }
  return found.size === 1 ? [...found][0] : null;
}

/** The party a label on a person or post stands for (`Republican`, `Tory`, `Democratic`), by its full name. */
export function partyOfLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  return (partyOf(label) ?? partyOf(`${label} Party`))?.name ?? null;
}

export function jurisdictionContext(
  sentences: Sentence[],
  headline: string | null,
  organizations: OrganizationEntity[],
  datelinePlace: string | null = null,
): JurisdictionContext {
  const countries = new Map<string, number>();
  const regions = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const word of (headline ?? '').split(/[\s,:;]+/)) {
    const country = countryOf(word.replace(/[’'‘]s$/, ''));
    if (country) count(countries, country);
  }
  for (const s of sentences) {
    for (const chunk of chunksOf(s, false)) {
      const whole = countryOf(chunk.text);
      if (whole) {
        count(countries, whole);
        continue;
      }
      for (const w of chunk.words) {
        const country = countryOf(w.text);
        if (country) count(countries, country);
      }
      // `in Lyon`: a city where something happens places the article in its country
      const city = LOCATIVE.has(s.words[chunk.from - 1]?.lower ?? '') ? countryOfCity(chunk.text) : null;
      if (city) count(countries, city);
      if (/ Region$/.test(chunk.text)) count(regions, chunk.text);
    }
  }
  // a party that stands in one country only places the article there
  for (const o of organizations) {
    const party = partyOf(o.name);
    if (party?.country) countries.set(party.country, (countries.get(party.country) ?? 0) + o.mentions.length);
  }
  const datelineCountry = datelinePlace ? (countryOfCity(datelinePlace) ?? countryOf(datelinePlace)) : null;
  const bodies = new Map(organizations.filter((o) => !partyOf(o.name)).map((o) => [o.name, o.mentions.length]));
  return {
    country: dominant(countries),
    region: mostFrequent(regions),
    organizations,
    datelineCountry,
    organization: dominant(bodies),
  };
}

/** The plainest name of a written jurisdiction (`Iraq's` -> `Iraq`, `FDP` -> `Farmers Democratic Party`). */
/** Words that never name a jurisdiction on their own: a weekday, a month, a title, a marker of time. */
function namesNothing(text: string): boolean {
  return text
    .split(/\s+/)
    .every(
      (w) =>
        isCalendarWord(w) ||
        isTitleWord(w) ||
        isFormerMarker(w) ||
        /^(?:now|then|earlier|since|new|meanwhile|today|yesterday|tomorrow|tonight)$/i.test(w),
    );
}

/**
 * The plainest name of a written jurisdiction (`Iraq's` -> `Iraq`, `FDP` -> `Farmers Democratic Party`,
 * `Iran's Revolutionary Guards` -> the Guards when the article names them as a body), or null when
 * the words name nothing a post can belong to.
 */
export function plainJurisdiction(written: string, context: JurisdictionContext): string | null {
  // `Economic Community of West African States (ECOWAS) Commission`: the body spelled out before its acronym
  const bracketed = /^(.+?)\s*\(\s*\p{Lu}[\p{Lu}\d&]+\s*\)/u.exec(written);
  if (bracketed) return plainJurisdiction(bracketed[1], context);
  const parts = written.split(/\s*[’']s\s+/);
  if (parts.length > 1) {
    const [owner, ...rest] = parts;
    const body = plainJurisdiction(rest.join("'s "), context);
    const known = body && context.organizations.some((o) => o.name === body);
    return known ? body : (plainJurisdiction(owner, context) ?? body);
  }
  const bare = written
    .replace(/^the\s+/i, '')
    .replace(/^(?:ex|former)-/i, '')
    .replace(/\s*[’']s?$/, '')
    .trim();
  if (!bare || namesNothing(bare)) return null;
  // `Downing Street communications chief`: a seat of government stands for its country
  const seat = cityOfVenue(bare);
  if (seat) return countryOfCity(seat);
  const country = countryOf(bare);
  if (country) return country;
  const party = partyOf(bare);
  if (party) return party.name;
  const key = nameKey(bare);
  const organization = context.organizations.find(
    (o) => nameKey(o.name) === key || o.aliases.some((a) => nameKey(a) === key),
  );
  return organization ? organization.name : bare;
}

/** The entity a plain jurisdiction name stands for: a country with its ISO code, else a body of the article, else a region. */
export function jurisdictionRefOf(plain: string | null, context: JurisdictionContext): JurisdictionRef | null {
  if (!plain) return null;
  const country = countryOf(plain);
  if (country) return { kind: 'country', name: country, code: countryCodeOf(country) };
  const region = regionOf(plain);
  if (region) return { kind: 'region', name: region.name, code: region.code };
  const key = nameKey(plain);
  const organization =
    partyOf(plain) ??
    context.organizations.find((o) => nameKey(o.name) === key || o.aliases.some((a) => nameKey(a) === key));
  if (organization) return { kind: 'organization', name: organization.name, code: null };
  // `European Parliament`, `Scottish Assembly`: a body by its head word, though the article names it only here
  const head = plain.split(' ').pop() ?? '';
  return { kind: isOrganizationHead(head) ? 'organization' : 'region', name: plain, code: null };
}
