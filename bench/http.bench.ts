/**
 * The GraphQL API under HTTP load (autocannon, loopback only, fixed durations): a query mix of a
 * person with offices, meetings and participants; meetings in a date range; and a search, at 1
 * and 50 connections against the seeded embedded store, each both with the same variables on
 * every request (a hot query) and with variables drawn per request from every person who took
 * part in a meeting. The same reads made directly through the store with the driver give the
 * baseline the HTTP figures are compared with. The varied mix also runs on the synthetic corpus
 * (10,000 articles, with its heavy hitters), with the response cache as served and without it. Then the person-with-meetings query alone on the
 * seed data and on the synthetic corpus. Targets: p99 < 50 ms at 50 connections on the seed
 * data; the varied mix p99 < 100 ms at 50 connections on the synthetic corpus; the person query
 * on the synthetic corpus within 3x of its latency on the seed data.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { MongoClient, type Db } from 'mongodb';
import { seedDirectory } from '../src/ingest';
import { startEmbeddedMongoThread } from '../src/mongo-embedded';
import { DEFAULT_RESPONSE_CACHE_MB, startApiServer, type RunningApiServer } from '../src/server';
import {
  createRequestLoaders,
  findHoldingsOfPeople,
  findMeetingsPage,
  findOrganizationsByIds,
  findPeopleByIds,
  findPeopleBySlugs,
  findPeoplePage,
  keyedPage,
  searchEverything,
  type MeetingView,
  type Page,
  type PersonView,
} from '../src/store';
import type { BenchSection } from './bench-section.type';
import { writeSyntheticCorpus } from './synthetic-corpus';
import { PROJECT_ROOT as ROOT } from '../src/server/project-root';
import { typescriptHookArgs } from '../src/ingest/typescript-hook.args';

const SEEDS_DIR = path.join(ROOT, 'seeds');
const EXAMPLES_DIR = path.join(ROOT, 'schema', 'examples');
const SYNTHETIC_ARTICLES = 10_000;
const CORPUS_SEED = 2020;
const DURATION_SECONDS = 8;
/** Before the synthetic corpus is measured, its pages are read for this long: the caches then hold what the mix reads, not what the load wrote last. */
const SYNTHETIC_WARM_UP_SECONDS = 10;
const CONNECTIONS = [1, 50];
const TARGET_P99_MS = 50;
const TARGET_SYNTHETIC_VARIED_P99_MS = 100;
const TARGET_SYNTHETIC_RATIO = 3;
const LATEST_FIRST = { field: 'date', direction: -1 } as const;

interface Workload {
  slug: string;
  from: string;
  to: string;
  text: string;
}

export interface Figures {
  requestsPerSecond: number;
  mean: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time of this process (API server, embedded MongoDB thread, garbage collector) per request. */
  cpuMsPerRequest?: number;
  /** CPU time of the API's own thread (GraphQL, driver, HTTP) per request; Linux only. */
  apiThreadMsPerRequest?: number;
  /** Bytes per response, headers included. */
  bytesPerResponse?: number;
}

export const example = (name: string) => readFileSync(path.join(EXAMPLES_DIR, `${name}.graphql`), 'utf8');

type PersonPick = 'busiest' | { meetingsNear: number };

const MOST_MENTIONED_PAGES = 5;

/** The most mentioned people (100 per page, up to `pages` pages) who took part in meetings, with their latest meetings. */
async function peopleWithMeetings(
  db: Db,
  pages: number,
): Promise<Array<{ person: PersonView; meetings: MeetingView[] }>> {
  const found: Array<{ person: PersonView; meetings: MeetingView[] }> = [];
  const loaders = createRequestLoaders(db);
  let after: string | null = null;
  for (let read = 0; read < pages; read++) {
    const page: Page<PersonView> = await findPeoplePage(
      db,
      {},
      { field: 'mentionCount', direction: -1 },
      { first: 100, after },
    );
    const people = page.edges.map((edge) => edge.node).filter((person) => person.meetingCount > 0);
    const latest = await Promise.all(
      people.map((person) =>
        keyedPage(loaders.meetingsOfPerson, person._id, LATEST_FIRST, { first: 20 }, async () => person.meetingCount),
      ),
    );
    people.forEach((person, i) => found.push({ person, meetings: latest[i].edges.map((edge) => edge.node) }));
    if (!page.hasNextPage) break;
    after = page.edges[page.edges.length - 1].cursor;
  }
  return found;
}

const surnameOf = (person: PersonView): string => person.name.split(' ').pop()!;

