/**
 * The seed summary as terminal tables: changes per collection, the files decoded from a legacy
 * encoding, then the files and rows that failed and why.
 */
import Table from 'cli-table3';
import { countOf, describeFailedItem, SUMMARY_COLLECTIONS, type SeedSummary } from '../ingest';

/** Beyond this many, decoded files are counted rather than listed (the JSON summary lists them all). */
const DECODED_LISTED = 10;

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
  const loaded = summary.articles.added + summary.articles.updated + summary.articles.unchanged;
  const rate = seconds > 0 ? ` (${(loaded / seconds).toFixed(1)} articles/s)` : '';
  const lines = [
    `Loaded ${countOf(loaded, 'article')} from ${countOf(summary.files, 'file')} in ${summary.paths.join(', ')} ` +
      `in ${seconds.toFixed(1)} s${rate}` +
      (summary.failed.length ? `; ${summary.failed.length} failed` : ''),
    changes.toString(),
  ];
  if (summary.decoded.length) {
    const listed = summary.decoded.slice(0, DECODED_LISTED).map((d) => `${d.source} (${d.encoding})`);
    const more = summary.decoded.length - listed.length;
    lines.push(
      `${countOf(summary.decoded.length, 'file was', 'files were')} not UTF-8 and decoded: ${listed.join(', ')}` +
        (more ? ` and ${more} more (--json lists them all)` : ''),
    );
  }
  if (summary.failed.length) {
    const failed = new Table({ head: ['not loaded', 'reason'], style, wordWrap: true, colWidths: [40, 60] });
    for (const f of summary.failed) failed.push([describeFailedItem(f), f.error]);
    lines.push(
      `${countOf(summary.failed.length, 'file or row', 'files or rows')} could not be loaded:`,
      failed.toString(),
    );
  }
  return `${lines.join('\n')}\n`;
}
