/**
 * Loads every article file under a directory, a small batch at a time (memory stays flat however
 * many files there are), reporting progress and collecting the files it could not load with the
 * reason. A file that cannot be read or extracted is skipped; a database failure stops the run.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from 'mongodb';
import { COLLECTIONS, countLiveEntities, ensureIndexes, resetStore, type EntityCollection } from '../store';
import { readArticleFile, type ArticleFile } from './article-file.reader';
import { ingestArticles } from './article.ingester';
import { articleFilePaths, countArticleFiles } from './article-files.walker';
import { EntityChangeTally } from './entity-change.tally';
import type { ChangeCounts, FailedFile, SeedProgress, SeedSummary } from './seed-summary.type';

export interface SeedOptions {
  dir: string;
  /** Empty the store first (to reload everything, e.g. after the extractor improved). */
  reset?: boolean;
  onProgress?: (event: SeedProgress) => void;
}

/** Throws with a message naming the directory when it does not exist or is not one. */
export async function requireSeedDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new Error(`seed directory "${dir}" does not exist`);
  if (!info.isDirectory()) throw new Error(`"${dir}" is not a directory`);
}

/** Files are loaded in small batches: fewer round trips, and still only a few texts in memory. */
const BATCH_FILES = 32;
const BATCH_TEXT_BYTES = 8 * 2 ** 20;

export async function seedDirectory(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const dir = path.resolve(options.dir);
  await requireSeedDirectory(dir);
  if (options.reset) await resetStore(db);
  else await ensureIndexes(db);

  const total = await countArticleFiles(dir);
  options.onProgress?.({ kind: 'start', total });
  const articles: ChangeCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const tally = new EntityChangeTally();
  const failed: FailedFile[] = [];
  let done = 0;

  let batch: ArticleFile[] = [];
  let batchBytes = 0;
  const flush = async () => {
    const readable = batch.filter((file): file is ArticleFile & { ok: true } => file.ok);
    const { outcomes, changes } = await ingestArticles(
      db,
      readable.map((file) => ({ source: file.source, text: file.text })),
    );
    tally.record(changes);
    const readOutcomes = outcomes.values();
    for (const file of batch) {
      const outcome = file.ok ? readOutcomes.next().value! : { ok: false as const, error: file.error };
      done++;
      if (outcome.ok) {
        articles[outcome.status]++;
        options.onProgress?.({ kind: 'file', done, total, source: file.source, outcome: outcome.status });
      } else {
        failed.push({ source: file.source, error: outcome.error });
        options.onProgress?.({
          kind: 'file',
          done,
          total,
          source: file.source,
          outcome: 'failed',
          error: outcome.error,
        });
      }
    }
    batch = [];
    batchBytes = 0;
  };
  for await (const filePath of articleFilePaths(dir)) {
    const file = await readArticleFile(filePath);
    // The path under the seed directory, with `/`, names the article: files in subdirectories stay apart.
    const source = path.relative(dir, filePath).split(path.sep).join('/');
    batch.push({ ...file, source });
    batchBytes += file.ok ? file.text.length : 0;
    if (batch.length >= BATCH_FILES || batchBytes >= BATCH_TEXT_BYTES) await flush();
  }
  if (batch.length) await flush();

  const entityCounts = async (name: EntityCollection) => tally.counts(name, await countLiveEntities(db, name));
  return {
    dir,
    files: done,
    articles,
    people: await entityCounts('people'),
    organizations: await entityCounts('organizations'),
    offices: await entityCounts('offices'),
    meetings: await entityCounts('meetings'),
    failed,
    durationMs: Date.now() - started,
  };
}

/**
 * Loads the directory only into an empty store (what `serve` does at start); null when the store
 * already holds articles, or when there is no such directory (a server without seeds still serves).
 */
export async function ensureSeeded(
  db: Db,
  dir: string,
  log: (message: string) => void = () => undefined,
): Promise<SeedSummary | null> {
  await ensureIndexes(db);
  if ((await db.collection(COLLECTIONS.articles).estimatedDocumentCount()) > 0) return null;
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    log(`newsgraph: the database is empty and there is no seed directory ${dir}; starting empty`);
    return null;
  }
  log(`newsgraph: the database is empty; loading articles from ${dir}`);
  const summary = await seedDirectory(db, { dir });
  log(
    `newsgraph: loaded ${summary.articles.added} articles (${summary.people.added} people, ${summary.offices.added} offices, ` +
      `${summary.meetings.added} meetings) in ${(summary.durationMs / 1000).toFixed(1)} s` +
      (summary.failed.length
        ? `; ${summary.failed.length} file(s) failed: ${summary.failed.map((f) => `${f.source} (${f.error})`).join(', ')}`
        : ''),
  );
  return summary;
}
