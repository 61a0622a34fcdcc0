/**
 * `newsgraph serve` (`npm start`): checks the configuration and that the port is free, opens
 * MongoDB (embedded unless MONGODB_URI is set), creates the indexes, loads seeds/ into an empty
 * database, then serves (from NEWSGRAPH_WORKERS processes) until SIGTERM or SIGINT (or, started
 * by `npm start`, until npm is gone), when it drains requests and closes the database.
 */
import cluster from 'node:cluster';
import { ensureSeeded } from '../ingest';
import { explorerAssets } from '../server';
import { ensureIndexes } from '../store';
import { startApiCluster, type ServingApi } from './api-cluster.supervisor';
import { serveAsApiWorker } from './api-cluster.worker';
import { startApiProcess } from './api-process.starter';
import { loadConfigOrReport, type Config } from './config';
import { openDatabase, type DatabaseConnection } from './database.connection';
import { listenProblem } from './listen-address.check';
import { followParentProcess } from './parent-process.watch';

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A server that never fails on its own: only the cluster's workers can run out. */
const NEVER = new Promise<Error>(() => undefined);

async function startServing(config: Config, database: DatabaseConnection): Promise<ServingApi> {
  const options = {
    port: config.port,
    host: config.host,
    apiKey: config.apiKey,
    production: config.production,
    introspection: config.introspection,
    explorer: config.explorer,
    stackTraces: config.stackTraces,
    responseCacheMB: config.responseCacheMB,
  };
  if (config.workers === 1) {
    const server = await startApiProcess({ db: database.db, options, log });
    return { url: server.url, failed: NEVER, stop: () => server.stop() };
  }
  return startApiCluster({
    count: config.workers,
    assignment: { databaseUri: database.uri, dbName: config.dbName, options },
    log,
  });
}

/**
 * Builds the explorer page's files if this version has none yet (a fresh clone whose install
 * skipped scripts), while the database starts; the workers then find them built. A failure
 * leaves the API serving without the page.
 */
async function prepareExplorer(): Promise<void> {
  const started = Date.now();
  try {
    const assets = await explorerAssets();
    if (assets.built) log(`newsgraph: built the explorer page in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    log(`newsgraph: the explorer page could not be built, serving the API without it: ${(err as Error).message}`);
  }
}

export async function run(args: string[]): Promise<number> {
  if (cluster.isWorker) return serveAsApiWorker();
  if (args.length) {
    log('usage: newsgraph serve   (configured by environment variables; see README "Configuration")');
    return 2;
  }
  const config = loadConfigOrReport(process.env, log);
  if (!config) return 2;
  const listenFailure = await listenProblem(config.host, config.port);
  if (listenFailure) {
    log(`newsgraph: ${listenFailure}`);
    return 1;
  }

  // Listen for signals before the (possibly long) first seed, so Ctrl-C then still closes the
  // database cleanly; a second signal stops at once, which loses nothing since loading is crash-safe.
  let starting = true;
  let signalsDuringStart = 0;
  const stopRequested = new Promise<string>((resolve) => {
    const onStop = (reason: string): void => {
      if (starting && ++signalsDuringStart > 1) {
        log('newsgraph: stopping now; run it again to finish loading');
        process.exit(130);
      }
      if (starting)
        log(`newsgraph: ${reason} during start-up; stopping once it is done (send a signal again to stop now)`);
      resolve(reason);
    };
    process.on('SIGTERM', onStop);
    process.on('SIGINT', onStop);
    followParentProcess(process.env, (parentPid) => onStop(`the process that started it (${parentPid}) is gone`));
  });
  const explorerReady = config.explorer ? prepareExplorer() : undefined;

  const database = await openDatabase({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    cacheSizeMB: config.cacheSizeMB,
    dbName: config.dbName,
    log,
  });
  let server;
  try {
    await ensureIndexes(database.db);
    await ensureSeeded(database.db, config.seedsDir, log);
    await explorerReady;
    server = await startServing(config, database);
  } catch (err) {
    await database.close();
    throw err;
  }
  starting = false;
  log(
    `newsgraph: GraphQL API at ${server.url}graphql${config.explorer ? `, explorer at ${server.url}` : ''} (process ${process.pid}; Ctrl-C or kill ${process.pid} stops it)`,
  );
  if (!config.apiKey) log('newsgraph: NEWSGRAPH_API_KEY not set; mutations are disabled');

  const ending = await Promise.race([stopRequested, server.failed]);
  log(
    `newsgraph: ${ending instanceof Error ? ending.message : ending}, finishing in-flight requests and shutting down`,
  );
  try {
    await server.stop();
  } finally {
    await database.close();
  }
  log('newsgraph: stopped');
  return ending instanceof Error ? 1 : 0;
}
