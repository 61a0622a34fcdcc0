/**
 * The corpus audit (issue 11): loads the real, unannotated articles of `../shared/corpus` (BBC
 * 2004-05, Reuters 1987, Al Jazeera 2025; `BENCH_AUDIT_CORPUS` points elsewhere) from scratch
 * with the seed loader into a fresh embedded server on SQLite, then reads the graph as a user
 * would, through the GraphQL API: the most mentioned people, each with the offices
 * `Person.offices` lists by default. Those of the 30 most mentioned are judged against the
 * hand-written labels of `audit-labels.ts` (rules: `audit-measures.ts`).
 * Targets: (a) >= 85% of the offices listed are right; (b) the main office of >= 90% of those who
 * held one is present; (c) at most 1 of the 30 names begins with a title or party word; (d) at
 * most 3 offices duplicate another office of the same person.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient, type Db } from 'mongodb';
import { seedDirectory, type SeedSummary } from '../src/ingest';
import { startEmbeddedMongoThread } from '../src/mongo-embedded';
import type { RunningApiServer } from '../src/server';
import { COLLECTIONS } from '../src/store';
import { AUDIT_LABELS } from './audit-labels';
import {
  duplicateCount,
  judgeOffice,
  labelOf,
  leadingTitleWord,
  type Judgement,
  type ListedOffice,
  type PersonLabel,
} from './audit-measures';
import type { BenchSection } from './bench-section.type';
import { startBenchApi } from './http.bench';
import { PROJECT_ROOT } from '../src/server/project-root';

const CORPUS_DIR = process.env.BENCH_AUDIT_CORPUS ?? path.join(PROJECT_ROOT, '..', 'shared', 'corpus');
const AUDITED_PEOPLE = 30;
const NAMES_CHECKED = 100;
const CROWDED_OFFICE_HOLDERS = 20;
const TARGET_PRECISION = 0.85;
const TARGET_MAIN_OFFICE = 0.9;
const TARGET_TITLED_NAMES = 1;
const TARGET_DUPLICATES = 3;

const COUNTED = ['articles', 'people', 'organizations', 'offices', 'meetings'] as const;

interface CorpusLoad {
  seconds: number;
  added: Record<(typeof COUNTED)[number], number>;
  failed: SeedSummary['failed'];
  decoded: SeedSummary['decoded'];
}

interface DateValue {
  value: string;
}

interface ListedHolding {
  office: ListedOffice;
  support: {
    articleCount: number;
    firstSeen: DateValue | null;
    lastSeen: DateValue | null;
    evidence: { nodes: Array<{ text: string; article: { source: string } | null }> };
  };
}

interface RankedPerson {
  name: string;
  slug: string;
  mentionCount: number;
  support: { articleCount: number };
}

interface AuditedPerson extends RankedPerson {
  offices: ListedHolding[];
  label: PersonLabel | undefined;
  judgements: Judgement[];
  duplicates: number;
}

const TOP_PEOPLE = `query TopPeople($first: Int!) {
  people(first: $first, orderBy: { field: MENTION_COUNT, direction: DESC }) {
    nodes { name slug mentionCount support { articleCount } }
  }
}`;

/** `offices` with its default arguments: what a person page shows. */
const PERSON_OFFICES = `query PersonOffices($slug: String!) {
  person(slug: $slug) {
    offices {
      office { title jurisdiction jurisdictionCode }
      support {
        articleCount
        firstSeen { value }
        lastSeen { value }
        evidence(first: 1) { nodes { text article { source } } }
      }
    }
  }
}`;

const OFFICES_PAGE = `query OfficesPage($after: String) {
  offices(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { title jurisdiction holders { totalCount } }
  }
}`;

async function graphql<T>(server: RunningApiServer, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The corpus's article folders (its README is no article). */
function corpusFolders(): string[] {
  if (!existsSync(CORPUS_DIR)) throw new Error(`no corpus at ${CORPUS_DIR}: set BENCH_AUDIT_CORPUS to its directory`);
  const folders = readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(CORPUS_DIR, entry.name))
    .sort();
  if (!folders.length) throw new Error(`no article folders in the corpus directory ${CORPUS_DIR} (BENCH_AUDIT_CORPUS)`);
  return folders;
}

