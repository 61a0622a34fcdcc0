/**
 * Hostile articles through `ingestArticle` while the API keeps answering: each article is posted
 * to a running API (embedded server on its own thread, extraction pool warmed as at start, default
 * budget and queue) while `/healthz` is asked every 100 ms. Target (issue 12): while a 300 KB
 * single-token article is ingested, `/healthz` answers within 0.5 s and the ingest ends within
 * 30 s, stored or refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient } from 'mongodb';
import { DEFAULT_EXTRACTION_BUDGET_MS, warmExtractionPool } from '../src/ingest';
import { startEmbeddedMongoThread } from '../src/mongo-embedded';
import { DEFAULT_RESPONSE_CACHE_MB, startApiServer } from '../src/server';
import { ensureIndexes } from '../src/store';
import type { BenchSection } from './bench-section.type';
import { PROJECT_ROOT } from '../src/server/project-root';

const API_KEY = 'bench-api-key-0123456789abcdef';
const HEALTH_EVERY_MS = 100;
const TARGET_HEALTH_MS = 500;
const TARGET_INGEST_MS = 30_000;
const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

interface Case {
  name: string;
  text: string;
  /** Whether the target applies to this case. */
  target: boolean;
}

function cases(): Case[] {
  const prose = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8'))
    .join('\n\n');
  const repeat = (text: string, bytes: number) => text.repeat(Math.ceil(bytes / text.length)).slice(0, bytes);
  return [
    { name: '300 KB single token', text: repeat('Abcdefghij', 300 * 1024), target: true },
    { name: '1 MB single token', text: repeat('Abcdefghij', 1024 * 1024), target: false },
    // Under the 5 MB limit in UTF-8 bytes (the prose has a few multi-byte characters).
    {
      name: '4.5 MB of news prose (the seed articles repeated)',
      text: repeat(`${prose}\n\n`, 4.5 * 1024 * 1024),
      target: false,
    },
  ];
}

interface Measurement {
  ingestMs: number;
  outcome: string;
  healthMaxMs: number;
  healthP50Ms: number;
  healthChecks: number;
}

async function measure(base: string, text: string, source: string): Promise<Measurement> {
  const latencies: number[] = [];
  let ingesting = true;
  const probe = (async () => {
    while (ingesting) {
      const started = performance.now();
      await fetch(`${base}/healthz`).then((r) => r.arrayBuffer());
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
    }
  })();
  const started = performance.now();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify({
      query:
        'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status article { people { totalCount } } } }',
      variables: { input: { source, text } },
    }),
  });
  const body = (await response.json()) as {
    data?: { ingestArticle: { status: string; article: { people: { totalCount: number } } } } | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  const ingestMs = performance.now() - started;
  ingesting = false;
  await probe;
  const outcome = body.data?.ingestArticle
    ? `stored (${body.data.ingestArticle.status}, ${body.data.ingestArticle.article.people.totalCount} people)`
    : `refused: ${body.errors?.[0]?.extensions?.code} (${body.errors?.[0]?.message.replace(/^article "[^"]*": /, '')})`;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    ingestMs,
    outcome,
    healthMaxMs: sorted.at(-1) ?? 0,
    healthP50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
    healthChecks: sorted.length,
  };
}

export async function run(): Promise<BenchSection> {
  const mongo = await startEmbeddedMongoThread({ memory: true });
  const client = await new MongoClient(mongo.uri).connect();
  const db = client.db('bench');
  await ensureIndexes(db);
  const api = await startApiServer({
    db,
    options: {
      port: 0,
      host: '127.0.0.1',
      apiKey: API_KEY,
      production: true,
      introspection: false,
      explorer: false,
      stackTraces: false,
      responseCacheMB: DEFAULT_RESPONSE_CACHE_MB,
    },
  });
  const rows: string[] = [];
  let targetHolds = true;
  try {
    await warmExtractionPool();
    const base = `http://127.0.0.1:${api.port}`;
    for (const [i, c] of cases().entries()) {
      const m = await measure(base, c.text, `bench-hostile-${i}.txt`);
      if (c.target) targetHolds &&= m.healthMaxMs <= TARGET_HEALTH_MS && m.ingestMs <= TARGET_INGEST_MS;
      rows.push(
        `| ${c.name} | ${(m.ingestMs / 1000).toFixed(1)} s | ${m.outcome} | ${m.healthChecks} | ${m.healthP50Ms.toFixed(1)} ms | ${m.healthMaxMs.toFixed(1)} ms |`,
      );
    }
  } finally {
    await api.stop();
    await client.close();
    await mongo.stop();
  }
  return {
    title: 'Hostile articles through the API (extraction pool)',
    markdown: `Each article posted to \`ingestArticle\` on a running API (the embedded server on its own thread, the extraction pool warmed as at start, default limits: ${DEFAULT_EXTRACTION_BUDGET_MS / 1000} s per article), while \`/healthz\` is asked every ${HEALTH_EVERY_MS} ms from the same machine.

| article | ingest took | outcome | /healthz checks | /healthz p50 | /healthz max |
|---|---|---|---|---|---|
${rows.join('\n')}

Target: while the 300 KB single-token article is ingested, \`/healthz\` within ${TARGET_HEALTH_MS / 1000} s and the ingest ends within ${TARGET_INGEST_MS / 1000} s, stored or refused: **${targetHolds ? 'holds' : 'missed'}**.`,
  };
}
