/**
 * Loads extraction records into the store, a batch of articles at a time: each new article
 * version is written as a draft, the batch is appended to the load log as one entry, and the
 * entry is applied in log order (see `load.applier.ts`), taking the articles' old facts out of
 * every aggregate and putting their new ones in, article by article. Loading the same records
 * again changes nothing; a load cut short at any point is completed by the next loader.
 */
import type { Db } from 'mongodb';
import type { ExtractionRecord } from '../../extract';
import { COLLECTIONS } from '../collection-names';
import type { ArticleDocument } from '../documents/article.document';
import { articleIdFor } from '../identity/stable-id';
import { StoreInputError } from '../store-input.error';
import { draftOf } from './article-draft';
import { applyLoad, loadsAppliedThrough } from './load.applier';
import type { LoadItem } from './load-entry.document';
import type { EntityChangeIds, EntityChanges, LoadStatus } from './load-plan.type';

/** What a loader needs to know about a stored article without reading its text. */
export interface ArticleMarker {
  _id: string;
  version: string | null;
  contentHash: string;
  title: string | null;
  publishedOn: string | null;
  ingestedAt: Date;
  /** The load-log entry that wrote it. */
  seq: number;
}

/** One article to load; `marker` is what the caller just read of its stored version (null: none), if it did. */
export interface ExtractionToLoad {
  record: ExtractionRecord;
  text: string;
  marker?: ArticleMarker | null;
}

export interface BatchLoadResult {
  articles: Array<{ articleId: string; status: LoadStatus }>;
  /** What the batch as a whole did to the entities. */
  changes: EntityChanges;
}

export interface LoadResult {
  articleId: string;
  status: LoadStatus;
  changes: EntityChanges;
}

export interface RemovalResult {
  articleId: string;
  /** `absent`: there was no such article. */
  status: 'removed' | 'absent';
  changes: EntityChanges;
}

function noChanges(): EntityChanges {
  const none = (): EntityChangeIds => ({ added: [], updated: [], removed: [] });
  return { people: none(), organizations: none(), offices: none(), meetings: none() };
}

/** The result for an article the store already holds in this exact version. */
export function unchangedLoad(articleId: string): LoadResult {
  return { articleId, status: 'unchanged', changes: noChanges() };
}

/**
 * The stored markers of these sources' articles (removed ones included), by article id, once the
 * loads that wrote them are complete: an article found in the version at hand is left alone, so
 * the entry that stored it must not be one a killed loader left half-applied.
 */
export async function findArticleMarkers(db: Db, sources: readonly string[]): Promise<Map<string, ArticleMarker>> {
  const markers = await db
    .collection<ArticleDocument>(COLLECTIONS.articles)
    .find<ArticleMarker>(
      { _id: { $in: sources.map(articleIdFor) } },
      { projection: { _id: 1, version: 1, contentHash: 1, title: 1, publishedOn: 1, ingestedAt: 1, seq: 1 } },
    )
    .toArray();
  const newest = Math.max(0, ...markers.map((marker) => marker.seq));
  if (newest > 0) await loadsAppliedThrough(db, newest);
  return new Map(markers.map((marker) => [marker._id, marker]));
}

/**
 * Loads a batch of articles (distinct sources) as if one by one, in order. The batches one
 * process loads at once are applied in the order of the calls, so a loader may hand over its
 * next batch before the last one is loaded (it is planned while the last one is written).
 */
export async function loadExtractions(db: Db, items: readonly ExtractionToLoad[]): Promise<BatchLoadResult> {
  if (!items.length) return { articles: [], changes: noChanges() };
  const now = new Date();
  const drafts = items.map((item) => draftOf(item.record, item.text, now));
  if (new Set(drafts.map((d) => d.articleId)).size !== drafts.length)
    throw new StoreInputError('a batch cannot hold the same article twice');
  const given = items.every((item) => item.marker !== undefined);
  const stored = given
    ? new Map(items.flatMap((item) => (item.marker ? [[item.marker._id, item.marker] as const] : [])))
    : await findArticleMarkers(
        db,
        drafts.map((d) => d.source),
      );
  const changing = drafts.filter((d) => stored.get(d.articleId)?.version !== d.version);
  if (!changing.length)
    return { articles: drafts.map((d) => ({ articleId: d.articleId, status: 'unchanged' })), changes: noChanges() };

  const entryItems: LoadItem[] = changing.map((d) => ({
    kind: 'load',
    articleId: d.articleId,
    source: d.source,
    version: d.version,
    draftId: d._id,
  }));
  const plan = await applyLoad(db, entryItems, changing);
  const statusOf = new Map(plan.articles.map((a) => [a.articleId, a.status as LoadStatus]));
  return {
    articles: drafts.map((d) => ({ articleId: d.articleId, status: statusOf.get(d.articleId) ?? 'unchanged' })),
    changes: plan.changes,
  };
}

export async function loadExtraction(
  db: Db,
  record: ExtractionRecord,
  article: { text: string; marker?: ArticleMarker | null },
): Promise<LoadResult> {
  const result = await loadExtractions(db, [{ record, text: article.text, marker: article.marker }]);
  return { ...result.articles[0], changes: result.changes };
}

/** Takes an article and exactly its facts out of the store. */
export async function removeArticle(db: Db, source: string): Promise<RemovalResult> {
  const trimmed = source.trim();
  if (!trimmed) throw new StoreInputError('removing an article needs its source');
  const articleId = articleIdFor(trimmed);
  const plan = await applyLoad(db, [{ kind: 'remove', articleId, source: trimmed }]);
  return { articleId, status: plan.articles[0].status === 'removed' ? 'removed' : 'absent', changes: plan.changes };
}