/** Each folder in turn, as `npm run seed -- --dir` loads one. */
async function loadCorpus(db: Db, folders: string[]): Promise<CorpusLoad> {
  const load: CorpusLoad = {
    seconds: 0,
    added: { articles: 0, people: 0, organizations: 0, offices: 0, meetings: 0 },
    failed: [],
    decoded: [],
  };
  const started = performance.now();
  for (const dir of folders) {
    const summary = await seedDirectory(db, { dir });
    for (const name of COUNTED) load.added[name] += summary[name].added;
    load.failed.push(...summary.failed);
    load.decoded.push(...summary.decoded);
  }
  load.seconds = (performance.now() - started) / 1000;
  return load;
}

async function auditPeople(server: RunningApiServer): Promise<{ ranked: RankedPerson[]; audited: AuditedPerson[] }> {
  const { people } = await graphql<{ people: { nodes: RankedPerson[] } }>(server, TOP_PEOPLE, { first: NAMES_CHECKED });
  const audited: AuditedPerson[] = [];
  for (const person of people.nodes.slice(0, AUDITED_PEOPLE)) {
    const data = await graphql<{ person: { offices: ListedHolding[] } }>(server, PERSON_OFFICES, { slug: person.slug });
    const offices = data.person.offices;
    const label = labelOf(person.name, AUDIT_LABELS);
    const judgements = label ? offices.map((holding) => judgeOffice(holding.office, label)) : [];
    const duplicates = label
      ? duplicateCount(
          offices.map((h) => h.office),
          judgements,
        )
      : 0;
    audited.push({ ...person, offices, label, judgements, duplicates });
  }
  return { ranked: people.nodes, audited };
}

/** Every office the API lists, with its number of holders. */
async function crowdedOffices(server: RunningApiServer): Promise<{ listed: number; crowded: string[] }> {
  type Page = {
    offices: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ title: string; jurisdiction: string | null; holders: { totalCount: number } }>;
    };
  };
  const crowded: Array<{ office: string; holders: number }> = [];
  let after: string | null = null;
  for (;;) {
    const { offices }: Page = await graphql<Page>(server, OFFICES_PAGE, { after });
    for (const office of offices.nodes)
      if (office.holders.totalCount > CROWDED_OFFICE_HOLDERS)
        crowded.push({ office: officeText(office), holders: office.holders.totalCount });
    if (!offices.pageInfo.hasNextPage) {
      crowded.sort((a, b) => b.holders - a.holders);
      return { listed: offices.totalCount, crowded: crowded.map((c) => `${c.office} (${c.holders})`) };
    }
    after = offices.pageInfo.endCursor;
  }
}

/** People that are no person, and second nodes of one person, as far as the labels know them. */
function identityErrors(people: RankedPerson[]): {
  labelled: number;
  notPeople: RankedPerson[];
  twice: RankedPerson[];
} {
  const labels = people.map((person) => labelOf(person.name, AUDIT_LABELS));
  return {
    labelled: labels.filter(Boolean).length,
    notPeople: people.filter((_, i) => labels[i]?.notAPerson),
    twice: people.filter((_, i) => labels[i] && labels.indexOf(labels[i]) !== i),
  };
}

const officeText = (office: { title: string; jurisdiction: string | null }) =>
  `${office.title} | ${office.jurisdiction ?? '(none)'}`;
