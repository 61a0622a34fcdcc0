/**
 * Extraction records for store tests, built the way the extractor builds them: an article text
 * made of sentences, and facts whose evidence are spans of that text (the loader refuses any
 * other). `say(sentence)` is the evidence of a sentence of the text.
 */
import type {
  DatePrecision,
  Evidence,
  ExtractionRecord,
  JurisdictionRef,
  MeetingFact,
  OfficeFact,
  PersonFact,
} from '../../src/extract';

export interface ArticleFixture {
  record: ExtractionRecord;
  text: string;
}

export type Say = (sentence: string) => Evidence[];

export function article(
  source: string,
  sentences: readonly string[],
  facts: (say: Say) => Partial<ExtractionRecord>,
): ArticleFixture {
  const text = `${sentences.join(' ')}\n`;
  const say: Say = (sentence) => {
    const start = text.indexOf(sentence);
    if (start < 0) throw new Error(`"${sentence}" is not a sentence of ${source}`);
    return [{ text: sentence, start, end: start + sentence.length }];
  };
  return {
    text,
    record: {
      source,
      title: null,
      publishedOn: null,
      referenceDate: null,
      paragraphs: [{ start: 0, end: text.length - 1 }],
      people: [],
      organizations: [],
      offices: [],
      affiliations: [],
      meetings: [],
      ...facts(say),
    },
  };
}

export const person = (name: string, evidence: Evidence[], aliases: string[] = [], mentions = 1): PersonFact => ({
  name,
  aliases,
  mentions,
  evidence,
});

const COUNTRY_CODES: Record<string, string> = { Iraq: 'IQ', 'United States': 'US', Kenya: 'KE', France: 'FR' };

/** An office fact; a known country gets its ISO code, anything else is a region (or the given kind). */
export function office(
  holder: string,
  title: string,
  jurisdiction: string | null,
  evidence: Evidence[],
  kind: JurisdictionRef['kind'] = COUNTRY_CODES[jurisdiction ?? ''] ? 'country' : 'region',
): OfficeFact {
  return {
    holder,
    title,
    jurisdiction,
    canonicalTitle: title,
    jurisdictionRef: jurisdiction ? { kind, name: jurisdiction, code: COUNTRY_CODES[jurisdiction] ?? null } : null,
    evidence,
  };
}

const PRECISION: Record<number, DatePrecision> = { 4: 'year', 7: 'month', 10: 'day' };

export const meeting = (
  participants: string[],
  date: string | null,
  location: string | null,
  evidence: Evidence[],
): MeetingFact => ({
  date,
  datePrecision: date ? PRECISION[date.length] : null,
  location,
  participants,
  roles: [],
  evidence,
});
