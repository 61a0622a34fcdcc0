/**
 * Starts the API in this process (the main one, or each worker of the cluster): with mutations
 * enabled, the extractor is loaded first, so that the first `ingestArticle` does not wait for it.
 */
import type { Db } from 'mongodb';
import { startApiServer, type ApiServerOptions, type RunningApiServer } from '../server';
import { warmExtractionPool } from '../ingest';

export async function startApiProcess({
  db,
  options,
  log,
}: {
  db: Db;
  options: ApiServerOptions;
  log: (message: string) => void;
}): Promise<RunningApiServer> {
  if (options.apiKey !== undefined) {
    const started = Date.now();
    await warmExtractionPool();
    log(`newsgraph: extractor loaded for mutations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return startApiServer({ db, options });
}
