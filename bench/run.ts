/**
 * `npm run bench`: runs every benchmark module in turn and writes BENCHMARKS.md with the
 * machine and date, so figures are always reported with where and when they were measured.
 * `npm run bench -- NAME...` runs only the named modules and keeps the other sections as they were.
 */
import 'reflect-metadata';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchSection } from './bench-section.type';
import { PROJECT_ROOT } from '../src/server/project-root';

const MODULES = ['mongo', 'wire', 'extract', 'load', 'http', 'ingest', 'audit'] as const;
type ModuleName = (typeof MODULES)[number];

const OUTPUT = path.join(PROJECT_ROOT, 'BENCHMARKS.md');
const SECTION_MARK = (name: string) => `<!-- bench:${name} -->`;

function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const memGiB = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${os.cpus().length} x ${cpu}, ${memGiB} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function previousSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(OUTPUT)) return sections;
  const text = readFileSync(OUTPUT, 'utf8');
  for (const name of MODULES) {
    const start = text.indexOf(SECTION_MARK(name));
    if (start < 0) continue;
    const next = text.indexOf('<!-- bench:', start + 1);
    sections.set(name, text.slice(start, next < 0 ? undefined : next).trimEnd());
  }
  return sections;
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((a): a is ModuleName => (MODULES as readonly string[]).includes(a));
  const unknown = process.argv.slice(2).filter((a) => !(MODULES as readonly string[]).includes(a));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${MODULES.join(', ')}`);
    process.exit(2);
  }
  const toRun = requested.length ? requested : [...MODULES];
  const sections = previousSections();
  for (const name of toRun) {
    console.error(`bench: ${name} ...`);
    const mod = (await import(`./${name}.bench`)) as { run: () => Promise<BenchSection> };
    const section = await mod.run();
    const stamped = `${SECTION_MARK(name)}\n## ${section.title}\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.\n\n${section.markdown.trim()}`;
    sections.set(name, stamped);
    console.error(section.markdown.trim());
  }
  const body = MODULES.filter((m) => sections.has(m))
    .map((m) => sections.get(m))
    .join('\n\n');
  writeFileSync(
    OUTPUT,
    `# Benchmarks\n\nWritten by \`npm run bench\` (see bench/). Each section names the machine and date it was measured on.\n\n${body}\n`,
  );
  console.error(`wrote ${OUTPUT}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
