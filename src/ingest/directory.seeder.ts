/**
 * Loads an archive: every file under a directory, or the files given. A plain-text file is one
 * article; a CSV, TSV, JSON Lines or JSON array file holds one article per row. Articles go in
 * batches (a few batches of text in memory however large the archive; the run's tally and
 * duplicate check keep about 0.7 KB per article), each extracted on the pool's threads
 * while the batches before it are loaded, and handed to the store as soon as it is extracted (the
 * store plans a batch while it writes the one before), so extraction, planning and writing
 * overlap; batches load in archive order. A file or row that cannot be read or extracted is
 * reported with the reason and the rest load; a database failure stops the run.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from 'mongodb';
import {
  COLLECTIONS,
  countLiveEntities,
  ensureIndexes,
  resetStore,
  type EntityCollection,
  type LoadStatus,
} from '../store';
import { prefetchArticleFile, startedAhead, type PrefetchedFile } from './article-files.prefetcher';
import {
  loadPreparedArticles,
  prepareArticles,
  type ArticleSubmission,
  type BatchIngestResult,
} from './article.ingester';
import { articleFilePaths, measureFiles } from './article-files.walker';
import { resolveFields, rowSubmission, type FieldNames } from './dataset-fields.mapping';
import {
  DatasetReadError,
  datasetFormatOf,
  detectFileEncoding,
  readDatasetRows,
  type DatasetFormat,
} from './dataset-rows.reader';
import { EntityChangeTally } from './entity-change.tally';
import { defaultExtractionThreads, ExtractionPool, type ExtractionPoolOptions } from './extraction.pool';
import { GarbageCollectionPacer } from './garbage-collection.pacer';
import {
  countOf,
  describeFailedItem,
  type ChangeCounts,
  type DecodedFile,
  type FailedItem,
  type SeedProgress,
  type SeedSummary,
} from './seed-summary.type';
import { UTF8 } from './text-encoding.detector';

export interface SeedOptions {
  /** Empty the store first (to reload everything, e.g. after the extractor improved). */
  reset?: boolean;
  /** Which dataset columns hold the text, title, date, url and id (defaults fit common exports). */
  fields?: FieldNames;
  /** The extraction pool's time budget per article, thread count or module (tests); defaults fit a load. */
  extraction?: ExtractionPoolOptions;
  /** A pool to extract on instead of one of the run's own (its queue must take three batches: 3,072 articles); left open. */
  pool?: ExtractionPool;
  onProgress?: (event: SeedProgress) => void;
}

/** Throws with a message naming the directory when it does not exist or is not one. */
export async function requireSeedDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new Error(`seed directory "${dir}" does not exist`);
  if (!info.isDirectory()) throw new Error(`"${dir}" is not a directory`);
}

/**
 * Articles are loaded in batches: a batch costs the store a fixed number of commands, and an
 * entity several of its articles name is written once; a few batches of texts stay in memory.
 * A commit rewrites every page it touches, and some pages are touched by every batch (the heavy
 * hitters' entities, the upper levels of each index): 512 rather than 128 articles per batch took 30,000 synthetic articles from 112 to 130
 * articles/s (CPU 13.9 -> 11.3 ms per article) for 70 MB more peak memory; on a store of 100,000
 * synthetic articles, 1,024 rather than 512 took 12,000 more from 103-107 to 117 articles/s
 * (server thread 5.0-5.4 -> 4.5 ms per article) for 90 MB more.
 */
const BATCH_ARTICLES = 1024;
const BATCH_TEXT_CHARACTERS = 8 * 2 ** 20;
/** A batch holds at most this share of the archive's bytes: a small archive too is loaded while it is extracted. */
const MIN_BATCHES = 8;
/** Batches extracted or loaded at once, beyond the one being read: one written, one planned, one extracted. */
const MAX_BATCHES_IN_FLIGHT = 3;

interface BatchInFlight {
  /** Settles once the batch is handed to the store (after the one before it). */
  submitted: Promise<void>;
  /** Settles once the batch is loaded and reported (after the one before it). */
  settled: Promise<void>;
}

interface InputFile {
  path: string;
  /** The name articles from it are stored under. */
  source: string;
}

/** A dataset file is streamed row by row as it loads; an article file is read ahead of the loader. */
type FileContent = { format: DatasetFormat } | { article: Promise<PrefetchedFile> };

function contentOf(input: InputFile): FileContent {
  const format = datasetFormatOf(input.path);
  return format ? { format } : { article: prefetchArticleFile(input.path) };
}

type ItemLabel = Omit<FailedItem, 'error'>;

/** The loader's own heap, like an extraction thread's, holds far more garbage than live data through a long load. */
const LOADER_COLLECTS_EVERY_ARTICLES = 2_000;

