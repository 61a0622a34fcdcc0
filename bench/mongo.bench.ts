/**
 * The embedded server on its SQLite storage, through the official driver, at 1k, 10k, 100k and
 * 1M documents: insert throughput, reopen time (a new server on the data directory), indexed
 * lookups on the reopened server, unindexed scans and sorted pages, the whole process's peak
 * RSS, and the cost of the quick check that runs beside serving. Each size runs in a process of
 * its own (this file, run with `--size N`), so its peak RSS is its own.
 * Targets: reopen 1M documents in under 1 s; the indexed lookup at 1M within 2x of its time at 1k.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient, type Collection } from 'mongodb';
import { DEFAULT_CACHE_SIZE_MB, startEmbeddedMongo } from '../src/mongo-embedded';
import type { BenchSection } from './bench-section.type';
import { typescriptHookArgs } from '../src/ingest/typescript-hook.args';

const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const INSERT_BATCH = 1_000;
const WARMUP = 10_000;
const LOOKUPS = 2_000;

interface SizeResult {
  size: number;
  insertsPerSecond: number;
  reopenMs: number;
  firstLookupMs: number;
  lookupMedianMs: number;
  lookupP99Ms: number;
  scanMedianMs: number;
  pageMedianMs: number;
  indexedPageMedianMs: number;
  quickCheckMs: number;
  fileMiB: number;
  cacheMiB: number;
  rssAfterMiB: number;
  peakRssMiB: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function makeDocument(i: number) {
  return {
    key: `article-${i}`,
    serial: i,
    title: `Article number ${i} about people, offices and meetings`,
    personIds: [`p${i % 977}`, `p${(i * 7) % 977}`],
    publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000),
  };
}

async function timeEach(times: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await op(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

const mib = (bytes: number) => bytes / 2 ** 20;

/** Writes a few batches through a server of its own, so that the measured load runs at its steady rate, not the compiler's start. */
async function warmUp(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-mongo-warmup-'));
  try {
    await load(dataDir, WARMUP);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function load(dataDir: string, size: number): Promise<number> {
  const server = await startEmbeddedMongo({ dbPath: dataDir });
  const client = await new MongoClient(server.uri).connect();
  try {
    const articles = client.db('bench').collection('articles');
    await articles.createIndex({ key: 1 }, { unique: true });
    await articles.createIndex({ publishedAt: -1 });
    const start = performance.now();
    for (let from = 0; from < size; from += INSERT_BATCH) {
      const batch = Array.from({ length: Math.min(INSERT_BATCH, size - from) }, (_, k) => makeDocument(from + k));
      await articles.insertMany(batch);
    }
    return size / ((performance.now() - start) / 1000);
  } finally {
    await client.close();
    await server.stop();
  }
}

async function reads(articles: Collection, size: number) {
  // Spread lookups over the whole key range with a fixed stride, so every size sees the same pattern.
  const lookups = await timeEach(LOOKUPS, async (i) => {
    const doc = await articles.findOne({ key: `article-${(i * 7919) % size}` });
    if (!doc) throw new Error('indexed lookup found nothing');
  });
  const repeats = size >= 1_000_000 ? 3 : 10;
  const scans = await timeEach(repeats, async (i) => {
    const docs = await articles.find({ serial: (i * 7919) % size, title: { $exists: true } }).toArray();
    if (docs.length !== 1) throw new Error('scan found nothing');
  });
  const sortedPage = (sort: Record<string, 1 | -1>) =>
    timeEach(repeats, async () => {
      const page = await articles.find({}).sort(sort).limit(20).toArray();
      if (page.length !== 20) throw new Error('sorted page is short');
    });
  return {
    lookups,
    scans,
    pages: await sortedPage({ serial: -1 }),
    indexedPages: await sortedPage({ publishedAt: -1 }),
  };
}

/** One size, measured in this process. */
async function measureSize(size: number): Promise<SizeResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-mongo-'));
  try {
    await warmUp();
    const insertsPerSecond = await load(dataDir, size);
    const file = path.join(dataDir, 'newsgraph-embedded.sqlite');
    const reopenStart = performance.now();
    const server = await startEmbeddedMongo({ dbPath: dataDir });
    const reopenMs = performance.now() - reopenStart;
    const client = await new MongoClient(server.uri).connect();
    let result: Omit<SizeResult, 'quickCheckMs' | 'fileMiB' | 'peakRssMiB'>;
    try {
      const articles = client.db('bench').collection('articles');
      const firstStart = performance.now();
      await articles.findOne({ key: 'article-1' });
      const firstLookupMs = performance.now() - firstStart;
      const measured = await reads(articles, size);
      const status = await client.db('admin').command({ serverStatus: 1 });
      result = {
        size,
        insertsPerSecond,
        reopenMs,
        firstLookupMs,
        lookupMedianMs: percentile(measured.lookups, 50),
        lookupP99Ms: percentile(measured.lookups, 99),
        scanMedianMs: percentile(measured.scans, 50),
        pageMedianMs: percentile(measured.pages, 50),
        indexedPageMedianMs: percentile(measured.indexedPages, 50),
        cacheMiB: mib(status.documentCache.bytes as number),
        rssAfterMiB: mib(process.memoryUsage().rss),
      };
    } finally {
      await client.close();
      await server.stop();
    }
    // What the quick check beside serving costs: one pass over the whole file.
    const sqlite = new Database(file, { readonly: true });
    const checkStart = performance.now();
    sqlite.pragma('quick_check');
    const quickCheckMs = performance.now() - checkStart;
    sqlite.close();
    return {
      ...result,
      quickCheckMs,
      fileMiB: mib(statSync(file).size),
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function measureInChild(size: number): SizeResult {
  const child = spawnSync(
    process.execPath,
    ['--max-semi-space-size=32', ...typescriptHookArgs(__filename), __filename, '--size', String(size)],
    { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
  );
  if (child.status !== 0) throw new Error(`the ${size}-document run failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as SizeResult;
}

export async function run(): Promise<BenchSection> {
  // Other work on the machine skews every figure here; the load average says how much there was.
  const loadAtStart = os.loadavg()[0];
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    console.error(`bench: mongo ${size.toLocaleString('en-US')} documents ...`);
    results.push(measureInChild(size));
  }
  const n = (value: number, digits = 0) =>
    value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const rows = results.map(
    (r) =>
      `| ${n(r.size)} | ${n(r.insertsPerSecond)} | ${n(r.reopenMs)} | ${n(r.firstLookupMs, 1)} | ${n(r.lookupMedianMs, 3)} | ${n(r.lookupP99Ms, 3)} | ${n(r.scanMedianMs, 1)} | ${n(r.pageMedianMs, 1)} | ${n(r.indexedPageMedianMs, 2)} | ${n(r.fileMiB, 1)} | ${n(r.quickCheckMs)} | ${n(r.cacheMiB, 1)} | ${n(r.rssAfterMiB)} | ${n(r.peakRssMiB)} |`,
  );
  const small = results[0];
  const large = results[results.length - 1];
  const ratio = large.lookupMedianMs / small.lookupMedianMs;
  const lookupVerdict = ratio <= 2 ? 'holds' : 'FAILS';
  const reopenVerdict = large.reopenMs < 1000 ? 'holds' : 'FAILS';
  const markdown = [
    'The embedded server on its SQLite storage (WAL) in a temp directory, driven through the official driver over loopback; each size in a process of its own (server, driver and loader together, as `npm start` runs them), with the default document cache of ' +
      `${DEFAULT_CACHE_SIZE_MB} MiB. The machine's 1-minute load average was ${loadAtStart.toFixed(1)} at the start.`,
    `Inserts: \`insertMany\` in batches of ${n(INSERT_BATCH)} into a collection with a unique index on \`key\` and an index on \`publishedAt\` (after a warm-up load of ${n(WARMUP)} documents into another data directory). Then the server is stopped and a new one started on the directory.`,
    'Reopen: from starting the new server to its listening (it reads the catalog, not the documents); first lookup: the first `findOne({ key })` it answers.',
    `Indexed lookup: \`findOne({ key })\` x ${n(LOOKUPS)} on the reopened server, spread over all keys. Unindexed scan: \`find({ serial, title: { $exists: true } })\`, every document read (no index on \`serial\`; 10 times, 3 at 1M).`,
    'Sorted page: `find({}).sort({ serial: -1 }).limit(20)` (no index: every document is read for a top-20 selection); indexed sorted page: the same sorted by `publishedAt`, which has an index (walked in order).',
    'Quick check: SQLite `quick_check` of the whole file, which the server runs on a thread of its own beside serving after each start. Cache: the documents the cache holds at the end (stored bytes). RSS after: the process once the reads are done; peak RSS: its maximum over the whole run.',
    '',
    '| documents | inserts/s | reopen (ms) | first lookup (ms) | indexed lookup median (ms) | indexed lookup p99 (ms) | unindexed scan median (ms) | sorted page median (ms) | indexed sorted page median (ms) | file (MiB) | quick check (ms) | cache (MiB) | RSS after (MiB) | peak RSS (MiB) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Target: reopen ${n(large.size)} documents in under 1 s: ${n(large.reopenMs)} ms, target ${reopenVerdict}.`,
    `Target: indexed lookup median at ${n(large.size)} documents within 2x of ${n(small.size)}: ` +
      `${n(large.lookupMedianMs, 3)} ms vs ${n(small.lookupMedianMs, 3)} ms = ${ratio.toFixed(2)}x, target ${lookupVerdict}.`,
  ].join('\n');
  if (ratio > 2 || large.reopenMs >= 1000) process.exitCode = 1;
  return { title: 'Embedded MongoDB server (mongo-embedded)', markdown };
}

if (require.main === module && process.argv[2] === '--size') {
  measureSize(Number(process.argv[3])).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
