/**
 * `newsgraph extract FILE...`: prints one JSON array of extraction records (failures as
 * `{source, error}`) on stdout and nothing else, so its output can be piped to the scorer.
 */
import { extractArticle, type ExtractionFailure, type ExtractionRecord } from '../extract';
import { readArticleFile } from '../ingest/article-file.reader';

const USAGE = 'usage: newsgraph extract FILE...\n';

export async function run(args: string[]): Promise<number> {
  if (args.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const results: Array<ExtractionRecord | ExtractionFailure> = [];
  let failed = 0;
  for (const file of args) {
    const article = await readArticleFile(file);
    if (!article.ok) {
      failed++;
      process.stderr.write(`extract: ${file}: ${article.error}\n`);
      results.push({ source: article.source, error: article.error });
      continue;
    }
    try {
      results.push(extractArticle({ source: article.source, text: article.text }));
    } catch (err) {
      failed++;
      const error = `extraction failed: ${err instanceof Error ? err.message : String(err)}`;
      process.stderr.write(`extract: ${file}: ${error}\n`);
      results.push({ source: article.source, error });
    }
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}
