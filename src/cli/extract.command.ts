/**
 * `newsgraph extract FILE|DIR...`: prints one JSON array of extraction records (failures as
 * `{source, error}`) on stdout and nothing else, so its output can be piped to the scorer. A
 * directory stands for every file under it, in name order (thousands of paths would not fit on an
 * `npm run` command line). Records are written as they are made, so memory stays flat.
 */
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { extractArticle, type ExtractionFailure, type ExtractionRecord } from '../extract';
import { readArticleFile } from '../ingest/article-file.reader';
import { articleFilePaths } from '../ingest/article-files.walker';

const USAGE = 'usage: newsgraph extract FILE|DIR...\n';

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
  for await (const file of filesOf(args)) {
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

/** The arguments with each directory replaced by the files under it. */
async function* filesOf(args: string[]): AsyncGenerator<string> {
  for (const arg of args) {
    const isDirectory = await stat(arg).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isDirectory) yield* articleFilePaths(arg);
    else yield arg;
  }
}
