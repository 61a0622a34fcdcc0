/**
 * End-to-end seed loading (read file, extract, plan, write) of the synthetic corpus, with its
 * heavy hitters, into the embedded server on SQLite in a temp dir, at 1,000, 10,000 and 100,000
 * articles (`BENCH_LOAD_SIZES=1000,10000` for fewer), with the server on a worker thread as
 * `npm run seed` runs it. Each size runs in a child process of its own, so its peak RSS is its
 * own. Reported per size: articles/s over each tenth of the load, peak RSS, the largest document
 * and the heavy hitter's document, and the heavy hitter's person page (offices, the first 20
 * meetings with participants and evidence) at 1 connection over HTTP.
 * Targets: no document over 256 KB and the heavy hitter's document not growing with the corpus;
 * 100,000 articles at >= 150 articles/s with the last tenth within 1.5x of the first tenth's
 * rate; peak RSS under 1 GB (the embedded server's memory is being rewritten to stay bounded);
 * the person page p99 < 20 ms at 100,000 articles.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BSON, MongoClient, type Db } from 'mongodb';
import { seedDirectory, type SeedSummary } from '../src/ingest';
import { startEmbeddedMongoThread } from '../src/mongo-embedded';
import { COLLECTIONS, type PersonDocument } from '../src/store';
import type { BenchSection } from './bench-section.type';
import { example, loadTest, startBenchApi, type Figures } from './http.bench';
import { writeSyntheticCorpus } from './synthetic-corpus';

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const CORPUS_SEED = 2020;
const TENTHS = 10;
const TARGET_MAX_DOCUMENT_KB = 256;
const TARGET_ARTICLES_PER_SECOND = 150;
const TARGET_TENTH_RATIO = 1.5;
const TARGET_PEAK_RSS_MIB = 1024;
const TARGET_PERSON_PAGE_P99_MS = 20;

interface LoadMeasurement {
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  /** Articles per second over each tenth of the files. */
  tenths: number[];
  cpuMsPerArticle: number;
  peakRssMiB: number;
  documents: number;
  largestDocument: { collection: string; bytes: number };
  heavyHitter: { slug: string; articles: number; meetings: number; bytes: number };
  personPage: Figures;
  summary: SeedSummary;
}

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

