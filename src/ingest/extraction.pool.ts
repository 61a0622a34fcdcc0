/**
 * Extraction on worker threads, so that however long an article takes, the thread that answers
 * queries and health checks stays free. Each article gets a time budget counted from when a
 * thread starts on it: past it, the thread is terminated (a synchronous extraction cannot be
 * interrupted any other way) and replaced, and the article is refused (the articles the thread
 * had taken with it are extracted again). Articles start in the order they came, a thread taking
 * up to 32 of those waiting at a time. At most `maxQueue` articles wait for a thread; beyond that
 * the caller is told to retry later.
 */
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { ArticleInput, ExtractionRecord } from '../extract';
import { ExtractionBudgetError, ExtractionQueueFullError } from './extraction-limit.errors';
import type { ExtractionItem, ExtractionOutcome, ExtractionStarted, ExtractionTask } from './extraction.worker';
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

/** An article waiting for a thread or being extracted. */
interface PendingArticle {
  item: ExtractionItem;
  resolve(record: ExtractionRecord): void;
  reject(err: Error): void;
  started: boolean;
}

/** A run of articles handed to one thread. */
interface RunningTask {
  articles: PendingArticle[];
  abort: AbortController;
  /** The budget of the article the thread is on. */
  timer?: NodeJS.Timeout;
  /** The article that ran past its budget, once one has. */
  overBudget: PendingArticle | null;
}

/**
 * At most this many articles go to a thread at once. A thread is handed its next articles by
 * the loader's thread, which a load keeps busy for up to hundreds of milliseconds at a time
 * (planning, its garbage collection); handed one article at a time, the extraction thread sat
 * idle half the time waiting for the next.
 */
const MAX_ARTICLES_PER_TASK = 32;

export class ExtractionPool {
  readonly threads: number;
  readonly maxQueue: number;
  readonly budgetMs: number;
  private readonly piscina: Piscina;
  /** Articles waiting for a thread, in the order they came. */
  private readonly queue: PendingArticle[] = [];
  /** Submitted and not yet started by a thread (queued, or handed over and not reached yet). */
  private waiting = 0;
  /** Recent extraction time, to tell a turned-away caller when to come back. */
  private averageMs = 1000;
  private nextTaskId = 0;
  /**
   * Tasks handed to piscina: at most one per thread, so that none waits in piscina's queue,
   * whose order it does not keep (a task it could not hand to a busy thread goes to the back
   * when it has an abort signal, to the front with `stricterFIFO`).
   */
  private readonly running = new Set<RunningTask>();
  /** The running task of each article a thread has taken, by task id (to find it when it starts). */
  private readonly taskOf = new Map<number, RunningTask>();

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
      // The pool's own queue is the bound; piscina never holds more than it has threads for.
      maxQueue: Number.POSITIVE_INFINITY,
      execArgv: typescriptHookArgs(workerFile),
    });
    this.piscina.on('message', (message: ExtractionStarted) => this.started(message.extractionStarted));
  }

  /** Articles waiting for a thread (not those being extracted). */
  get queued(): number {
    return this.waiting;
  }

  /** The article's facts, or `ExtractionBudgetError` / `ExtractionQueueFullError`, or the extractor's own error. */
  extract(article: ArticleInput): Promise<ExtractionRecord> {
    if (this.waiting >= this.maxQueue)
      return Promise.reject(new ExtractionQueueFullError(this.waiting, this.retryAfterSeconds()));
    this.waiting++;
    return new Promise<ExtractionRecord>((resolve, reject) => {
      this.queue.push({ item: { article, taskId: this.nextTaskId++ }, resolve, reject, started: false });
      this.dispatch();
    });
  }

  /** Starts a thread (which loads the extractor) and runs a small article through it, so the first real one waits for neither. */
  async warm(): Promise<void> {
    await this.extract(WARM_UP_ARTICLE);
  }

  /** Ends every thread; articles still waiting or running are rejected. */
  close(): Promise<void> {
    const closed = new Error('the extraction pool was closed');
    for (const pending of this.queue.splice(0)) this.settle(pending, closed);
    return this.piscina.destroy();
  }

  /** Hands the articles in line to the threads that are free, a run of them to each. */
  private dispatch(): void {
    while (this.queue.length && this.running.size < this.threads) {
      // Split what waits between the threads, so a few articles do not all go to one.
      const share = Math.ceil(this.queue.length / (this.threads - this.running.size));
      const articles = this.queue.splice(0, Math.min(MAX_ARTICLES_PER_TASK, share));
      const task: RunningTask = { articles, abort: new AbortController(), overBudget: null };
      this.running.add(task);
      for (const pending of articles) this.taskOf.set(pending.item.taskId, task);
      const run = this.piscina.run({ items: articles.map((a) => a.item) } satisfies ExtractionTask, {
        signal: task.abort.signal,
      }) as Promise<ExtractionOutcome[]>;
      run.then(
        (outcomes) => this.finish(task, outcomes),
        (err: unknown) => this.finish(task, err instanceof Error ? err : new Error(String(err))),
      );
    }
  }

  /** A thread started on an article: its budget runs from now, and the article before it in the task is done. */
  private started(taskId: number): void {
    const task = this.taskOf.get(taskId);
    const pending = task?.articles.find((a) => a.item.taskId === taskId);
    if (!task || !pending || task.overBudget) return;
    pending.started = true;
    this.waiting--;
    clearTimeout(task.timer);
    task.timer = setTimeout(() => {
      task.overBudget = pending;
      task.abort.abort();
    }, this.budgetMs);
  }

  /**
   * The thread is done with the task: each article gets its outcome. When the thread was stopped
   * (an article past its budget) or lost, the article it was on fails and those it had not
   * finished go back to the front of the line, in order.
   */
  private finish(task: RunningTask, result: ExtractionOutcome[] | Error): void {
    clearTimeout(task.timer);
    this.running.delete(task);
    for (const pending of task.articles) this.taskOf.delete(pending.item.taskId);
    if (Array.isArray(result)) {
      task.articles.forEach((pending, i) => this.settle(pending, result[i]));
    } else if (task.overBudget) {
      const stuck = task.overBudget;
      const after = task.articles.slice(task.articles.indexOf(stuck) + 1);
      const before = task.articles.slice(0, task.articles.indexOf(stuck));
      this.settle(stuck, new ExtractionBudgetError(stuck.item.article.source, this.budgetMs));
      // The thread's results went with it: the articles before the stuck one are extracted again.
      for (const pending of [...before, ...after].reverse()) {
        if (pending.started) this.waiting++;
        pending.started = false;
        this.queue.unshift(pending);
      }
    } else {
      for (const pending of task.articles) this.settle(pending, result);
    }
    this.dispatch();
  }

  private settle(pending: PendingArticle, outcome: ExtractionOutcome | Error): void {
    if (!pending.started) this.waiting--;
    if (outcome instanceof Error) return pending.reject(outcome);
    if ('error' in outcome)
      return pending.reject(Object.assign(new Error(outcome.error.message), { name: outcome.error.name }));
    this.averageMs = 0.8 * this.averageMs + 0.2 * outcome.ms;
    pending.resolve(outcome.record);
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
