/**
 * End-to-end seed loading (read file, extract, plan, write) of the synthetic corpus, with its
 * heavy hitters, into the embedded server on SQLite in a temp dir, at 1,000, 10,000 and 100,000
 * articles (`BENCH_LOAD_SIZES=1000,10000` for fewer), with the server on a worker thread as
 * `npm run seed` runs it. Each size runs in a child process of its own, so its peak RSS is its
 * own. Reported per size: articles/s over each tenth of the load, peak RSS, the largest document
 * and the heavy hitter's document, and the heavy hitter's person page (offices, the first 20
 * meetings with participants and evidence) at 1 connection over HTTP, served from the loaded store
 * by a fresh process with `npm start`'s settings, as users serve it after `npm run seed`.
 * Also the CPU time per article (every thread of the process: extraction, loader, embedded
 * server, garbage collection), which depends less on other work on the machine than rates do,
 * and the machine's load average over each load.
 * Targets: no document over 256 KB and the heavy hitter's document not growing with the corpus;
 * 100,000 articles at >= 150 articles/s with the last tenth within 1.5x of the first tenth's
 * rate; peak RSS under 1 GB; the person page p99 < 20 ms at 100,000 articles.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BSON, MongoClient, type Db } from 'mongodb';
import { seedDirectory, type SeedSummary } from '../src/ingest';
import { startEmbeddedMongoThread } from '../src/mongo-embedded';
import { COLLECTIONS, type PersonDocument } from '../src/store';
import { DEFAULT_SEED_CACHE_MB } from '../src/cli/config';
import type { BenchSection } from './bench-section.type';
import { extractionCpuMsPerArticle } from './extract.bench';
import { example, loadTest, startBenchApi, type Figures } from './http.bench';
import { writeSyntheticCorpus } from './synthetic-corpus';
import { PROJECT_ROOT } from '../src/server/project-root';
import { typescriptHookArgs } from '../src/ingest/typescript-hook.args';

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const CORPUS_SEED = 2020;
const TENTHS = 10;
const TARGET_MAX_DOCUMENT_KB = 256;
const TARGET_ARTICLES_PER_SECOND = 150;
const TARGET_TENTH_RATIO = 1.5;
const TARGET_PEAK_RSS_MIB = 1024;
const TARGET_PERSON_PAGE_P99_MS = 20;
const LOAD_SAMPLE_MS = 5_000;

interface CpuByThread {
  loader: number;
  server: number;
  extraction: number;
  other: number;
}

interface LoadMeasurement {
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  /** Articles per second over each tenth of the files. */
  tenths: number[];
  cpuMsPerArticle: number;
  /** CPU ms per article by thread (see `cpuByThread`). */
  cpuByThread: CpuByThread;
  /** The process's peak RSS while it loaded (the person page's API server comes after). */
  peakRssMiB: number;
  /** The machine's 1-minute load average, sampled every few seconds while it loaded: mean and highest. */
  loadAverage: { mean: number; max: number };
  documents: number;
  largestDocument: { collection: string; bytes: number };
  heavyHitter: { slug: string; articles: number; meetings: number; bytes: number };
  /** Once the server's start-up integrity check has finished, as it serves from then on. */
  personPage: Figures;
  /** Right after the server started, while that check reads the whole file on a thread beside it. */
  personPageDuringCheck: Figures;
  /** The 1-minute load average when the person page was measured. */
  personPageLoadAverage: number;
  summary: SeedSummary;
}

/** What the loading child leaves for the person page: the store, kept until that is measured. */
type PersonPageFigures = Pick<LoadMeasurement, 'personPage' | 'personPageDuringCheck' | 'personPageLoadAverage'>;
type LoadedStore = Omit<LoadMeasurement, keyof PersonPageFigures> & { workDir: string };
const DB_NAME = 'bench';

