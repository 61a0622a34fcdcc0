/**
 * Extraction on worker threads, so that however long an article takes, the thread that answers
 * queries and health checks stays free. Each article gets a time budget counted from when a
 * thread starts on it: past it, the thread is terminated (a synchronous extraction cannot be
 * interrupted any other way) and replaced, and the article is refused. At most `maxQueue`
 * articles wait for a thread; beyond that the caller is told to retry later.
 */
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { ArticleInput, ExtractionRecord } from '../extract';
import { ExtractionBudgetError, ExtractionQueueFullError } from './extraction-limit.errors';
import type { ExtractionStarted, ExtractionTask } from './extraction.worker';
import { typescriptHookArgs } from './typescript-hook.args';

export interface ExtractionPoolOptions {
  /** Threads extracting at once; default one per core but one (at least one). */
  threads?: number;
  /** Articles waiting for a thread before new ones are turned away; default 16. */
  maxQueue?: number;
  /** Time one article may take once a thread starts on it; default 20 s. */
  budgetMs?: number;
  /** The module a thread runs (its default export takes an `ExtractionTask`); tests substitute their own. */
  workerFile?: string;
}

export const DEFAULT_EXTRACTION_BUDGET_MS = 20_000;
export const DEFAULT_EXTRACTION_QUEUE = 16;
/**
 * A thread that has done nothing for this long ends (each holds the extractor's language model,
 * about 180 MB); until then it stays warm for the next article.
 */
const IDLE_THREAD_MS = 10 * 60_000;
const WARM_UP_ARTICLE: ArticleInput = { source: 'warm-up', text: 'Warm-up.\n' };

export function defaultExtractionThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export class ExtractionPool {
  readonly threads: number;
  readonly maxQueue: number;
  readonly budgetMs: number;
  private readonly piscina: Piscina;
  /** Submitted and not yet started by a thread. */
  private waiting = 0;
  /** Recent extraction time, to tell a turned-away caller when to come back. */
  private averageMs = 1000;
  private nextTaskId = 0;
  /** What to do when a thread says it has started on a task, by task id. */
  private readonly onStart = new Map<number, () => void>();

  constructor(options: ExtractionPoolOptions = {}) {
    this.threads = options.threads ?? defaultExtractionThreads();
    this.maxQueue = options.maxQueue ?? DEFAULT_EXTRACTION_QUEUE;
    this.budgetMs = options.budgetMs ?? DEFAULT_EXTRACTION_BUDGET_MS;
    const workerFile = options.workerFile ?? path.join(__dirname, `extraction.worker${path.extname(__filename)}`);
    this.piscina = new Piscina({
      filename: workerFile,
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: IDLE_THREAD_MS,
      // The pool's own count of waiting articles is the bound; piscina's queue just holds them.
      maxQueue: Number.POSITIVE_INFINITY,
      execArgv: typescriptHookArgs(workerFile),
    });
    this.piscina.on('message', (message: ExtractionStarted) => {
      this.onStart.get(message.extractionStarted)?.();
    });
  }

  /** Articles waiting for a thread (not those being extracted). */
  get queued(): number {
    return this.waiting;
  }

  /** The article's facts, or `ExtractionBudgetError` / `ExtractionQueueFullError`, or the extractor's own error. */
  async extract(article: ArticleInput): Promise<ExtractionRecord> {
    if (this.waiting >= this.maxQueue) throw new ExtractionQueueFullError(this.waiting, this.retryAfterSeconds());
    const taskId = this.nextTaskId++;
    const abort = new AbortController();
    let startedAt: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    let overBudget = false;
    this.waiting++;
    this.onStart.set(taskId, () => {
      this.onStart.delete(taskId);
      this.waiting--;
      startedAt = performance.now();
      timer = setTimeout(() => {
        overBudget = true;
        abort.abort();
      }, this.budgetMs);
    });
    try {
      const task: ExtractionTask = { article, taskId };
      const record = (await this.piscina.run(task, { signal: abort.signal })) as ExtractionRecord;
      // The start and the result come through different ports, so the start may not have arrived yet.
      if (startedAt !== undefined) this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - startedAt);
      return record;
    } catch (err) {
      if (overBudget) throw new ExtractionBudgetError(article.source, this.budgetMs);
      throw err;
    } finally {
      if (startedAt === undefined) this.waiting--;
      clearTimeout(timer);
      this.onStart.delete(taskId);
    }
  }

  /** Starts a thread (which loads the extractor) and runs a small article through it, so the first real one waits for neither. */
  async warm(): Promise<void> {
    await this.extract(WARM_UP_ARTICLE);
  }

  /** Ends every thread; articles still waiting or running are rejected. */
  close(): Promise<void> {
    return this.piscina.destroy();
  }

  private retryAfterSeconds(): number {
    const queuedWorkMs = (this.averageMs * (this.waiting + this.threads)) / this.threads;
    return Math.min(60, Math.max(1, Math.ceil(queuedWorkMs / 1000)));
  }
}

let shared: ExtractionPool | undefined;
let sharedOptions: ExtractionPoolOptions = {};

/** The process's pool for `ingestArticle`, started on first use. */
export function sharedExtractionPool(): ExtractionPool {
  shared ??= new ExtractionPool(sharedOptions);
  return shared;
}

/** Sets the shared pool's options (a running pool is closed and the next use starts one with them). */
export async function configureSharedExtractionPool(options: ExtractionPoolOptions): Promise<void> {
  sharedOptions = options;
  const previous = shared;
  shared = undefined;
  await previous?.close();
}

/** Readies the shared pool (a thread with the extractor loaded): what a server that takes mutations calls at start. */
export function warmExtractionPool(): Promise<void> {
  return sharedExtractionPool().warm();
}