/**
 * The bench runs against whatever the data holds: a person who took part in meetings (the most
 * mentioned one, or the one whose meeting count is nearest a given count, among the 500 most
 * mentioned), the start of their surname, and the year of their meetings.
 */
async function workloadOf(db: Db, pick: PersonPick): Promise<Workload & { meetings: number }> {
  const counted = await peopleWithMeetings(db, pick === 'busiest' ? 1 : MOST_MENTIONED_PAGES);
  if (!counted.length)
    throw new Error('nobody in the store took part in a meeting: extraction found none, so there is nothing to query');
  const distance = (n: number) => (pick === 'busiest' ? 0 : Math.abs(n - pick.meetingsNear));
  const { person, meetings } = counted.reduce((best, c) =>
    distance(c.person.meetingCount) < distance(best.person.meetingCount) ? c : best,
  );
  const year = meetings.map((m) => m.date?.slice(0, 4)).find(Boolean) ?? '2020';
  return {
    slug: person.slug,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    text: surnameOf(person).slice(0, 5),
    meetings: person.meetingCount,
  };
}

const lastDayOf = (month: string): string => {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
};

/** Every person among the 500 most mentioned who took part in a dated meeting, each as a workload of their own. */
async function everyWorkload(db: Db): Promise<Workload[]> {
  return (await peopleWithMeetings(db, MOST_MENTIONED_PAGES)).flatMap(({ person, meetings }) => {
    const month = meetings.map((m) => m.date?.slice(0, 7)).find((d) => d?.length === 7);
    return month
      ? [{ slug: person.slug, from: `${month}-01`, to: lastDayOf(month), text: surnameOf(person).slice(0, 4) }]
      : [];
  });
}

function variablesOf(name: string, workload: Workload): Record<string, unknown> {
  if (name === 'person-with-meetings') return { slug: workload.slug };
  if (name === 'meetings-in-date-range') return { from: workload.from, to: workload.to };
  return { text: workload.text };
}

const POST_GRAPHQL = { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' } } as const;

/** The same variables on every request: the hot-query case, where concurrent identical reads share commands. */
function requestsOf(workload: Workload, names: string[]): autocannon.Request[] {
  return names.map((name) => ({
    ...POST_GRAPHQL,
    body: JSON.stringify({ query: example(name), variables: variablesOf(name, workload) }),
  }));
}

/** Variables drawn at random per request from every workload: concurrent requests mostly ask different things. */
function variedRequestsOf(workloads: Workload[], names: string[]): autocannon.Request[] {
  return names.map(
    (name) =>
      ({
        ...POST_GRAPHQL,
        operation: example(name),
        variants: workloads.map((workload) => variablesOf(name, workload)),
        setupRequest: path.join(__dirname, `varied-request.setup${path.extname(__filename)}`),
      }) as autocannon.Request,
  );
}

// The load generator runs in a process of its own: neither its event loop nor its CPU time is the server's.
const RUN_AUTOCANNON = `require(${JSON.stringify(require.resolve('autocannon'))})(JSON.parse(process.argv[1]), (err, result) => {
  if (err) { console.error(err); process.exit(1); }
  process.stdout.write(JSON.stringify(result));
});`;

function autocannonProcess(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    // The varied requests' per-request hook is a file of this benchmark's own kind.
    const args = [...typescriptHookArgs(__filename), '-e', RUN_AUTOCANNON, JSON.stringify(options)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output) as autocannon.Result)
        : reject(new Error(`autocannon exited with code ${code}`)),
    );
  });
}

/** CPU milliseconds this process's main thread (the API's) has used, where /proc tells. */
function apiThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** autocannon against the server for `DURATION_SECONDS` after a warm-up (1 s unless said). */
export async function loadTest(
  server: RunningApiServer,
  requests: autocannon.Request[],
  connections: number,
  warmUpSeconds = 1,
): Promise<Figures> {
  const url = `http://127.0.0.1:${server.port}`;
  await autocannonProcess({ url, connections, duration: warmUpSeconds, requests });
  const cpuBefore = process.cpuUsage();
  const threadBefore = apiThreadCpuMs();
  const result = await autocannonProcess({ url, connections, duration: DURATION_SECONDS, requests });
  const cpu = process.cpuUsage(cpuBefore);
  const threadAfter = apiThreadCpuMs();
  const served = result.requests.total;
  return {
    requestsPerSecond: result.requests.average,
    mean: result.latency.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / served,
    apiThreadMsPerRequest:
      threadBefore === undefined || threadAfter === undefined ? undefined : (threadAfter - threadBefore) / served,
    bytesPerResponse: result.throughput.total / served,
  };
}