async function largestDocument(db: Db): Promise<{ collection: string; bytes: number; documents: number }> {
  let largest = { collection: '', bytes: 0, documents: 0 };
  for (const name of Object.values(COLLECTIONS)) {
    for await (const raw of db.collection(name).find({}, { raw: true, batchSize: 5_000 })) {
      largest.documents++;
      const bytes = (raw as unknown as Uint8Array).byteLength;
      if (bytes > largest.bytes) largest = { ...largest, collection: name, bytes };
    }
  }
  return largest;
}

/** The person page of the heavy hitter over HTTP, one request at a time, each running its query (no response cache). */
async function personPage(db: Db, slug: string): Promise<Figures> {
  const server = await startBenchApi(db, 0);
  try {
    const request = {
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: example('person-with-meetings'), variables: { slug, first: 20 } }),
    };
    return await loadTest(server, [request], 1);
  } finally {
    await server.stop();
  }
}

/** CPU milliseconds used so far by each thread of this process (Linux `/proc`; empty elsewhere). */
function threadCpuMs(): Map<number, number> {
  const used = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return used;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
      used.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return used;
}

/**
 * CPU per article by thread: the loader (this process's main thread: planning, the driver), the
 * embedded server's thread (commands, SQLite), the extraction threads, and the rest (garbage
 * collection and compiler helpers, the server's checkpoint and check threads). Threads are told
 * apart by when they started: the server's with the server, extraction's during the load.
 */
function cpuByThread(
  before: ReadonlyMap<number, number>,
  serverThreads: ReadonlySet<number>,
  last: ReadonlyMap<number, number>,
  articles: number,
): CpuByThread {
  const used = [...last].map(([tid, ms]) => ({ tid, ms: ms - (before.get(tid) ?? 0) }));
  const server = used.filter((t) => serverThreads.has(t.tid)).sort((a, b) => b.ms - a.ms)[0];
  const extraction = used.filter((t) => !before.has(t.tid) && !serverThreads.has(t.tid));
  const sum = (threads: Array<{ ms: number }>) => threads.reduce((total, t) => total + t.ms, 0) / articles;
  const loader = used.filter((t) => t.tid === process.pid);
  return {
    loader: sum(loader),
    server: server ? server.ms / articles : 0,
    extraction: sum(extraction),
    other: sum(used.filter((t) => t.tid !== process.pid && t !== server && !extraction.includes(t))),
  };
}

/**
 * When the load reached `done` articles, between the report of the batch that reached it and the
 * one before (a tenth may end inside a batch).
 */
function reachedAt(reported: ReadonlyArray<{ at: number; done: number }>, done: number, started: number): number {
  const i = reported.findIndex((r) => r.done >= done);
  if (i < 0) return reported.at(-1)?.at ?? started;
  const before = i ? reported[i - 1] : { at: started, done: 0 };
  const after = reported[i];
  return before.at + ((after.at - before.at) * (done - before.done)) / (after.done - before.done);
}

