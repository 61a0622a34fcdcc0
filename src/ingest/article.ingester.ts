/**
 * Articles from text to store: check each is text, skip those the store already holds in this
 * exact version, extract the others' facts (on the extraction pool's threads) and load them as one
 * batch. The seed loader and the `ingestArticle` mutation both come through here, so both store an
 * article the same way.
 */
import type { Db } from 'mongodb';
import {
  articleIdFor,
  contentHashOf,
  findArticleMarkers,
  loadExtractions,
  unchangedLoad,
  type EntityChanges,
  type ExtractionToLoad,
  type LoadResult,
  type LoadStatus,
} from '../store';
import { ArticleInputError } from './article-input.error';
import { decodeArticleBytes } from './article-file.reader';
import { ExtractionQueueFullError } from './extraction-limit.errors';
import { sharedExtractionPool, type ExtractionPool } from './extraction.pool';

export interface ArticleSubmission {
  /** The article's name (a file name for seeds); the same source again replaces the article. */
  source: string;
  text: string;
  title?: string | null;
  /** ISO `YYYY-MM-DD`. */
  publishedOn?: string | null;
}

export type IngestOutcome =
  | { ok: true; source: string; articleId: string; status: LoadStatus }
  /** `input`: the submission is not an article (the caller can fix it); `extraction`: the extractor failed on it. */
  | { ok: false; source: string; reason: 'input' | 'extraction'; error: string };

export interface BatchIngestResult {
  /** One per submission, in order. */
  outcomes: IngestOutcome[];
  changes: EntityChanges;
}

const MAX_SOURCE_LENGTH = 500;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function validated(input: ArticleSubmission): Required<ArticleSubmission> {
  const source = input.source.trim();
  if (!source) throw new ArticleInputError('the article needs a source (a name such as "reuters-2020-07-29.txt")');
  if (source.length > MAX_SOURCE_LENGTH)
    throw new ArticleInputError(`the source is ${source.length} characters long; use at most ${MAX_SOURCE_LENGTH}`);
  const publishedOn = input.publishedOn?.trim() || null;
  if (publishedOn !== null && !ISO_DATE.test(publishedOn)) {
    throw new ArticleInputError(`publishedOn "${publishedOn}" is not a date in the form YYYY-MM-DD`);
  }
  const decoded = decodeArticleBytes(source, Buffer.from(input.text, 'utf8'));
  if (!decoded.ok) throw new ArticleInputError(`article "${source}": ${decoded.error.replace(/^file/, 'text')}`);
  return { source, text: decoded.text, title: input.title?.trim() || null, publishedOn };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A batch checked, settled against the store and extracted: what is left is to load it. */
export interface PreparedBatch {
  /** One per submission: set for those already settled (refused, failed, or unchanged). */
  outcomes: Array<IngestOutcome | null>;
  /** The extracted articles, with their places among the submissions. */
  toLoad: Array<{ index: number; item: ExtractionToLoad }>;
}

/**
 * Checks several articles with distinct sources, settles those the store holds in this exact
 * version and extracts the others on the pool's threads (all at once). A bad one fails alone,
 * with its reason. Throws `ExtractionQueueFullError`, having stored nothing, when the pool cannot
 * take them now. Nothing is written: `loadPreparedArticles` does that.
 */
export async function prepareArticles(
  db: Db,
  submissions: readonly ArticleSubmission[],
  pool: ExtractionPool = sharedExtractionPool(),
): Promise<PreparedBatch> {
  const outcomes: Array<IngestOutcome | null> = submissions.map(() => null);
  const valid: Array<{ index: number; article: Required<ArticleSubmission> }> = [];
  submissions.forEach((submission, index) => {
    try {
      valid.push({ index, article: validated(submission) });
    } catch (err) {
      if (!(err instanceof ArticleInputError)) throw err;
      outcomes[index] = { ok: false, source: submission.source, reason: 'input', error: err.message };
    }
  });

  const markers = await findArticleMarkers(
    db,
    valid.map((v) => v.article.source),
  );
  const extracting: Array<Promise<{ index: number; item: ExtractionToLoad } | null>> = [];
  for (const { index, article } of valid) {
    const articleId = articleIdFor(article.source);
    const marker = markers.get(articleId) ?? null;
    const sameVersion =
      marker !== null &&
      marker.contentHash === contentHashOf(article.text) &&
      (article.title === null || article.title === marker.title) &&
      (article.publishedOn === null || article.publishedOn === marker.publishedOn);
    if (sameVersion) {
      outcomes[index] = { ok: true, source: article.source, articleId, status: 'unchanged' };
      continue;
    }
    extracting.push(
      pool.extract(article).then(
        (record) => ({ index, item: { record, text: article.text, marker } }),
        (err: unknown) => {
          if (err instanceof ExtractionQueueFullError) throw err;
          outcomes[index] =
            err instanceof ArticleInputError
              ? { ok: false, source: article.source, reason: 'input', error: err.message }
              : {
                  ok: false,
                  source: article.source,
                  reason: 'extraction',
                  error: `extraction failed: ${messageOf(err)}`,
                };
          return null;
        },
      ),
    );
  }
  const settled = await Promise.allSettled(extracting);
  const queueFull = settled.find((s) => s.status === 'rejected');
  if (queueFull) throw (queueFull as PromiseRejectedResult).reason;
  return { outcomes, toLoad: settled.flatMap((s) => (s.status === 'fulfilled' && s.value ? [s.value] : [])) };
}

/** Loads a prepared batch as one batch of the store. */
export async function loadPreparedArticles(db: Db, { outcomes, toLoad }: PreparedBatch): Promise<BatchIngestResult> {
  const loaded = await loadExtractions(
    db,
    toLoad.map((l) => l.item),
  );
  const all = [...outcomes];
  toLoad.forEach(({ index, item }, i) => {
    all[index] = { ok: true, source: item.record.source, ...loaded.articles[i] };
  });
  return { outcomes: all as IngestOutcome[], changes: loaded.changes };
}

/** Ingests several articles with distinct sources: `prepareArticles`, then `loadPreparedArticles`. */
export async function ingestArticles(
  db: Db,
  submissions: readonly ArticleSubmission[],
  pool: ExtractionPool = sharedExtractionPool(),
): Promise<BatchIngestResult> {
  return loadPreparedArticles(db, await prepareArticles(db, submissions, pool));
}

/**
 * Ingests one article; a submission that is not an article (or takes longer than the pool's
 * budget) raises `ArticleInputError` with what to fix, a full pool `ExtractionQueueFullError`.
 */
export async function ingestArticle(
  db: Db,
  input: ArticleSubmission,
  pool: ExtractionPool = sharedExtractionPool(),
): Promise<LoadResult> {
  const { outcomes, changes } = await ingestArticles(db, [input], pool);
  const outcome = outcomes[0];
  if (!outcome.ok) throw outcome.reason === 'input' ? new ArticleInputError(outcome.error) : new Error(outcome.error);
  return outcome.status === 'unchanged'
    ? unchangedLoad(outcome.articleId)
    : { articleId: outcome.articleId, status: outcome.status, changes };
}
