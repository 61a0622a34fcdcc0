/**
 * `newsgraph extract FILE...`: prints one JSON array of extraction records (failures as
 * `{source, error}`) on stdout and nothing else, so its output can be piped to the scorer.
 * Records are written as they are made: thousands of articles would not fit in one string.
 */
import { once } from 'node:events';
import { extractArticle, type ExtractionFailure, type ExtractionRecord } from '../extract';
import { readArticleFile } from '../ingest/article-file.reader';

const USAGE = 'usage: newsgraph extract FILE...\n';

export async function run(args: string[]): Promise<number> {
  if (args.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  let written = 0;
  const print = async (result: ExtractionRecord | ExtractionFailure) => {
    const element = JSON.stringify(result, null, 2).replace(/^/gm, '  ');
    if (!process.stdout.write(`${written++ ? ',\n' : '[\n'}${element}`)) await once(process.stdout, 'drain');
  };
  let failed = 0;
  for (const file of args) {
    const article = await readArticleFile(file);
    if (!article.ok) {
      failed++;
      process.stderr.write(`extract: ${file}: ${article.error}\n`);
      await print({ source: article.source, error: article.error });
      continue;
    }
    let result: ExtractionRecord | ExtractionFailure;
    try {
      result = extractArticle({ source: article.source, text: article.text });
    } catch (err) {
      failed++;
      const error = `extraction failed: ${err instanceof Error ? err.message : String(err)}`;
      process.stderr.write(`extract: ${file}: ${error}\n`);
      result = { source: article.source, error };
    }
    await print(result);
  }
  process.stdout.write(written ? '\n]\n' : '[]\n');
  return failed ? 1 : 0;
}