/** One load, run in this process (the child); the store stays in `workDir` for the person page. */
async function measureLoad(count: number): Promise<LoadedStore> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-load-'));
  const corpusDir = path.join(workDir, 'corpus');
  await writeSyntheticCorpus(corpusDir, count, CORPUS_SEED);
  const beforeServer = threadCpuMs();
  const server = await startEmbeddedMongoThread({
    dbPath: path.join(workDir, 'data'),
    cacheSizeMB: DEFAULT_SEED_CACHE_MB,
  });
  const serverThreads = new Set([...threadCpuMs().keys()].filter((tid) => !beforeServer.has(tid)));
  const client = await new MongoClient(server.uri).connect();
  try {
    const db = client.db(DB_NAME);
    // When each batch was reported: a batch's articles are reported one after another in one go,
    // so the burst counts as one point, at its first report (a point per article would put a
    // tenth that ends inside a burst at microseconds, and its rate at hundreds of thousands).
    const reported: Array<{ at: number; done: number }> = [];
    let inBurst = false;
    const loads = [os.loadavg()[0]];
    const sampler = setInterval(() => loads.push(os.loadavg()[0]), LOAD_SAMPLE_MS);
    const cpuBefore = process.cpuUsage();
    const threadsBefore = threadCpuMs();
    // Sampled at each tenth too: extraction threads end with the load.
    const threadsLast = new Map(threadsBefore);
    const sampleThreads = () => {
      for (const [tid, ms] of threadCpuMs()) threadsLast.set(tid, ms);
    };
    const started = performance.now();
    const summary = await seedDirectory(db, {
      dir: corpusDir,
      onProgress(event) {
        if (event.kind !== 'article') return;
        if (inBurst) reported[reported.length - 1].done = event.done;
        else {
          reported.push({ at: performance.now(), done: event.done });
          inBurst = true;
          setImmediate(() => (inBurst = false));
        }
        if (event.done % Math.ceil(count / TENTHS) === 0) sampleThreads();
      },
    }).finally(() => clearInterval(sampler));
    sampleThreads();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    const tenthAt = Array.from({ length: TENTHS }, (_, i) => reachedAt(reported, ((i + 1) * count) / TENTHS, started));
    const tenths = tenthAt.map((at, i) => count / TENTHS / ((at - (i ? tenthAt[i - 1] : started)) / 1000));
    const [busiest] = await db
      .collection<PersonDocument>(COLLECTIONS.people)
      .find({ articleCount: { $gt: 0 } })
      .sort({ mentionCount: -1 })
      .limit(1)
      .toArray();
    const largest = await largestDocument(db);
    return {
      workDir,
      articles: summary.articles.added,
      seconds,
      articlesPerSecond: summary.articles.added / seconds,
      tenths,
      cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / summary.articles.added,
      cpuByThread: cpuByThread(threadsBefore, serverThreads, threadsLast, summary.articles.added),
      peakRssMiB,
      loadAverage: { mean: loads.reduce((a, b) => a + b, 0) / loads.length, max: Math.max(...loads) },
      documents: largest.documents,
      largestDocument: { collection: largest.collection, bytes: largest.bytes },
      heavyHitter: {
        slug: busiest.slug,
        articles: busiest.articleCount,
        meetings: busiest.meetingCount,
        bytes: BSON.calculateObjectSize(busiest),
      },
      summary,
    };
  } catch (err) {
    rmSync(workDir, { recursive: true, force: true });
    throw err;
  } finally {
    await client.close();
    await server.stop();
  }
}

/**
 * The heavy hitter's person page on a loaded store, served by a process of its own as `npm start`
 * serves it after `npm run seed` (run in this process, the child): the loader's heap is not the
 * API's.
 */
async function measurePersonPage(dataDir: string, slug: string): Promise<PersonPageFigures> {
  const server = await startEmbeddedMongoThread({ dbPath: dataDir });
  const client = await new MongoClient(server.uri).connect();
  const startupCheck = async () =>
    (await client.db('admin').command({ serverStatus: 1 })).storageEngine.startupCheck as string;
  try {
    const personPageDuringCheck = await personPage(client.db(DB_NAME), slug);
    while ((await startupCheck()) === 'running') await new Promise((resolve) => setTimeout(resolve, 100));
    const personPageLoadAverage = os.loadavg()[0];
    return { personPage: await personPage(client.db(DB_NAME), slug), personPageDuringCheck, personPageLoadAverage };
  } finally {
    await client.close();
    await server.stop();
  }
}

/** The environment settings and V8 flags an npm script runs Node with, so the bench runs its parts as users do. */
function scriptSettings(script: 'seed' | 'start'): { env: Record<string, string>; nodeFlags: string[] } {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [, assignments = '', flags = ''] =
    pkg.scripts[script].match(/^((?:[A-Z_]+=\S+ )*)(?:exec )?node((?: --[\w-]+(?:=\S+)?)*)/) ?? [];
  const env = Object.fromEntries(
    assignments
      .split(/\s+/)
      .filter(Boolean)
      .map((assignment) => assignment.split('=', 2)),
  );
  return { env, nodeFlags: flags.trim().split(/\s+/).filter(Boolean) };
}

