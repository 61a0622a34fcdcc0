/**
 * `newsgraph serve` (`npm start`): checks the configuration, opens MongoDB (embedded unless
 * MONGODB_URI is set), creates the indexes, loads seeds/ into an empty database, then serves
 * (from NEWSGRAPH_WORKERS processes) until SIGTERM or SIGINT, when it drains requests and
 * closes the database.
 */
import cluster from 'node:cluster';
import { startApiServer } from '../server';
import { ensureSeeded } from '../ingest';
import { ensureIndexes } from '../store';
import { startApiCluster, type ServingApi } from './api-cluster.supervisor';
import { serveAsApiWorker } from './api-cluster.worker';
import { loadConfigOrReport, type Config } from './config';
import { openDatabase, type DatabaseConnection } from './database.connection';

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A server that never fails on its own: only the cluster's workers can run out. */
const NEVER = new Promise<Error>(() => undefined);

async function startServing(config: Config, database: DatabaseConnection): Promise<ServingApi> {
  if (config.workers === 1) {
    const server = await startApiServer({ db: database.db, options: config });
    return { url: server.url, failed: NEVER, stop: () => server.stop() };
  }
  return startApiCluster({
    count: config.workers,
    assignment: {
      databaseUri: database.uri,
      dbName: config.dbName,
      options: {
        port: config.port,
        host: config.host,
        apiKey: config.apiKey,
        production: config.production,
        introspection: config.introspection,
        sandbox: config.sandbox,
      },
    },
    log,
  });
}

export async function run(args: string[]): Promise<number> {
  if (cluster.isWorker) return serveAsApiWorker();
  if (args.length) {
    log('usage: newsgraph serve   (configured by environment variables; see README "Configuration")');
    return 2;
  }
  const config = loadConfigOrReport(process.env, log);
  if (!config) return 2;

  // Listen for signals before the (possibly long) first seed, so Ctrl-C then still closes the
  // database cleanly; a second signal stops at once, which loses nothing since loading is crash-safe.
  let starting = true;
  let signalsDuringStart = 0;
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      if (starting && ++signalsDuringStart > 1) {
        log('newsgraph: stopping now; run it again to finish loading');
        process.exit(130);
      }
      if (starting) log(`newsgraph: ${signal} during start-up; stopping once it is done (send it again to stop now)`);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });

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
    server = await startServing(config, database);
  } catch (err) {
    await database.close();
    throw err;
  }
  starting = false;
  log(`newsgraph: GraphQL API at ${server.url}graphql${config.sandbox ? ` (Apollo Sandbox at ${server.url})` : ''}`);
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
