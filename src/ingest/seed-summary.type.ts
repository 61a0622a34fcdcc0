/** What one seed run did, per collection, and which files it could not load and why. */
import type { EntityCollection, LoadStatus } from '../store';

export interface ChangeCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface FailedFile {
  source: string;
  error: string;
}

export interface SeedSummary {
  dir: string;
  files: number;
  articles: ChangeCounts;
  people: ChangeCounts;
  organizations: ChangeCounts;
  offices: ChangeCounts;
  meetings: ChangeCounts;
  failed: FailedFile[];
  durationMs: number;
}

export type SeedProgress =
  | { kind: 'start'; total: number }
  | { kind: 'file'; done: number; total: number; source: string; outcome: LoadStatus | 'failed'; error?: string };

export type SummaryCollection = 'articles' | EntityCollection;
export const SUMMARY_COLLECTIONS: readonly SummaryCollection[] = [
  'articles',
  'people',
  'organizations',
  'offices',
  'meetings',
];
