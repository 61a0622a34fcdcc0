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
