/** Read queries over `articles`: pages by publication date or source, and lookups by id and source. */
import type { Db, Filter } from 'mongodb';
import type { ArticleDocument } from './article.document';
import { BATCH_READ_OPTIONS } from './batch-read.options';
import { COLLECTIONS } from './collection-names';
import { findPage, type Page, type PageRequest, type SortSpec } from './cursor.pagination';
import { searchKeyFilter } from './search-key.filter';

export interface ArticlesFilter {
  /** Matches the start of any word of the title or source. */
  text?: string | null;
  /** Inclusive ISO dates (`YYYY-MM-DD`) on `publishedOn`. */
  publishedFrom?: string | null;
  publishedTo?: string | null;
}

function articles(db: Db) {
  return db.collection<ArticleDocument>(COLLECTIONS.articles);
}

export function findArticlesPage(
  db: Db,
  filter: ArticlesFilter,
  sort: SortSpec,
  request: PageRequest,
): Promise<Page<ArticleDocument>> {
  const query: Filter<ArticleDocument> = {};
  if (filter.text != null) Object.assign(query, searchKeyFilter(filter.text));
  if (filter.publishedFrom != null || filter.publishedTo != null) {
    query.publishedOn = {
      ...(filter.publishedFrom != null ? { $gte: filter.publishedFrom } : {}),
      ...(filter.publishedTo != null ? { $lte: filter.publishedTo } : {}),
    };
  }
  return findPage(articles(db), query, sort, request);
}

export function findArticlesByIds(db: Db, ids: readonly string[]): Promise<ArticleDocument[]> {
  return articles(db).find({ _id: { $in: [...ids] } }, BATCH_READ_OPTIONS).toArray();
}

export function findArticlesBySources(db: Db, sources: readonly string[]): Promise<ArticleDocument[]> {
  return articles(db).find({ source: { $in: [...sources] } }, BATCH_READ_OPTIONS).toArray();
}

export function searchArticles(db: Db, text: string, limit: number): Promise<ArticleDocument[]> {
  return articles(db).find(searchKeyFilter(text)).sort({ publishedOn: -1, _id: 1 }).limit(limit).toArray();
}