function scriptDescription(script: 'seed' | 'start'): string {
  const { env, nodeFlags } = scriptSettings(script);
  const settings = [...Object.entries(env).map(([name, value]) => `${name}=${value}`), ...nodeFlags];
  return settings.length ? settings.join(' ') : 'none';
}

/** Runs this file in a child process with an npm script's settings, and reads the JSON it prints. */
function runInChild<T>(script: 'seed' | 'start', args: string[]): T {
  const { env, nodeFlags } = scriptSettings(script);
  const stdout = execFileSync(
    process.execPath,
    [...nodeFlags, ...typescriptHookArgs(__filename), __filename, ...args],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 2 ** 20,
    },
  );
  return JSON.parse(stdout.toString()) as T;
}

/** A load in a child with the seed script's settings, then the person page in another with the start script's. */
function measureInChildren(count: number): LoadMeasurement {
  const { workDir, ...loaded } = runInChild<LoadedStore>('seed', ['load', String(count)]);
  try {
    const page = runInChild<PersonPageFigures>('start', [
      'person-page',
      path.join(workDir, 'data'),
      loaded.heavyHitter.slug,
    ]);
    return { ...loaded, ...page };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function sizes(): number[] {
  const given = process.env.BENCH_LOAD_SIZES?.split(',').map(Number).filter(Number.isFinite);
  return given?.length ? given : DEFAULT_SIZES;
}

export async function run(): Promise<BenchSection> {
  const loadAtStart = os.loadavg()[0];
  // This VM's speed varies by up to a third from day to day: the same extraction gauged before and after says how fast it ran.
  const speedBefore = extractionCpuMsPerArticle();
  const results = sizes().map(measureInChildren);
  const speedAfter = extractionCpuMsPerArticle();
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const rows = results.map(
    (r) =>
      `| ${r.articles.toLocaleString('en')} | ${r.seconds.toFixed(0)} | ${r.articlesPerSecond.toFixed(0)} | ${r.tenths.map((x) => x.toFixed(0)).join(' / ')} | ` +
      `${r.cpuMsPerArticle.toFixed(1)} | ${[r.cpuByThread.loader, r.cpuByThread.server, r.cpuByThread.extraction, r.cpuByThread.other].map((ms) => ms.toFixed(1)).join(' / ')} | ${r.loadAverage.mean.toFixed(1)} / ${r.loadAverage.max.toFixed(1)} | ${r.peakRssMiB} | ${r.documents.toLocaleString('en')} | ${kb(r.largestDocument.bytes)} (${r.largestDocument.collection}) | ` +
      `${kb(r.heavyHitter.bytes)} (${r.heavyHitter.articles.toLocaleString('en')} articles, ${r.heavyHitter.meetings.toLocaleString('en')} meetings) | ` +
      `${r.personPageDuringCheck.p50} / ${r.personPageDuringCheck.p99}; ${r.personPage.p50} / ${r.personPage.p99} (${r.personPageLoadAverage.toFixed(1)}) | ${r.summary.people.added} | ${r.summary.offices.added} | ${r.summary.meetings.added} |`,
  );
  const largest = results[results.length - 1];
  const largestDoc = Math.max(...results.map((r) => r.largestDocument.bytes));
  const hitterSizes = results.map((r) => r.heavyHitter.bytes);
  const tenthRatio = largest.tenths[0] / largest.tenths[largest.tenths.length - 1];
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  return {
    title: 'Seed loading (synthetic corpus with heavy hitters, embedded server on SQLite)',
    markdown: [
      `Synthetic corpus from \`bench/synthetic-corpus.ts\` (seed ${CORPUS_SEED}): one official meets the host of every article, ten others are named in about a tenth of the articles each. ` +
        `Each size is loaded by \`seedDirectory\` into a fresh embedded server on SQLite (on a worker thread, as \`npm run seed\` runs it), in a child process of its own, with the settings of the \`seed\` script (${scriptDescription('seed')}) and its document cache (${DEFAULT_SEED_CACHE_MB} MiB). ` +
        `Then the heavy hitter's person page (\`schema/examples/person-with-meetings.graphql\`: offices, the first 20 meetings with participants and evidence) over HTTP, one request at a time, as the HTTP section measures, served from that store by a fresh process with the settings of the \`start\` script (${scriptDescription('start')}), as \`npm start\` serves it after \`npm run seed\`: first right after the server starts, while its start-up integrity check (SQLite's quick_check, on a thread of its own) reads the whole file beside serving; then once serverStatus says the check has passed, as it serves from then on (the target applies to this one). ` +
        `CPU ms/article counts every thread of the process; by thread: the loader (the main thread: reading files, planning, the driver), the embedded server's thread (commands, SQLite), the extraction thread(s), and the rest (garbage-collection and compiler helpers, the server's checkpoint and check threads). Peak RSS is the whole process's while it loads. ` +
        `The machine has ${os.availableParallelism()} cores and may be shared with other work: its 1-minute load average was ${loadAtStart.toFixed(1)} at the start, and the table gives it (mean / highest) over each load and when the person page was measured; a load average above ${os.availableParallelism()} means other work took cores from the loader, so rates and latencies are pessimistic then, while CPU per article depends less on it. ` +
        `How fast the machine ran: \`extractArticle\` took ${speedBefore.toFixed(2)} CPU ms per 600-word article before the loads and ${speedAfter.toFixed(2)} after them (the extraction section's measure, the same code each time: a higher figure means a slower machine, and every thread's CPU per article above rises with it).`,
      '',
      '| articles | seconds | articles/s | articles/s per tenth | CPU ms/article | by thread: loader / server / extraction / other | load average | peak RSS (MiB) | documents | largest document (KB) | heavy hitter document (KB) | person page p50 / p99 (ms): during the start-up check; after it (load average) | people | offices | meetings |',
      '|---:|---:|---:|---|---:|---|---|---:|---:|---|---|---|---:|---:|---:|',
      ...rows,
      '',
      `Targets: no document over ${TARGET_MAX_DOCUMENT_KB} KB: ${verdict(largestDoc < TARGET_MAX_DOCUMENT_KB * 1024)} (largest ${kb(largestDoc)} KB); ` +
        `the heavy hitter's document does not grow with the corpus: ${verdict(Math.max(...hitterSizes) - Math.min(...hitterSizes) < 64)} (${hitterSizes.map((b) => `${b} B`).join(' / ')}); ` +
        `${largest.articles.toLocaleString('en')} articles at >= ${TARGET_ARTICLES_PER_SECOND} articles/s: ${verdict(largest.articlesPerSecond >= TARGET_ARTICLES_PER_SECOND)} (${largest.articlesPerSecond.toFixed(0)}); ` +
        `last tenth within ${TARGET_TENTH_RATIO}x of the first: ${verdict(tenthRatio <= TARGET_TENTH_RATIO)} (${tenthRatio.toFixed(2)}x); ` +
        `peak RSS < 1 GiB: ${verdict(largest.peakRssMiB < TARGET_PEAK_RSS_MIB)} (${largest.peakRssMiB} MiB); ` +
        `person page p99 < ${TARGET_PERSON_PAGE_P99_MS} ms at ${largest.articles.toLocaleString('en')}: ${verdict(largest.personPage.p99 < TARGET_PERSON_PAGE_P99_MS)} (${largest.personPage.p99} ms).`,
    ].join('\n'),
  };
}

if (require.main === module) {
  const [mode, ...args] = process.argv.slice(2);
  (mode === 'person-page' ? measurePersonPage(args[0], args[1]) : measureLoad(Number(args[0]))).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