/** The person page of the heavy hitter over HTTP, one request at a time. */
async function personPage(db: Db, slug: string): Promise<Figures> {
  const server = await startBenchApi(db);
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

/** One measurement, run in this process (the child). */
async function measure(count: number): Promise<LoadMeasurement> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-load-'));
  const corpusDir = path.join(workDir, 'corpus');
  await writeSyntheticCorpus(corpusDir, count, CORPUS_SEED);
  const server = await startEmbeddedMongoThread({ dbPath: path.join(workDir, 'data') });
  const client = await new MongoClient(server.uri).connect();
  try {
    const db = client.db('bench');
    const tenthAt: number[] = [];
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const summary = await seedDirectory(db, {
      dir: corpusDir,
      onProgress(event) {
        if (event.kind === 'article' && event.done % Math.ceil(count / TENTHS) === 0) tenthAt.push(performance.now());
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const tenths = tenthAt.map((at, i) => count / TENTHS / ((at - (i ? tenthAt[i - 1] : started)) / 1000));
    const [busiest] = await db
      .collection<PersonDocument>(COLLECTIONS.people)
      .find({ articleCount: { $gt: 0 } })
      .sort({ mentionCount: -1 })
      .limit(1)
      .toArray();
    const largest = await largestDocument(db);
    const page = await personPage(db, busiest.slug);
    return {
      articles: summary.articles.added,
      seconds,
      articlesPerSecond: summary.articles.added / seconds,
      tenths,
      cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / summary.articles.added,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      documents: largest.documents,
      largestDocument: { collection: largest.collection, bytes: largest.bytes },
      heavyHitter: {
        slug: busiest.slug,
        articles: busiest.articleCount,
        meetings: busiest.meetingCount,
        bytes: BSON.calculateObjectSize(busiest),
      },
      personPage: page,
      summary,
    };
  } finally {
    await client.close();
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The V8 flags `npm run seed` runs with, so the bench measures the loader as users run it. */
function seedScriptNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return (
    pkg.scripts.seed
      .match(/^node((?: --[\w-]+(?:=\S+)?)*)/)?.[1]
      .trim()
      .split(/\s+/)
      .filter(Boolean) ?? []
  );
}

function measureInChild(count: number): LoadMeasurement {
  const stdout = execFileSync(
    process.execPath,
    [...seedScriptNodeFlags(), '-r', '@swc-node/register', __filename, String(count)],
    { cwd: path.join(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 2 ** 20 },
  );
  return JSON.parse(stdout.toString()) as LoadMeasurement;
}

function sizes(): number[] {
  const given = process.env.BENCH_LOAD_SIZES?.split(',').map(Number).filter(Number.isFinite);
  return given?.length ? given : DEFAULT_SIZES;
}

export async function run(): Promise<BenchSection> {
  const loadAtStart = os.loadavg()[0];
  const results = sizes().map(measureInChild);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const rows = results.map(
    (r) =>
      `| ${r.articles.toLocaleString('en')} | ${r.seconds.toFixed(0)} | ${r.articlesPerSecond.toFixed(0)} | ${r.tenths.map((x) => x.toFixed(0)).join(' / ')} | ` +
      `${r.cpuMsPerArticle.toFixed(1)} | ${r.peakRssMiB} | ${r.documents.toLocaleString('en')} | ${kb(r.largestDocument.bytes)} (${r.largestDocument.collection}) | ` +
      `${kb(r.heavyHitter.bytes)} (${r.heavyHitter.articles.toLocaleString('en')} articles, ${r.heavyHitter.meetings.toLocaleString('en')} meetings) | ` +
      `${r.personPage.p50} / ${r.personPage.p99} | ${r.summary.people.added} | ${r.summary.offices.added} | ${r.summary.meetings.added} |`,
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
        `Each size is loaded by \`seedDirectory\` into a fresh embedded server on SQLite (on a worker thread, as \`npm run seed\` runs it), in a child process of its own, with the node flags of the \`seed\` script (${seedScriptNodeFlags().join(' ') || 'none'}). ` +
        `Then the heavy hitter's person page (\`schema/examples/person-with-meetings.graphql\`: offices, the first 20 meetings with participants and evidence) over HTTP, one request at a time, as the HTTP section measures. ` +
        `The machine was shared with other work: its 1-minute load average was ${loadAtStart.toFixed(1)} at the start, so rates and latencies are pessimistic; CPU per article depends less on it.`,
      '',
      '| articles | seconds | articles/s | articles/s per tenth | CPU ms/article | peak RSS (MiB) | documents | largest document (KB) | heavy hitter document (KB) | person page p50 / p99 (ms) | people | offices | meetings |',
      '|---:|---:|---:|---|---:|---:|---:|---|---|---|---:|---:|---:|',
      ...rows,
      '',
      `Targets: no document over ${TARGET_MAX_DOCUMENT_KB} KB: ${verdict(largestDoc < TARGET_MAX_DOCUMENT_KB * 1024)} (largest ${kb(largestDoc)} KB); ` +
        `the heavy hitter's document does not grow with the corpus: ${verdict(Math.max(...hitterSizes) - Math.min(...hitterSizes) < 64)} (${hitterSizes.map((b) => `${b} B`).join(' / ')}); ` +
        `${largest.articles.toLocaleString('en')} articles at >= ${TARGET_ARTICLES_PER_SECOND} articles/s: ${verdict(largest.articlesPerSecond >= TARGET_ARTICLES_PER_SECOND)} (${largest.articlesPerSecond.toFixed(0)}); ` +
        `last tenth within ${TARGET_TENTH_RATIO}x of the first: ${verdict(tenthRatio <= TARGET_TENTH_RATIO)} (${tenthRatio.toFixed(2)}x); ` +
        `peak RSS < 1 GiB: ${verdict(largest.peakRssMiB < TARGET_PEAK_RSS_MIB)} (${largest.peakRssMiB} MiB; the embedded server here still holds the whole store in memory); ` +
        `person page p99 < ${TARGET_PERSON_PAGE_P99_MS} ms at ${largest.articles.toLocaleString('en')}: ${verdict(largest.personPage.p99 < TARGET_PERSON_PAGE_P99_MS)} (${largest.personPage.p99} ms).`,
    ].join('\n'),
  };
}

if (require.main === module) {
  measure(Number(process.argv[2])).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
