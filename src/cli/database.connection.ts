/**
 * The one place that decides which MongoDB the product talks to: the server at MONGODB_URI
 * when it is set, otherwise the embedded wire-compatible server on a loopback port with its
 * data on disk. Everything after this point uses the official driver and cannot tell which.
 * The embedded server runs on its own worker thread so its work does not delay the API's.
 */
import { MongoClient, type Db } from 'mongodb';
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
}

/** Hides credentials so the URI can be logged. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^@/]+)@/, '//***@');
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseConnection> {
  if (options.mongodbUri) {
    const client = await new MongoClient(options.mongodbUri).connect();
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
