/**
 * Read queries over `articles`: pages by publication date or source, and lookups by id and source.
 * They return published articles' metadata only; the text, which is most of each document, is read on its own.
 */
import type { Db, Filter } from 'mongodb';
import {
  ARTICLE_METADATA_PROJECTION,
  PUBLISHED_ARTICLE,
  type ArticleDocument,
  type ArticleMetadata,
  type ArticleText,
} from '../documents/article.document';
import { COLLECTIONS } from '../collection-names';
import { searchKeyFilter } from '../identity/search-key.filter';
import { BATCH_READ_OPTIONS } from './batch-read.options';
import { findPage, type Page, type PageRequest, type SortSpec } from './cursor.pagination';

export interface ArticlesFilter {
  /** Matches the start of any word of the title or source. */
  text?: string | null;
  /** Inclusive ISO dates (`YYYY-MM-DD`) on `publishedOn`. */
  publishedFrom?: string | null;
  publishedTo?: string | null;
}

/** A published article's metadata: its version is known. */
export type PublishedArticle = ArticleMetadata & { version: string };

function articles(db: Db) {
  return db.collection<ArticleDocument>(COLLECTIONS.articles);
}

/** The same collection, typed as what `ARTICLE_METADATA_PROJECTION` leaves of its documents. */
function articleMetadata(db: Db) {
  return db.collection<PublishedArticle>(COLLECTIONS.articles);
}

export function findArticlesPage(
  db: Db,
  filter: ArticlesFilter,
  sort: SortSpec,
  request: PageRequest,
): Promise<Page<PublishedArticle>> {
  const query: Filter<PublishedArticle> = { ...PUBLISHED_ARTICLE };
  if (filter.text != null) Object.assign(query, searchKeyFilter(filter.text));
  if (filter.publishedFrom != null || filter.publishedTo != null) {
    query.publishedOn = {
      ...(filter.publishedFrom != null ? { $gte: filter.publishedFrom } : {}),
      ...(filter.publishedTo != null ? { $lte: filter.publishedTo } : {}),
    };
  }
  return findPage(articleMetadata(db), query, sort, request, ARTICLE_METADATA_PROJECTION);
}

const METADATA_BATCH_OPTIONS = { ...BATCH_READ_OPTIONS, projection: ARTICLE_METADATA_PROJECTION } as const;

const TEXT_BATCH_OPTIONS = { ...BATCH_READ_OPTIONS, projection: { text: 1, paragraphs: 1 } } as const;

export function findArticlesByIds(db: Db, ids: readonly string[]): Promise<PublishedArticle[]> {
  return articleMetadata(db)
    .find({ _id: { $in: [...ids] }, ...PUBLISHED_ARTICLE }, METADATA_BATCH_OPTIONS)
    .toArray();
}

export function findArticlesBySources(db: Db, sources: readonly string[]): Promise<PublishedArticle[]> {
  return articleMetadata(db)
    .find({ source: { $in: [...sources] }, ...PUBLISHED_ARTICLE }, METADATA_BATCH_OPTIONS)
    .toArray();
}

export function findArticleTexts(db: Db, ids: readonly string[]): Promise<ArticleText[]> {
  return articles(db)
    .find<ArticleText>({ _id: { $in: [...ids] }, ...PUBLISHED_ARTICLE }, TEXT_BATCH_OPTIONS)
    .toArray();
}