const count = (n: number) => n.toLocaleString('en');
const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(0)}%` : 'n/a');
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const VERDICT_MARK: Record<Judgement['verdict'], string> = {
  right: 'right',
  variant: 'wrong: the post in a form that is not canonical',
  'no-jurisdiction': 'wrong: no jurisdiction',
  'other-jurisdiction': 'wrong: another jurisdiction',
  'no-such-post': 'wrong: not held',
};

function supportText(holding: ListedHolding): string {
  const { articleCount, firstSeen, lastSeen } = holding.support;
  const seen = firstSeen || lastSeen ? `, ${firstSeen?.value ?? '?'} to ${lastSeen?.value ?? '?'}` : '';
  return `${articleCount} art.${seen}`;
}

function personRow(person: AuditedPerson, rank: number): string {
  const offices = person.offices.length
    ? person.offices
        .map((holding, i) => {
          const judged = person.judgements[i];
          const mark = judged ? (judged.verdict === 'right' ? '✓' : '✗') : '?';
          return `${mark} ${cell(officeText(holding.office))} (${supportText(holding)})`;
        })
        .join('<br>')
    : '(none)';
  const held = person.label ? cell(person.label.held) : '**no label**';
  return `| ${rank} | ${cell(person.name)} | ${person.mentionCount} | ${person.support.articleCount} | ${offices} | ${held} |`;
}

function wrongOfficeLines(audited: AuditedPerson[]): string[] {
  return audited.flatMap((person) =>
    person.offices.flatMap((holding, i) => {
      const judged = person.judgements[i];
      if (!judged || judged.verdict === 'right') return [];
      const evidence = holding.support.evidence.nodes[0];
      const quote = evidence
        ? ` "${evidence.text.replace(/\s+/g, ' ').trim()}" (${evidence.article?.source ?? '?'})`
        : '';
      return [`- ${person.name}: ${officeText(holding.office)}: ${VERDICT_MARK[judged.verdict]}.${quote}`];
    }),
  );
}

export async function run(): Promise<BenchSection> {
  const folders = corpusFolders();
  const loadAtStart = os.loadavg()[0];
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'newsgraph-bench-audit-'));
  const mongo = await startEmbeddedMongoThread({ dbPath: workDir });
  const client = await new MongoClient(mongo.uri).connect();
  let server: RunningApiServer | undefined;
  try {
    const db = client.db('bench');
    const load = await loadCorpus(db, folders);
    const loadAtEnd = os.loadavg()[0];
    const offices = db.collection(COLLECTIONS.offices);
    const withoutJurisdiction = await offices.countDocuments({ jurisdiction: null });
    const sharedWithoutJurisdiction = await offices.countDocuments({ jurisdiction: null, holderCount: { $gt: 1 } });
    server = await startBenchApi(db);
    const { ranked, audited } = await auditPeople(server);
    const { listed, crowded } = await crowdedOffices(server);

    const labelled = audited.filter((person) => person.label);
    const judged = labelled.flatMap((person) => person.judgements);
    const right = judged.filter((j) => j.verdict === 'right').length;
    const withMain = labelled.filter((person) => person.label!.posts.some((post) => post.main));
    const mainPresent = withMain.filter((person) =>
      person.judgements.some((j) => j.verdict === 'right' && person.label!.posts[j.post!].main),
    );
    const titled = (people: RankedPerson[]) => people.filter((person) => leadingTitleWord(person.name));
    const titledTop = titled(ranked.slice(0, AUDITED_PEOPLE));
    const titledAll = titled(ranked);
    const duplicates = audited.reduce((sum, person) => sum + person.duplicates, 0);
    const top = identityErrors(ranked.slice(0, AUDITED_PEOPLE));
    const all = identityErrors(ranked);
    const unlabelled = audited.filter((person) => !person.label);
    const byVerdict = (v: Judgement['verdict']) => judged.filter((j) => j.verdict === v).length;
    const names = (people: RankedPerson[]) => (people.length ? `: ${people.map((p) => p.name).join(', ')}` : '');

    const precision = judged.length ? right / judged.length : 0;
    const mainShare = withMain.length ? mainPresent.length / withMain.length : 0;
    return {
      title: `Corpus audit (${load.added.articles.toLocaleString('en')} real articles, the ${AUDITED_PEOPLE} most mentioned people and their offices)`,
      markdown: [
        `\`npm run bench -- audit\` loads every folder of \`${path.relative(PROJECT_ROOT, CORPUS_DIR)}\` (BBC 2004-05, Reuters 1987, Al Jazeera 2025) with \`seedDirectory\`, as \`npm run seed\` does, into a fresh embedded server on SQLite (on a worker thread), ` +
          `then reads the graph through the GraphQL API as a user would: \`people\` by \`MENTION_COUNT\`, and for each of the ${AUDITED_PEOPLE} most mentioned \`Person.offices\` with its default arguments. ` +
          `Each office is judged against what the person held at the time, written by hand in \`bench/audit-labels.ts\` (matching rules in \`bench/audit-measures.ts\`). ` +
          `The machine was shared with other work: its 1-minute load average was ${loadAtStart.toFixed(1)} at the start and ${loadAtEnd.toFixed(1)} at the end of the load, so the rate is pessimistic.`,
        '',
        '| articles | load (s) | articles/s | people | organizations | offices | meetings | failed | decoded |',
        '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        `| ${count(load.added.articles)} | ${load.seconds.toFixed(0)} | ${(load.added.articles / load.seconds).toFixed(1)} | ` +
          `${count(load.added.people)} | ${count(load.added.organizations)} | ${count(load.added.offices)} | ${count(load.added.meetings)} | ` +
          `${load.failed.length} | ${load.decoded.length} |`,
        '',
        '| measure | measured | target | |',
        '|---|---:|---:|---|',
        `| (a) offices listed by default that are right (right post and jurisdiction at the time, canonical form) | ${percent(right, judged.length)} (${right} of ${judged.length}) | >= ${TARGET_PRECISION * 100}% | ${verdict(precision >= TARGET_PRECISION)} |`,
        `| (b) people whose main office is present, of those who held one | ${percent(mainPresent.length, withMain.length)} (${mainPresent.length} of ${withMain.length}) | >= ${TARGET_MAIN_OFFICE * 100}% | ${verdict(mainShare >= TARGET_MAIN_OFFICE)} |`,
        `| (c) names of the ${AUDITED_PEOPLE} that begin with a title or party word | ${titledTop.length} | <= ${TARGET_TITLED_NAMES} | ${verdict(titledTop.length <= TARGET_TITLED_NAMES)} |`,
        `| (d) offices that duplicate another office of the same person | ${duplicates} | <= ${TARGET_DUPLICATES} | ${verdict(duplicates <= TARGET_DUPLICATES)} |`,
        '',
        `Wrong offices by kind: ${byVerdict('variant')} the person's post in a form that is not canonical, ${byVerdict('no-jurisdiction')} a post held but with no jurisdiction, ` +
          `${byVerdict('other-jurisdiction')} a post's title of another jurisdiction, ${byVerdict('no-such-post')} nothing the person held. ` +
          `Among the ${AUDITED_PEOPLE}: ${top.notPeople.length} not a person${names(top.notPeople)}; ${top.twice.length} a second node of a person ranked above${names(top.twice)}; ` +
          `${unlabelled.length} without a label (their ${unlabelled.reduce((n, p) => n + p.offices.length, 0)} offices unjudged)${names(unlabelled)}. ` +
          `Among the ${ranked.length} most mentioned, as far as the labels reach (${all.labelled} of them): ${all.notPeople.length} not a person${names(all.notPeople)}; ${all.twice.length} a second node of a person ranked above${names(all.twice)}.`,
        '',
        `Offices without a jurisdiction: ${withoutJurisdiction.toLocaleString('en')} of ${load.added.offices.toLocaleString('en')} (each its holder's alone; ${sharedWithoutJurisdiction} shared by several people). ` +
          `Offices the API lists (with a jurisdiction): ${listed.toLocaleString('en')}, of which ${crowded.length} have more than ${CROWDED_OFFICE_HOLDERS} holders${crowded.length ? `: ${crowded.slice(0, 15).join(', ')}${crowded.length > 15 ? ', ...' : ''}` : ''}. ` +
          `Names that begin with a title or party word: ${titledTop.length} of the ${AUDITED_PEOPLE} most mentioned${names(titledTop)}; ${titledAll.length} of the ${ranked.length}${names(titledAll)}.`,
        '',
        `The ${AUDITED_PEOPLE} most mentioned people, each office as \`Person.offices\` lists it (✓ right, ✗ wrong, ? unlabelled) with its support (articles, first and last seen), and what the labels say they held:`,
        '',
        '| # | person | mentions | articles | offices | held at the time (labels) |',
        '|---:|---|---:|---:|---|---|',
        ...audited.map((person, i) => personRow(person, i + 1)),
        '',
        '<details><summary>Each wrong office, why, and the first sentence the API gives as its evidence</summary>',
        '',
        ...wrongOfficeLines(audited),
        '',
        '</details>',
      ].join('\n'),
    };
  } finally {
    await server?.stop();
    await client.close();
    await mongo.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}
