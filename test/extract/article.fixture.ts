/** Runs the whole extractor on a body of text under a throw-away headline, as the tests' common input. */
import { extractArticle, type ExtractionRecord } from '../../src/extract';

export function extractBody(body: string, options: { publishedOn?: string; headline?: string } = {}): ExtractionRecord {
  return extractArticle({
    source: 'test.txt',
    text: `${options.headline ?? 'Headline'}\n\n${body}\n`,
    publishedOn: options.publishedOn ?? null,
  });
}

export function officesOf(record: ExtractionRecord): string[] {
  return record.offices.map((o) => `${o.holder} | ${o.title} | ${o.jurisdiction}`);
}

export function meetingsOf(
  record: ExtractionRecord,
): Array<{ participants: string[]; date: string | null; location: string | null }> {
  return record.meetings.map((m) => ({ participants: [...m.participants].sort(), date: m.date, location: m.location }));
}