/** One run: counts, failures, and the batch being filled. */
class SeedRun {
  readonly articles: ChangeCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  readonly tally = new EntityChangeTally();
  readonly failed: FailedItem[] = [];
  readonly decoded: DecodedFile[] = [];
  files = 0;
  private done = 0;
  private bytesBefore = 0;
  private currentFileBytes: () => number = () => 0;
  /** Sources stored in this run, with where each came from: a second row with the same id or url is refused. */
  private readonly seen = new Map<string, string>();
  private batch: Array<{ label: ItemLabel; submission: ArticleSubmission }> = [];
  private batchCharacters = 0;
  /** Batches being extracted or loaded, oldest first. */
  private readonly inFlight: BatchInFlight[] = [];
  private readonly maxBatchCharacters: number;
  private readonly collections = new GarbageCollectionPacer(LOADER_COLLECTS_EVERY_ARTICLES);

  constructor(
    private readonly db: Db,
    private readonly pool: ExtractionPool,
    private readonly options: SeedOptions,
    private readonly bytesTotal: number,
  ) {
    this.maxBatchCharacters = Math.min(BATCH_TEXT_CHARACTERS, Math.ceil(bytesTotal / MIN_BATCHES));
  }

  /** Loads a dataset's rows, or an article file read ahead. */
  async loadFile(file: InputFile, content: FileContent): Promise<void> {
    this.files++;
    if ('format' in content) {
      await this.loadDataset(file, content.format);
      this.bytesBefore += (await stat(file.path).catch(() => null))?.size ?? 0;
    } else {
      const { file: read, bytes } = await content.article;
      if (!read.ok) this.fail({ source: file.source, error: read.error });
      else {
        if (read.decodedFrom) this.decoded.push({ source: file.source, encoding: read.decodedFrom });
        await this.add({ source: file.source }, { source: file.source, text: read.text });
      }
      this.bytesBefore += bytes;
    }
    this.currentFileBytes = () => 0;
  }

  private async loadDataset(file: InputFile, format: DatasetFormat): Promise<void> {
    const encoding = await detectFileEncoding(file.path).catch((err: Error) => ({
      ok: false as const,
      error: `cannot read file: ${err.message}`,
    }));
    if (!encoding.ok) return this.fail({ source: file.source, error: encoding.error });
    if (encoding.encoding !== UTF8) this.decoded.push({ source: file.source, encoding: encoding.encoding });
    const reading = readDatasetRows(file.path, format, encoding.encoding);
    this.currentFileBytes = reading.bytesRead;
    let rows = 0;
    try {
      for await (const row of reading.rows) {
        rows++;
        const label: ItemLabel = {
          source: file.source,
          row: row.row,
          ...(row.line !== null ? { line: row.line } : {}),
        };
        if ('error' in row) {
          this.fail({ ...label, error: row.error });
          continue;
        }
        // JSON rows may each have their own keys, so every row is mapped; a mapping that does not fit
        // the first row is a mistake in the names, reported once for the file rather than once per row.
        const fields = resolveFields(Object.keys(row.record), this.options.fields ?? {});
        if ('error' in fields) {
          if (rows === 1) return this.fail({ source: file.source, error: fields.error });
          this.fail({ ...label, error: fields.error });
          continue;
        }
        const submission = rowSubmission(row.record, fields, file.source, row.row);
        if ('error' in submission) this.fail({ ...label, error: submission.error });
        else await this.add(label, submission);
      }
    } catch (err) {
      if (!(err instanceof DatasetReadError)) throw err;
      const where = err.line !== null ? ` at line ${err.line}` : '';
      const after = rows ? `; the ${countOf(rows, 'row')} before it were read` : '';
      return this.fail({ source: file.source, error: `${err.message}${where}${after}` });
    } finally {
      reading.close();
    }
    if (rows === 0) this.fail({ source: file.source, error: 'the file holds no rows' });
  }

  private async add(label: ItemLabel, submission: ArticleSubmission): Promise<void> {
    const source = submission.source.trim();
    const first = this.seen.get(source);
    if (first !== undefined) {
      return this.fail({ ...label, error: `"${source}" was already loaded from ${first} in this run; skipped` });
    }
    this.seen.set(source, describeFailedItem(label));
    this.batch.push({ label, submission });
    this.batchCharacters += submission.text.length;
    if (this.batch.length >= BATCH_ARTICLES || this.batchCharacters >= this.maxBatchCharacters) await this.flush();
  }

