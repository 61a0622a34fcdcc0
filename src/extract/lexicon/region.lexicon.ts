/**
 * Subnational regions the news names as places and jurisdictions: the states of the United States
 * and Australia, the provinces of Canada, and regions of elsewhere that news treats like states,
 * with their countries and ISO 3166-2 codes where they have them.
 */
import { foldForLookup, memoizeWord } from './name.normalizer';

export interface Region {
  name: string;
  country: string;
  /** ISO 3166-2, or null. */
  code: string | null;
}

// prettier-ignore
const US_STATES: Record<string, string> = {
  Alabama: 'AL', Alaska: 'AK', Arizona: 'AZ', Arkansas: 'AR', California: 'CA', Colorado: 'CO', Connecticut: 'CT',
  Delaware: 'DE', Florida: 'FL', Georgia: 'GA', Hawaii: 'HI', Idaho: 'ID', Illinois: 'IL', Indiana: 'IN', Iowa: 'IA',
  Kansas: 'KS', Kentucky: 'KY', Louisiana: 'LA', Maine: 'ME', Maryland: 'MD', Massachusetts: 'MA', Michigan: 'MI',
  Minnesota: 'MN', Mississippi: 'MS', Missouri: 'MO', Montana: 'MT', Nebraska: 'NE', Nevada: 'NV', 'New Hampshire': 'NH',
  'New Jersey': 'NJ', 'New Mexico': 'NM', 'New York State': 'NY', 'North Carolina': 'NC', 'North Dakota': 'ND', Ohio: 'OH',
  Oklahoma: 'OK', Oregon: 'OR', Pennsylvania: 'PA', 'Rhode Island': 'RI', 'South Carolina': 'SC', 'South Dakota': 'SD',
  Tennessee: 'TN', Texas: 'TX', Utah: 'UT', Vermont: 'VT', Virginia: 'VA', 'Washington State': 'WA',
  'West Virginia': 'WV', Wisconsin: 'WI', Wyoming: 'WY', 'District of Columbia': 'DC',
};
// prettier-ignore
const CANADIAN_PROVINCES: Record<string, string> = {
  Alberta: 'AB', 'British Columbia': 'BC', Manitoba: 'MB', 'New Brunswick': 'NB', 'Newfoundland and Labrador': 'NL',
  'Nova Scotia': 'NS', Ontario: 'ON', 'Prince Edward Island': 'PE', Quebec: 'QC', Saskatchewan: 'SK',
};
// prettier-ignore
const AUSTRALIAN_STATES: Record<string, string> = {
  'New South Wales': 'NSW', Queensland: 'QLD', 'South Australia': 'SA', Tasmania: 'TAS', Victoria: 'VIC',
  'Western Australia': 'WA', 'Northern Territory': 'NT',
};
/** Regions elsewhere that news names like states, by their countries. */
// prettier-ignore
const OTHER_REGIONS: Record<string, string> = {
  'Kurdistan Region': 'Iraq', Catalonia: 'Spain', Bavaria: 'Germany', Tibet: 'China', Xinjiang: 'China',
  Kashmir: 'India', Punjab: 'India', Chechnya: 'Russia', Dagestan: 'Russia', Crimea: 'Ukraine', Donbas: 'Ukraine',
  Darfur: 'Sudan', Tigray: 'Ethiopia', Kurdistan: 'Iraq', Flanders: 'Belgium', Wallonia: 'Belgium', Corsica: 'France',
  Sicily: 'Italy', Sardinia: 'Italy', Lombardy: 'Italy', Andalusia: 'Spain', Scotland: 'United Kingdom',
  Wales: 'United Kingdom', 'Northern Ireland': 'United Kingdom', England: 'United Kingdom',
};

let regions: Map<string, Region> | null = null;

function regionTable(): Map<string, Region> {
  if (!regions) {
    regions = new Map();
    const add = (name: string, country: string, code: string | null) =>
      regions!.set(foldForLookup(name), { name, country, code });
    for (const [name, code] of Object.entries(US_STATES)) add(name, 'United States', `US-${code}`);
    for (const [name, code] of Object.entries(CANADIAN_PROVINCES)) add(name, 'Canada', `CA-${code}`);
    for (const [name, code] of Object.entries(AUSTRALIAN_STATES)) add(name, 'Australia', `AU-${code}`);
    for (const [name, country] of Object.entries(OTHER_REGIONS)) add(name, country, null);
  }
  return regions;
}

/** The region a name stands for (`Iowa`, `Quebec`, `Kurdistan Region`), or null. */
export const regionOf = memoizeWord((form: string): Region | null => regionTable().get(foldForLookup(form)) ?? null);