/** The reads the person, date-range and search operations make, straight through the store with the driver; each picks one of `workloads`. */
function directReads(db: Db, workloads: Workload[]): Array<() => Promise<unknown>> {
  const pick = () => workloads[Math.floor(Math.random() * workloads.length)];
  const participantsOf = async (meetings: MeetingView[]) => {
    const refs = meetings.flatMap((m) => m.participants);
    await Promise.all([
      findPeopleByIds(
        db,
        refs.filter((r) => r.kind === 'person').map((r) => r.refId),
      ),
      findOrganizationsByIds(
        db,
        refs.filter((r) => r.kind === 'organization').map((r) => r.refId),
      ),
    ]);
  };
  return [
    async () => {
      const [person] = await findPeopleBySlugs(db, [pick().slug]);
      const loaders = createRequestLoaders(db);
      const [, meetings] = await Promise.all([
        findHoldingsOfPeople(db, [person._id]),
        keyedPage(loaders.meetingsOfPerson, person._id, LATEST_FIRST, { first: 20 }, async () => person.meetingCount),
      ]);
      await participantsOf(meetings.edges.map((edge) => edge.node));
    },
    async () => {
      const { from, to } = pick();
      const page = await findMeetingsPage(db, { from, to }, { field: 'date', direction: -1 }, { first: 50 });
      await Promise.all([page.totalCount(), participantsOf(page.edges.map((e) => e.node))]);
    },
    () => searchEverything(db, pick().text),
  ];
}

async function directLoad(reads: Array<() => Promise<unknown>>, concurrency: number): Promise<Figures> {
  const latencies: number[] = [];
  const deadline = performance.now() + DURATION_SECONDS * 1000;
  const worker = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i++) {
      const started = performance.now();
      await reads[i % reads.length]();
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const mean = latencies.reduce((sum, l) => sum + l, 0) / latencies.length;
  return { requestsPerSecond: latencies.length / DURATION_SECONDS, mean, p50: at(0.5), p99: at(0.99), errors: 0 };
}

/** The API server on a free loopback port with production settings, as users serve it (the response cache at its default size unless told). */
export function startBenchApi(db: Db, responseCacheMB = DEFAULT_RESPONSE_CACHE_MB): Promise<RunningApiServer> {
  return startApiServer({
    db,
    options: {
      port: 0,
      host: '127.0.0.1',
      apiKey: undefined,
      production: true,
      introspection: false,
      explorer: false,
      stackTraces: false,
      responseCacheMB,
    },
  });
}

/**
 * `use` against a second API on the same store without the response cache: every request runs
 * its query, which is what the figures of a query's own cost need (repeated requests would
 * otherwise be answered from memory after the first).
 */