  /**
   * Starts extracting the batch on the pool's threads now, hands it to the store once it is
   * extracted and the batch before it was handed over (the store loads batches in the order they
   * come), and reports it after the batch before it. Waits while too many batches are in flight,
   * and throws when one of them failed.
   */
  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.batchCharacters = 0;
    if (!batch.length) return;
    const prepared = prepareArticles(
      this.db,
      batch.map((b) => b.submission),
      this.pool,
    );
    const previous = this.inFlight.at(-1);
    let loading!: Promise<BatchIngestResult>;
    const submitted = (async () => {
      const ready = await prepared;
      await previous?.submitted;
      loading = loadPreparedArticles(this.db, ready);
    })();
    const settled = (async () => {
      await submitted;
      const result = await loading;
      await previous?.settled;
      this.settle(batch, result);
    })();
    // Awaited in order below or by `finish`; a failure stops the run there, not as an unhandled rejection.
    submitted.catch(() => undefined);
    settled.catch(() => undefined);
    this.inFlight.push({ submitted, settled });
    while (this.inFlight.length > MAX_BATCHES_IN_FLIGHT) await this.inFlight.shift()!.settled;
  }

  /** Loads what is left, and waits for every batch. */
  async finish(): Promise<void> {
    await this.flush();
    while (this.inFlight.length) await this.inFlight.shift()!.settled;
  }

  /** Waits for the batches in flight, whatever their outcome (the run stopped on an error). */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.inFlight.splice(0).map((b) => b.settled));
  }

  private settle(batch: Array<{ label: ItemLabel }>, { outcomes, changes }: BatchIngestResult): void {
    this.tally.record(changes);
    batch.forEach(({ label }, i) => {
      const outcome = outcomes[i];
      if (!outcome.ok) return this.fail({ ...label, error: outcome.error });
      this.articles[outcome.status]++;
      this.report(label, outcome.status);
    });
    this.collections.handled(batch.length);
  }

  private fail(item: FailedItem): void {
    this.failed.push(item);
    this.report(item, 'failed', item.error);
  }

  private report(label: ItemLabel, outcome: LoadStatus | 'failed', error?: string): void {
    this.done++;
    this.options.onProgress?.({
      kind: 'article',
      done: this.done,
      failed: this.failed.length,
      bytesDone: this.bytesBefore + this.currentFileBytes(),
      bytesTotal: this.bytesTotal,
      source: describeFailedItem(label),
      outcome,
      ...(error !== undefined ? { error } : {}),
    });
  }
}

async function seedFrom(
  db: Db,
  paths: string[],
  inputs: () => AsyncIterable<InputFile>,
  options: SeedOptions,
): Promise<SeedSummary> {
  const started = Date.now();
  if (options.reset) await resetStore(db);
  else await ensureIndexes(db);

  const measured = await measureFiles(
    (async function* () {
      for await (const input of inputs()) yield input.path;
    })(),
  );
  options.onProgress?.({ kind: 'start', files: measured.files, bytes: measured.bytes });
  // Extraction overlaps the load of the batch before, whose plan and writes keep this thread and
  // the store (the embedded server's thread, here) busy: one extraction thread per core but one.
  // The queue holds the batches in flight.
  const pool =
    options.pool ??
    new ExtractionPool({
      threads: defaultExtractionThreads(),
      ...options.extraction,
      maxQueue: Number.POSITIVE_INFINITY,
    });
  const run = new SeedRun(db, pool, options, measured.bytes);
  try {
    for await (const { item, started } of startedAhead(inputs(), contentOf)) await run.loadFile(item, started);
    await run.finish();
  } catch (err) {
    await run.abandon();
    throw err;
  } finally {
    if (!options.pool) await pool.close();
  }

  const entityCounts = async (name: EntityCollection) => run.tally.counts(name, await countLiveEntities(db, name));
  return {
    paths,
    files: run.files,
    articles: run.articles,
    people: await entityCounts('people'),
    organizations: await entityCounts('organizations'),
    offices: await entityCounts('offices'),
    meetings: await entityCounts('meetings'),
    failed: run.failed,
    decoded: run.decoded,
    durationMs: Date.now() - started,
  };
}

/** Loads every file under `dir`; each is named by its path under it, with `/`, so files in subdirectories stay apart. */
export async function seedDirectory(db: Db, options: SeedOptions & { dir: string }): Promise<SeedSummary> {
  const dir = path.resolve(options.dir);
  await requireSeedDirectory(dir);
  return seedFrom(
    db,
    [dir],
    async function* () {
      for await (const filePath of articleFilePaths(dir)) {
        yield { path: filePath, source: path.relative(dir, filePath).split(path.sep).join('/') };
      }
    },
    options,
  );
}

/** Loads the files given; each is named by its file name. */
export async function seedFiles(db: Db, options: SeedOptions & { files: string[] }): Promise<SeedSummary> {
  const files = options.files.map((f) => path.resolve(f));
  return seedFrom(
    db,
    files,
    async function* () {
      for (const filePath of files) yield { path: filePath, source: path.basename(filePath) };
    },
    options,
  );
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
    `newsgraph: loaded ${countOf(summary.articles.added, 'article')} (${countOf(summary.people.added, 'person', 'people')}, ` +
      `${countOf(summary.offices.added, 'office')}, ${countOf(summary.meetings.added, 'meeting')}) in ${(summary.durationMs / 1000).toFixed(1)} s` +
      (summary.failed.length
        ? `; ${countOf(summary.failed.length, 'article')} failed: ${summary.failed.map((f) => `${describeFailedItem(f)} (${f.error})`).join(', ')}`
        : ''),
  );
  return summary;
}
