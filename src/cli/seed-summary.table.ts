/** The seed summary as terminal tables: changes per collection, then the files that failed and why. */
import Table from 'cli-table3';
import { SUMMARY_COLLECTIONS, type SeedSummary } from '../ingest';

export function renderSeedSummary(summary: SeedSummary, colors: boolean): string {
  const style = colors ? { head: ['bold'] } : { head: [], border: [] };
  const changes = new Table({
    head: ['', 'added', 'updated', 'unchanged', 'removed'],
    style,
    colAligns: ['left', 'right', 'right', 'right', 'right'],
  });
  for (const name of SUMMARY_COLLECTIONS) {
    const c = summary[name];
    changes.push([name, c.added, c.updated, c.unchanged, c.removed]);
  }
  const seconds = summary.durationMs / 1000;
  const rate = seconds > 0 ? ` (${(summary.files / seconds).toFixed(1)} files/s)` : '';
  const lines = [
    `Seeded ${summary.files} file(s) from ${summary.dir} in ${seconds.toFixed(1)} s${rate}`,
    changes.toString(),
  ];
  if (summary.failed.length) {
    const failed = new Table({ head: ['failed file', 'reason'], style, wordWrap: true, colWidths: [40, 60] });
    for (const f of summary.failed) failed.push([f.source, f.error]);
    lines.push(`${summary.failed.length} file(s) could not be loaded:`, failed.toString());
  }
  return `${lines.join('\n')}\n`;
}