export async function withUncachedApi<T>(db: Db, use: (server: RunningApiServer) => Promise<T>): Promise<T> {
  const server = await startBenchApi(db, 0);
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

/** A fresh embedded server on SQLite in a temp dir, on its own thread as `npm start` runs it, with the API server on top. */
async function withStore<T>(
  load: (db: Db) => Promise<unknown>,
  use: (db: Db, server: RunningApiServer) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-http-data-'));
  const mongo = await startEmbeddedMongoThread({ dbPath: dataDir });
  const client = await new MongoClient(mongo.uri).connect();
  const db = client.db('bench');
  let server: RunningApiServer | undefined;
  try {
    await load(db);
    server = await startBenchApi(db);
    return await use(db, server);
  } finally {
    await server?.stop();
    await client.close();
    await mongo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (value: number) => value.toFixed(1);
const cpuOf = (figures: Figures) => (figures.cpuMsPerRequest === undefined ? '' : ms(figures.cpuMsPerRequest));
const kilobytesOf = (figures: Figures) =>
  figures.bytesPerResponse === undefined ? '' : (figures.bytesPerResponse / 1024).toFixed(1);
const apiThreadOf = (figures: Figures) =>
  figures.apiThreadMsPerRequest === undefined ? '' : ms(figures.apiThreadMsPerRequest);

export async function run(): Promise<BenchSection> {
  // Everything here shares the CPU (server, embedded MongoDB, load generator): other load skews it.
  const loadAtStart = os.loadavg()[0];
  const MIX = ['person-with-meetings', 'meetings-in-date-range', 'search'];
  const seed = await withStore(
    (db) => seedDirectory(db, { dir: SEEDS_DIR }),
    async (db, server) => {
      const workload = await workloadOf(db, 'busiest');
      const everyone = await everyWorkload(db);
      const rows: string[] = [];
      const p99At50: Record<string, number> = {};
      for (const connections of CONNECTIONS) {
        for (const [variables, requests, workloads] of [
          ['same', requestsOf(workload, MIX), [workload]],
          ['varied', variedRequestsOf(everyone, MIX), everyone],
        ] as const) {
          const http = await loadTest(server, requests, connections);
          const direct = await directLoad(directReads(db, [...workloads]), connections);
          if (connections === 50) p99At50[variables] = http.p99;
          rows.push(
            `| ${connections} | ${variables} | ${http.requestsPerSecond.toFixed(0)} | ${ms(http.p50)} | ${ms(http.p99)} | ${http.errors} | ${cpuOf(http)} | ${kilobytesOf(http)} | ` +
              `${direct.requestsPerSecond.toFixed(0)} | ${ms(direct.p50)} | ${ms(direct.p99)} | ${(direct.requestsPerSecond / http.requestsPerSecond).toFixed(1)}x |`,
          );
        }
      }
      const person = await withUncachedApi(db, (uncached) =>
        loadTest(uncached, requestsOf(workload, ['person-with-meetings']), 1),
      );
      return { workload, workloads: everyone.length, rows, p99At50, person };
    },
  );

  const corpusDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-http-'));
  const synthetic = await withStore(
    async (db) => {
      await writeSyntheticCorpus(corpusDir, SYNTHETIC_ARTICLES, CORPUS_SEED);
      await seedDirectory(db, { dir: corpusDir });
    },
    async (db, server) => {
      const comparable = await workloadOf(db, { meetingsNear: seed.workload.meetings });
      const busiest = await workloadOf(db, 'busiest');
      const everyone = await everyWorkload(db);
      const mix = variedRequestsOf(everyone, MIX);
      const varied = await loadTest(server, mix, 50, SYNTHETIC_WARM_UP_SECONDS);
      // Without the response cache every request runs its query: the mix, then each operation
      // alone, varied the same way (which one costs what).
      return withUncachedApi(db, async (uncachedServer) => {
        const uncached: Array<[string, Figures]> = [
          ['mix, no response cache', await loadTest(uncachedServer, mix, 50, SYNTHETIC_WARM_UP_SECONDS)],
        ];
        for (const name of MIX)
          uncached.push([
            `${name}, no response cache`,
            await loadTest(uncachedServer, variedRequestsOf(everyone, [name]), 50),
          ]);
        return {
          varied: { workloads: everyone.length, http: varied },
          uncached,
          comparable: {
            workload: comparable,
            person: await loadTest(uncachedServer, requestsOf(comparable, ['person-with-meetings']), 1),
          },
          busiest: {
            workload: busiest,
            person: await loadTest(uncachedServer, requestsOf(busiest, ['person-with-meetings']), 1),
          },
        };
      });
    },
  ).finally(() => rmSync(corpusDir, { recursive: true, force: true }));

  const loadAtEnd = os.loadavg()[0];
  // autocannon's percentiles are whole milliseconds; the mean compares small latencies more finely.
  const ratio = synthetic.comparable.person.mean / seed.person.mean;
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  return {
    title: 'GraphQL over HTTP (autocannon, loopback, embedded server on SQLite)',
    markdown: [
      `Query mix (\`schema/examples\`: person-with-meetings for \`${seed.workload.slug}\`, meetings-in-date-range ${seed.workload.from}..${seed.workload.to}, ` +
        `search \`${seed.workload.text}\`) against the store seeded from \`seeds/\`, ${DURATION_SECONDS} s per row after a 1 s warm-up, production settings. ` +
        '"Driver" makes the same reads directly through the store functions on the same client; the last column is how many times more reads per second it manages than HTTP. ' +
        `The API server, the embedded MongoDB (on its own thread, as \`npm start\` runs it) and autocannon (in a process of its own) all run on this machine; its 1-minute load average was ${loadAtStart.toFixed(1)} at the start and ${loadAtEnd.toFixed(1)} at the end (its own processes included). ` +
        '"CPU ms/request" is the CPU time of the server process (API thread, embedded MongoDB thread, garbage collection) per request answered; "API thread" is that of the API thread alone (GraphQL, driver, HTTP).',
      '',
      `"same": every request of an operation has the variables above (a hot query: concurrent identical reads are sent once, see README "Performance"). ` +
        `"varied": each request draws its variables at random from the ${seed.workloads} people on the seed data who took part in a dated meeting ` +
        '(their slug, the month of a meeting of theirs, the first letters of their surname): with few people, concurrent requests still often repeat one another; the synthetic corpus below has hundreds. ' +
        'The API serves them as `npm start` does, with the response cache: a request asked again before the store changes is answered from memory, so after the warm-up nearly every request here is; the driver reads have no such cache.',
      '',
      '| connections | variables | HTTP req/s | HTTP p50 (ms) | HTTP p99 (ms) | errors | HTTP CPU ms/request | KB/response | driver reads/s | driver p50 (ms) | driver p99 (ms) | driver / HTTP |',
      '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...seed.rows,
      '',
      `The same mix with varied variables on the synthetic corpus (${SYNTHETIC_ARTICLES.toLocaleString('en')} articles; variables drawn from its ${synthetic.varied.workloads} most mentioned people who took part in a dated meeting), 50 connections, ` +
        `after ${SYNTHETIC_WARM_UP_SECONDS} s of the same mix (so that caches hold what it reads rather than what the load wrote last). ` +
        `With the response cache (on by default, ${DEFAULT_RESPONSE_CACHE_MB} MiB), a query asked again before the store changes is answered from memory: the mix asks about 3 operations of ` +
        `${synthetic.varied.workloads} people, so after the warm-up nearly every request is such a repeat. ` +
        'The same mix on an API without the response cache, where every request runs its query, after the same warm-up; then each operation alone, varied the same way:',
      '',
      '| operation | req/s | p50 (ms) | p99 (ms) | errors | CPU ms/request | API thread ms/request | KB/response |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      ...[['mix', synthetic.varied.http] as const, ...synthetic.uncached].map(
        ([name, figures]) =>
          `| ${name} | ${figures.requestsPerSecond.toFixed(0)} | ${ms(figures.p50)} | ${ms(figures.p99)} | ${figures.errors} | ${cpuOf(figures)} | ${apiThreadOf(figures)} | ${kilobytesOf(figures)} |`,
      ),
      '',
      'person-with-meetings alone, 1 connection, without the response cache (the same request again and again would otherwise be answered from memory). On the synthetic corpus: a person with about as many meetings as on the seed data ' +
        '(same response size, larger store: the target compares its mean latency with that on the seed data), and the most mentioned person who took part in meetings (a larger response).',
      '',
      '| data | person | their meetings | req/s | mean (ms) | p50 (ms) | p99 (ms) | CPU ms/request |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
      `| seeds/ | \`${seed.workload.slug}\` | ${seed.workload.meetings} | ${seed.person.requestsPerSecond.toFixed(0)} | ${ms(seed.person.mean)} | ${ms(seed.person.p50)} | ${ms(seed.person.p99)} | ${cpuOf(seed.person)} |`,
      ...[synthetic.comparable, synthetic.busiest].map(
        ({ workload, person }) =>
          `| synthetic, ${SYNTHETIC_ARTICLES.toLocaleString('en')} articles | \`${workload.slug}\` | ${workload.meetings} | ` +
          `${person.requestsPerSecond.toFixed(0)} | ${ms(person.mean)} | ${ms(person.p50)} | ${ms(person.p99)} | ${cpuOf(person)} |`,
      ),
      '',
      `Targets: p99 < ${TARGET_P99_MS} ms at 50 connections on the seed data: same variables ${verdict(seed.p99At50.same < TARGET_P99_MS)} (${ms(seed.p99At50.same)} ms), ` +
        `varied variables ${verdict(seed.p99At50.varied < TARGET_P99_MS)} (${ms(seed.p99At50.varied)} ms); ` +
        `varied mix on the synthetic corpus p99 < ${TARGET_SYNTHETIC_VARIED_P99_MS} ms at 50 connections: ${verdict(synthetic.varied.http.p99 < TARGET_SYNTHETIC_VARIED_P99_MS)} (${ms(synthetic.varied.http.p99)} ms; ` +
        `without the response cache ${ms(synthetic.uncached[0][1].p99)} ms, ${verdict(synthetic.uncached[0][1].p99 < TARGET_SYNTHETIC_VARIED_P99_MS)}); ` +
        `person-with-meetings on the synthetic corpus within ${TARGET_SYNTHETIC_RATIO}x of the seed data (mean, comparable person): ${verdict(ratio <= TARGET_SYNTHETIC_RATIO)} (${ratio.toFixed(1)}x).`,
    ].join('\n'),
  };
}
