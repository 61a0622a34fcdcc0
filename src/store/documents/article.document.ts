export interface ArticleDocument {
  /** Stable id derived from the normalized source name. */
  _id: string;
  source: string;
  /**
   * The published version (a hash of the text and what was extracted from it): only facts of
   * this version are the article's facts. Null once the article was removed (the document stays
   * as a tombstone, so that a delayed writer can never bring it back).
   */
  version: string | null;
  title: string | null;
  /** ISO date (`YYYY-MM-DD`) or null. */
  publishedOn: string | null;
  text: string;
  paragraphs: Array<{ start: number; end: number }>;
  /** sha256 of the text. */
  contentHash: string;
  ingestedAt: Date;
  updatedAt: Date;
  /** Lower-cased, diacritic-free forms of the title and source, matched by anchored prefix in search. */
  searchKeys: string[];
  /** The load-log entry that last wrote this document. */
  seq: number;
}

/**
 * What lists, search and relations read of an article: everything but its text, which is most
 * of the document and is loaded on its own only when a query asks for the text or paragraphs,
 * what only the loaders and the indexes read (the bookkeeping, the hash, the search keys).
 */
export const ARTICLE_METADATA_PROJECTION = {
  text: 0,
  paragraphs: 0,
  seq: 0,
  contentHash: 0,
  updatedAt: 0,
  searchKeys: 0,
} as const;

export type ArticleMetadata = Omit<
  ArticleDocument,
  'text' | 'paragraphs' | 'seq' | 'contentHash' | 'updatedAt' | 'searchKeys'
>;

export type ArticleText = Pick<ArticleDocument, '_id' | 'text' | 'paragraphs'>;

/** The filter of articles that are published (not removed). */
export const PUBLISHED_ARTICLE = { version: { $type: 'string' } } as const;
