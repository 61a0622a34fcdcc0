/**
 * The one place that decides which MongoDB the product talks to: the server at MONGODB_URI
 * when it is set, otherwise the embedded wire-compatible server on a loopback port with its
 * data on disk. Everything after this point uses the official driver and cannot tell which.
 * The embedded server runs on its own worker thread so its work does not delay the API's.
 */
import { MongoClient, type Db, type ServerHeartbeatFailedEvent } from 'mongodb';
import { startEmbeddedMongoThread } from '../mongo-embedded';

export interface DatabaseConnection {
  client: MongoClient;
  db: Db;
  mode: 'external' | 'embedded';
  /** Where other processes (the API workers) reach the same database. */
  uri: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  mongodbUri: string | undefined;
  dataDir: string;
  /** The embedded server's document cache (MiB); its default when absent. */
  cacheSizeMB?: number;
  dbName: string;
  log: (message: string) => void;
  /** How long a start waits for MONGODB_URI to answer; DEFAULT_CONNECT_TIMEOUT_MS unless given. */
  connectTimeoutMs?: number;
}

/** Hides credentials so the URI can be logged. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^@/]+)@/, '//***@');
}

/** The hosts a MongoDB URI names (`db1:27017,db2`), without credentials, database or options. */
export function uriHosts(uri: string): string {
  return /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]*)/.exec(uri)?.[1] || uri;
}

/** How long a start waits for MongoDB, unless the URI sets its own `serverSelectionTimeoutMS`. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

/**
 * Connects to MONGODB_URI, or fails within the connect timeout with a message naming MongoDB, the
 * hosts, the variable and the last reason the driver saw. Only the start is cut short: the
 * driver's own timeouts (30 s to find a server) still apply afterwards, to ride out an election.
 * A URI that sets `serverSelectionTimeoutMS` is left to the driver's timeout, start included.
 */
async function connectExternal(uri: string, defaultTimeoutMs: number): Promise<MongoClient> {
  const fromUri = /[?&]serverSelectionTimeoutMS=(\d+)/i.exec(uri)?.[1];
  const timeoutMs = fromUri === undefined ? defaultTimeoutMs : Number(fromUri);
  const client = new MongoClient(uri);
  let lastFailure: Error | undefined;
  const noteFailure = (event: ServerHeartbeatFailedEvent): void => {
    lastFailure = event.failure;
  };
  client.on('serverHeartbeatFailed', noteFailure);
  let timer: NodeJS.Timeout | undefined;
  const GAVE_UP = new Error('gave up');
  const attempts: Array<Promise<MongoClient>> = [client.connect()];
  if (fromUri === undefined)
    attempts.push(new Promise((_, reject) => (timer = setTimeout(() => reject(GAVE_UP), timeoutMs))));
  try {
    return await Promise.race(attempts);
  } catch (err) {
    await client.close().catch(() => undefined);
    const gaveUp = err === GAVE_UP || (err as Error).name === 'MongoServerSelectionError';
    const reason = gaveUp
      ? `${lastFailure?.message ?? 'no answer'}; gave up after ${timeoutMs / 1000} s`
      : (err as Error).message;
    throw new Error(
      [
        `cannot connect to MongoDB at ${uriHosts(uri)} (MONGODB_URI): ${reason}`,
        '  Check that MongoDB runs there and that the URI is right, or unset MONGODB_URI to use the embedded server.',
        ...(gaveUp ? ['  To wait longer, add serverSelectionTimeoutMS=<milliseconds> to the URI.'] : []),
      ].join('\n'),
      { cause: err },
    );
  } finally {
    clearTimeout(timer);
    client.off('serverHeartbeatFailed', noteFailure);
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseConnection> {
  if (options.mongodbUri) {
    const client = await connectExternal(options.mongodbUri, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
    options.log(`MongoDB: using MONGODB_URI ${redactUri(options.mongodbUri)}, database "${options.dbName}"`);
    return {
      client,
      db: client.db(options.dbName),
      mode: 'external',
      uri: options.mongodbUri,
      close: () => client.close(),
    };
  }
  const server = await startEmbeddedMongoThread({
    dbPath: options.dataDir,
    cacheSizeMB: options.cacheSizeMB,
    // Nothing can be served without the database: exit so the process supervisor restarts us.
    onCrash(error) {
      options.log(`newsgraph: exiting, the database is gone: ${error.message}`);
      process.exit(1);
    },
  });
  let client: MongoClient;
  try {
    client = await new MongoClient(server.uri).connect();
  } catch (err) {
    await server.stop();
    throw err;
  }
  options.log(
    `MongoDB: MONGODB_URI not set; started the embedded server at ${server.uri} with data in ${options.dataDir}, database "${options.dbName}"`,
  );
  return {
    client,
    db: client.db(options.dbName),
    mode: 'embedded',
    uri: server.uri,
    async close() {
      await client.close();
      await server.stop();
    },
  };
}
