/**
 * The article document is the commit marker of a load: it is written last, with the text's
 * hash, so an article whose marker is missing or carries another hash is loaded (again) on the
 * next run, whatever state an interrupted load left its entities in.
 */
import type { AnyBulkWriteOperation, Db } from 'mongodb';
import type { ExtractionRecord } from '../extract';
import type { ArticleDocument } from './article.document';
import { COLLECTIONS } from './collection-names';
import { searchKeysOf } from './name-key';
import { articleIdFor } from './stable-id';
import { isDuplicateKeyError, WriteConflictError } from './write-conflict.error';

/** What a loader needs to know about a stored article without reading its text. */
export interface ArticleMarker {
  _id: string;
  contentHash: string;
  title: string | null;
  publishedOn: string | null;
  ingestedAt: Date;
}

function articles(db: Db) {
  return db.collection<ArticleDocument>(COLLECTIONS.articles);
}

/** The stored markers of these sources' articles, by article id (absent: never loaded, or a load never finished). */
export async function findArticleMarkers(db: Db, sources: readonly string[]): Promise<Map<string, ArticleMarker>> {
  const markers = await articles(db)
    .find<ArticleMarker>(
      { _id: { $in: sources.map(articleIdFor) } },
      { projection: { _id: 1, contentHash: 1, title: 1, publishedOn: 1, ingestedAt: 1 } },
    )
    .toArray();
  return new Map(markers.map((marker) => [marker._id, marker]));
}

export function articleDocumentOf(
  record: ExtractionRecord,
  text: string,
  contentHash: string,
  previous: ArticleMarker | null,
  now: Date,
): ArticleDocument {
  const source = record.source.trim();
  return {
    _id: articleIdFor(source),
    source,
    title: record.title,
    publishedOn: record.publishedOn,
    text,
    paragraphs: record.paragraphs,
    contentHash,
    ingestedAt: previous?.ingestedAt ?? now,
    updatedAt: now,
    searchKeys: searchKeysOf([record.title, source]),
  };
}

/** Writes the articles in order, each replacing only the version its load started from. */
export async function writeArticleMarkers(
  db: Db,
  written: ReadonlyArray<{ article: ArticleDocument; previous: ArticleMarker | null }>,
): Promise<void> {
  if (!written.length) return;
  const operations: AnyBulkWriteOperation<ArticleDocument>[] = written.map(({ article, previous }) =>
    previous
      ? { replaceOne: { filter: { _id: article._id, contentHash: previous.contentHash }, replacement: article } }
      : { insertOne: { document: article } },
  );
  const replaces = written.filter((w) => w.previous).length;
  try {
    const result = await articles(db).bulkWrite(operations, { ordered: true });
    if (result.matchedCount !== replaces) throw new WriteConflictError(COLLECTIONS.articles);
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new WriteConflictError(COLLECTIONS.articles);
    throw err;
  }
}
