import type { EvidenceSpan } from './evidence.document';

/**
 * What every fact document has: one statement of one article version, with its evidence.
 * A fact is part of the graph exactly while its article publishes that version; readers check.
 */
export interface FactDocument {
  /** Derived from the article, its version and the fact's position in the extraction record. */
  _id: string;
  articleId: string;
  version: string;
  /** Position of the fact in the article's extraction record. */
  ordinal: number;
  /** When the article shows the fact: its publication date, else its latest meeting date (ISO, or null). */
  date: string | null;
  evidence: EvidenceSpan[];
  /** The load-log entry that wrote it. */
  writtenBy: number;
}
