/**
 * A loader process for tests that kill one: ingests the submissions of a JSON file
 * (`[{ source, text }]`) into MONGODB_URI / NEWSGRAPH_DB_NAME, `CONCURRENCY` at a time, and
 * prints `ok <source>` after each one, so the test knows when it is in the middle of its work.
 */
import { readFileSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import { ingestArticle, type ArticleSubmission } from '../../src/ingest';

async function main(): Promise<void> {
  const submissions = JSON.parse(readFileSync(process.argv[2], 'utf8')) as ArticleSubmission[];
  const client = await new MongoClient(process.env.MONGODB_URI!).connect();
  const db = client.db(process.env.NEWSGRAPH_DB_NAME);
  const queue = [...submissions];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await ingestArticle(db, next);
      process.stdout.write(`ok ${next.source}\n`);
    }
  };
  await Promise.all(Array.from({ length: Number(process.env.CONCURRENCY ?? 1) }, worker));
  await client.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
