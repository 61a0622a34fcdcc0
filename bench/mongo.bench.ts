/**
 * The embedded server on its durable SQLite storage, through the official driver: insert
 * throughput, an indexed point lookup and an unindexed scan at 1k, 10k and 100k documents.
 * Target: the indexed lookup at 100k stays within 2x of its time at 1k (the index, not a scan).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../src/mongo-embedded';
import type { BenchSection } from './bench-section.type';

const SIZES = [1_000, 10_000, 100_000];
const INSERT_BATCH = 1_000;
const LOOKUPS = 2_000;
const SCANS = 20;

interface SizeResult {
  size: number;
  insertsPerSecond: number;
  lookupMedianMs: number;
  lookupP99Ms: number;
  scanMedianMs: number;
  pageMedianMs: number;
  indexedPageMedianMs: number;
  reopenMs: number;
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

/** How long a server takes to start on an existing data directory (it loads every document). */
async function timeReopen(dataDir: string): Promise<number> {
  const start = performance.now();
  const server = await startEmbeddedMongo({ dbPath: dataDir });
  const elapsed = performance.now() - start;
  await server.stop();
  return elapsed;
}

async function measure(size: number): Promise<SizeResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-mongo-'));
  try {
    const figures = await measureOpen(dataDir, size);
    return { ...figures, reopenMs: await timeReopen(dataDir) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureOpen(dataDir: string, size: number): Promise<Omit<SizeResult, 'reopenMs'>> {
  const server = await startEmbeddedMongo({ dbPath: dataDir });
  const client = await new MongoClient(server.uri).connect();
  try {
    const articles = client.db('bench').collection('articles');
    await articles.createIndex({ key: 1 }, { unique: true });
    await articles.createIndex({ publishedAt: -1 });
    const insertStart = performance.now();
    for (let from = 0; from < size; from += INSERT_BATCH) {
      const batch = Array.from({ length: Math.min(INSERT_BATCH, size - from) }, (_, k) => makeDocument(from + k));
      await articles.insertMany(batch);
    }
    const insertSeconds = (performance.now() - insertStart) / 1000;
    // Spread lookups over the whole key range with a fixed stride, so every size sees the same pattern.
    const lookups = await timeEach(LOOKUPS, async (i) => {
      const doc = await articles.findOne({ key: `article-${(i * 7919) % size}` });
      if (!doc) throw new Error('indexed lookup found nothing');
    });
    const scans = await timeEach(SCANS, async (i) => {
      const doc = await articles.findOne({ serial: (i * 7919) % size, title: { $exists: true } });
      if (!doc) throw new Error('scan found nothing');
    });
    const sortedPage = (sort: Record<string, 1 | -1>) =>
      timeEach(SCANS, async () => {
        const page = await articles.find({}).sort(sort).limit(20).toArray();
        if (page.length !== 20) throw new Error('sorted page is short');
      });
    const pages = await sortedPage({ serial: -1 });
    const indexedPages = await sortedPage({ publishedAt: -1 });
    return {
      size,
      insertsPerSecond: size / insertSeconds,
      lookupMedianMs: percentile(lookups, 50),
      lookupP99Ms: percentile(lookups, 99),
      scanMedianMs: percentile(scans, 50),
      pageMedianMs: percentile(pages, 50),
      indexedPageMedianMs: percentile(indexedPages, 50),
    };
  } finally {
    await client.close();
    await server.stop();
  }
}

export async function run(): Promise<BenchSection> {
  const results: SizeResult[] = [];
  for (const size of SIZES) results.push(await measure(size));
  const rows = results.map(
    (r) =>
      `| ${r.size.toLocaleString('en-US')} | ${Math.round(r.insertsPerSecond).toLocaleString('en-US')} | ${r.lookupMedianMs.toFixed(3)} | ${r.lookupP99Ms.toFixed(3)} | ${r.scanMedianMs.toFixed(2)} | ${r.pageMedianMs.toFixed(2)} | ${r.indexedPageMedianMs.toFixed(2)} | ${Math.round(r.reopenMs)} |`,
  );
  const small = results[0];
  const large = results[results.length - 1];
  const ratio = large.lookupMedianMs / small.lookupMedianMs;
  const verdict = ratio <= 2 ? 'holds' : 'FAILS';
  const markdown = [
    'Embedded server with SQLite storage (WAL) in a temp directory, driven through the official driver over loopback.',
    `Inserts: \`insertMany\` in batches of ${INSERT_BATCH} into a collection with a unique index on \`key\` and an index on \`publishedAt\`.`,
    `Indexed lookup: \`findOne({ key })\` x ${LOOKUPS}. Unindexed scan: \`findOne({ serial, title: { $exists: true } })\` x ${SCANS} (no index on \`serial\`).`,
    'Reopen: starting a server on the data directory afterwards, which loads every document and rebuilds the indexes.',
    `Sorted page: \`find({}).sort({ serial: -1 }).limit(20)\` x ${SCANS} (no index: a top-20 selection over all documents); indexed sorted page: the same sorted by \`publishedAt\`, which has an index (walked in order).`,
    '',
    '| documents | inserts/s | indexed lookup median (ms) | indexed lookup p99 (ms) | unindexed scan median (ms) | sorted page median (ms) | indexed sorted page median (ms) | reopen (ms) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Target: indexed lookup median at ${large.size.toLocaleString('en-US')} documents within 2x of ${small.size.toLocaleString('en-US')}: ` +
      `${large.lookupMedianMs.toFixed(3)} ms vs ${small.lookupMedianMs.toFixed(3)} ms = ${ratio.toFixed(2)}x, target ${verdict}.`,
  ].join('\n');
  if (ratio > 2) process.exitCode = 1;
  return { title: 'Embedded MongoDB server (mongo-embedded)', markdown };
}
