export interface ArticleDocument {
  /** Stable id derived from the normalized source name. */
  _id: string;
  source: string;
  title: string | null;
  /** ISO date (`YYYY-MM-DD`) or null. */
  publishedOn: string | null;
  text: string;
  paragraphs: Array<{ start: number; end: number }>;
  /** sha256 of the text; an unchanged hash means a reload changes nothing. */
  contentHash: string;
  ingestedAt: Date;
  updatedAt: Date;
  /** Lower-cased, diacritic-free forms of the title and source, matched by anchored prefix in search. */
  searchKeys: string[];
}

/**
 * What lists, search and relations read of an article: everything but its text, which is most
 * of the document and is loaded on its own only when a query asks for the text or paragraphs.
 */
export const ARTICLE_METADATA_PROJECTION = { text: 0, paragraphs: 0 } as const;

export type ArticleMetadata = Omit<ArticleDocument, 'text' | 'paragraphs'>;

export type ArticleText = Pick<ArticleDocument, '_id' | 'text' | 'paragraphs'>;
