/**
 * `npm run quality`: extraction quality on the evaluation kit (../shared/eval). Scores the dev set
 * with the kit's own scorer, per metric and per article (worst first), and with article names
 * (`npm run quality -- isot-001 reuters-003`) shows each one's predicted facts against its gold:
 * `=` in both, `-` gold only (missed), `+` predicted only (spurious).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractArticle, type ExtractionRecord } from '../src/extract';
import { PROJECT_ROOT as ROOT } from '../src/server/project-root';

export const EVAL_DIR = path.join(ROOT, '..', 'shared', 'eval');
export const DEV_DIR = path.join(EVAL_DIR, 'dev');
export const SEED_DIR = path.join(ROOT, 'seeds');

export interface Metric {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  pred: number;
  gold: number;
}
export type Scores = Record<string, Metric>;
export interface ScoreReport {
  metrics: Scores;
  perArticle: Record<string, Scores>;
  records: ExtractionRecord[];
}

export function articlesIn(dir: string): Array<{ source: string; text: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ source: f, text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** The kit's scorer over fresh extractions of `articlesDir`, or null when the kit or python3 is not at hand. */
export function scoreAgainst(goldDir: string, articlesDir: string): ScoreReport | null {
  const scorer = path.join(EVAL_DIR, 'score');
  const articles = articlesIn(articlesDir);
  if (!existsSync(scorer) || !existsSync(goldDir) || !articles.length) return null;
  const records = articles.map((a) => extractArticle(a));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quality-'));
  try {
    const predictions = path.join(dir, 'predictions.json');
    writeFileSync(predictions, JSON.stringify(records));
    const run = spawnSync('python3', [scorer, goldDir, predictions, '--json', '--per-article'], { encoding: 'utf8' });
    if (run.status !== 0) return null;
    const out = JSON.parse(run.stdout) as { metrics: Scores; perArticle: Record<string, Scores> };
    return { ...out, records };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cell = (m: Metric) =>
  `${m.f1.toFixed(3)}  (P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)}  ${m.tp}/${m.pred}/${m.gold})`;

function printSummary(title: string, report: ScoreReport) {
  console.log(`\n${title}`);
  for (const [name, m] of Object.entries(report.metrics)) console.log(`  ${name.padEnd(30)} ${cell(m)}`);
}

const SHORT: Record<string, string> = {
  people: 'ppl',
  organizations: 'org',
  'offices (title)': 'off-t',
  'offices (title+jurisdiction)': 'off-tj',
  'meetings (loose)': 'mt-l',
  'meetings (strict)': 'mt-s',
};

function printPerArticle(report: ScoreReport) {
  const names = Object.keys(SHORT);
  console.log(`\n  ${'article'.padEnd(28)} ${names.map((n) => SHORT[n].padStart(6)).join(' ')}   errors`);
  const errors = (s: Scores) => names.reduce((n, k) => n + (s[k].pred - s[k].tp) + (s[k].gold - s[k].tp), 0);
  const rows = Object.entries(report.perArticle).sort((a, b) => errors(b[1]) - errors(a[1]));
  for (const [source, s] of rows) {
    const cells = names.map((k) => (s[k].pred + s[k].gold === 0 ? '-' : s[k].f1.toFixed(2)).padStart(6));
    console.log(`  ${source.replace(/\.txt$/, '').padEnd(28)} ${cells.join(' ')}   ${errors(s)}`);
  }
}

// Display only: the kit's scorer is the measure; this pairs facts loosely to show what differs.
const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’‘`.\s]+/g, ' ')
    .trim();
const list = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
type Named = { name: string; aliases?: string[] };
const formsOf = (e: Named) => new Set([e.name, ...(e.aliases ?? [])].map(norm));

function showEntities(label: string, gold: Named[], pred: Named[]) {
  console.log(`  ${label}`);
  const used = new Set<number>();
  for (const g of gold) {
    const at = pred.findIndex((p, i) => !used.has(i) && [...formsOf(p)].some((f) => formsOf(g).has(f)));
    if (at >= 0) used.add(at);
    console.log(
      `    ${at >= 0 ? '=' : '-'} ${g.name}${at >= 0 && pred[at].name !== g.name ? `  (as ${pred[at].name})` : ''}`,
    );
  }
  pred.forEach(
    (p, i) => !used.has(i) && console.log(`    + ${p.name}${p.aliases?.length ? ` [${p.aliases.join(', ')}]` : ''}`),
  );
}

function showArticle(source: string, record: ExtractionRecord) {
  const goldFile = path.join(DEV_DIR, 'gold', source.replace(/\.txt$/, '.json'));
  const gold = JSON.parse(readFileSync(goldFile, 'utf8'));
  console.log(`\n=== ${source}`);
  showEntities('people', gold.people ?? [], record.people);
  showEntities('organizations', gold.organizations ?? [], record.organizations);
  const personOf = (name: string) => {
    const key = norm(name);
    const g = (gold.people ?? []).find((p: Named) => formsOf(p).has(key));
    return g ? norm(g.name) : key;
  };
  const office = (o: { holder: string; title: unknown; jurisdiction: unknown }) =>
    `${o.holder} | ${list(o.title).join(' / ')} | ${list(o.jurisdiction).join(' / ') || '-'}`;
  console.log('  offices');
  const goldOffices = list(gold.offices) as Array<{ holder: string; title: unknown; jurisdiction: unknown }>;
  const usedOffices = new Set<number>();
  for (const g of goldOffices) {
    const at = record.offices.findIndex(
      (p, i) =>
        !usedOffices.has(i) &&
        personOf(p.holder) === personOf(g.holder) &&
        list(g.title).some((t) => norm(t) === norm(p.title)),
    );
    if (at >= 0) usedOffices.add(at);
    const jurisdictionOk =
      at >= 0 && list(g.jurisdiction).some((j) => norm(j) === norm(record.offices[at].jurisdiction));
    const mark = at < 0 ? '-' : jurisdictionOk || !list(g.jurisdiction).length ? '=' : '~';
    console.log(`    ${mark} ${office(g)}${mark === '~' ? `  (jurisdiction ${record.offices[at].jurisdiction})` : ''}`);
  }
  record.offices.forEach((p, i) => !usedOffices.has(i) && console.log(`    + ${office(p)}`));
  console.log('  meetings');
  const meeting = (m: { participants: unknown; date: unknown; location: unknown }) =>
    `${list(m.participants).join(', ')} | ${m.date ?? '-'} | ${list(m.location).join(' / ') || '-'}`;
  for (const g of list(gold.meetings) as Array<{ participants: string[]; date: unknown; location: unknown }>)
    console.log(`    G ${meeting(g)}`);
  for (const p of record.meetings) {
    console.log(`    P ${meeting(p)}`);
    for (const e of p.evidence) console.log(`        « ${e.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}

function main() {
  const args = process.argv.slice(2);
  const seed = scoreAgainst(path.join(EVAL_DIR, 'gold'), SEED_DIR);
  const dev = scoreAgainst(path.join(DEV_DIR, 'gold'), DEV_DIR);
  if (!seed || !dev) {
    console.error('quality: the evaluation kit (../shared/eval) or python3 is not available here');
    process.exit(2);
  }
  const wanted = args.filter((a) => !a.startsWith('--'));
  if (wanted.length) {
    for (const name of wanted) {
      const record = dev.records.find((r) => r.source.replace(/\.txt$/, '') === name.replace(/\.txt$/, ''));
      if (!record) console.error(`quality: no dev article ${name}`);
      else showArticle(record.source, record);
    }
    return;
  }
  printSummary('seed article', seed);
  printSummary(`dev set (${dev.records.length} articles)`, dev);
  printPerArticle(dev);
}

if (require.main === module) main();
