/**
 * Starts the API in this process (the main one, or each worker of the cluster): with mutations
 * enabled, the extractor is loaded first, so that the first `ingestArticle` does not wait for it.
 */
import type { Db } from 'mongodb';
import { startApiServer, type ApiServerOptions, type RunningApiServer } from '../server';
import { warmUpExtractor } from './extractor.warm-up';

export async function startApiProcess({
  db,
  options,
}: {
  db: Db;
  options: ApiServerOptions;
}): Promise<RunningApiServer> {
  if (options.apiKey !== undefined) await warmUpExtractor();
  return startApiServer({ db, options });
}
