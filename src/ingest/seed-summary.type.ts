/** What one seed run did, per collection, which files or rows it could not load and why, and which files it decoded. */
import type { EntityCollection, LoadStatus } from '../store';

export interface ChangeCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** A file, or one row of a dataset file, that was not loaded. */
export interface FailedItem {
  /** The file, as named under the directory loaded (or its name, for `--file`). */
  source: string;
  /** For a dataset row: its number, counting from 1 (a CSV header is not a row). */
  row?: number;
  /** For a dataset row: the line of the file where it starts, when the format has lines. */
  line?: number;
  error: string;
}

/** A file that was not UTF-8 and was decoded from `encoding`. */
export interface DecodedFile {
  source: string;
  encoding: string;
}

export interface SeedSummary {
  /** What was loaded: the directory, or the files given. */
  paths: string[];
  /** Files read (article files and dataset files). */
  files: number;
  /** One per article file or dataset row that loaded. */
  articles: ChangeCounts;
  people: ChangeCounts;
  organizations: ChangeCounts;
  offices: ChangeCounts;
  meetings: ChangeCounts;
  failed: FailedItem[];
  decoded: DecodedFile[];
  durationMs: number;
}

export type SeedProgress =
  | { kind: 'start'; files: number; bytes: number }
  | {
      kind: 'article';
      /** Articles (files and rows) settled so far, loaded or failed. */
      done: number;
      failed: number;
      /** Bytes of the input read so far, of `bytesTotal`. */
      bytesDone: number;
      bytesTotal: number;
      /** The article's file, with `#row` for a dataset row. */
      source: string;
      outcome: LoadStatus | 'failed';
      error?: string;
    };

export type SummaryCollection = 'articles' | EntityCollection;
export const SUMMARY_COLLECTIONS: readonly SummaryCollection[] = [
  'articles',
  'people',
  'organizations',
  'offices',
  'meetings',
];

/** How a failed item is named to a person: `news.csv row 17 (line 18)`, or the file alone. */
export function describeFailedItem(item: Omit<FailedItem, 'error'>): string {
  if (item.row === undefined) return item.source;
  return `${item.source} row ${item.row}${item.line !== undefined ? ` (line ${item.line})` : ''}`;
}

/** `1 article`, `3 articles`, `1,204 people`. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}
