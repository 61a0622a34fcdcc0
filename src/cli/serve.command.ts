/**
 * `newsgraph serve` (`npm start`): checks the configuration, opens MongoDB (embedded unless
 * MONGODB_URI is set), creates the indexes, loads seeds/ into an empty database, then serves
 * until SIGTERM or SIGINT, when it drains requests and closes the database.
 */
import { startApiServer } from '../server';
import { ensureSeeded } from '../ingest';
import { ensureIndexes } from '../store';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './database.connection';

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export async function run(args: string[]): Promise<number> {
  if (args.length) {
    log('usage: newsgraph serve   (configured by environment variables; see README "Configuration")');
    return 2;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      log(`newsgraph: ${err.message}`);
      return 2;
    }
    throw err;
  }

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
  log(`newsgraph: GraphQL API at ${server.url}graphql${config.sandbox ? ` (Apollo Sandbox at ${server.url})` : ''}`);
  if (!config.apiKey) log('newsgraph: NEWSGRAPH_API_KEY not set; mutations are disabled');

  const running = server;
  await new Promise<void>((resolve) => {
    const shutDown = (signal: NodeJS.Signals): void => {
      log(`newsgraph: ${signal}, finishing in-flight requests and shutting down`);
      process.off('SIGTERM', shutDown);
      process.off('SIGINT', shutDown);
      resolve();
    };
    process.on('SIGTERM', shutDown);
    process.on('SIGINT', shutDown);
  });
  await running.stop();
  await database.close();
  log('newsgraph: stopped');
  return 0;
}
