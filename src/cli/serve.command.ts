/**
 * `newsgraph serve` (`npm start`): checks the configuration, opens MongoDB (embedded unless
 * MONGODB_URI is set), creates the indexes, loads seeds/ into an empty database, then serves
 * until SIGTERM or SIGINT, when it drains requests and closes the database.
 */
import { startApiServer } from '../server';
import { ensureSeeded } from '../ingest';
import { ensureIndexes } from '../store';
import { loadConfigOrReport } from './config';
import { openDatabase } from './database.connection';

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export async function run(args: string[]): Promise<number> {
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

  const database = await openDatabase({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, dbName: config.dbName, log });
  let server;
  try {
    await ensureIndexes(database.db);
    await ensureSeeded(database.db, config.seedsDir, log);
    server = await startApiServer({ db: database.db, options: config });
  } catch (err) {
    await database.close();
    throw err;
  }
  starting = false;
  log(`newsgraph: GraphQL API at ${server.url}graphql${config.sandbox ? ` (Apollo Sandbox at ${server.url})` : ''}`);
  if (!config.apiKey) log('newsgraph: NEWSGRAPH_API_KEY not set; mutations are disabled');

  const signal = await stopRequested;
  log(`newsgraph: ${signal}, finishing in-flight requests and shutting down`);
  try {
    await server.stop();
  } finally {
    await database.close();
  }
  log('newsgraph: stopped');
  return 0;
}
