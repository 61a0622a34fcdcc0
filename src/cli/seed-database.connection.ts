/**
 * Which MongoDB `newsgraph seed` loads into: MONGODB_URI when set; else the embedded server that
 * a running `npm start` (or `newsgraph-mongod`) keeps on the data directory, found through the
 * record it leaves there; else an embedded server of its own on the directory. When the directory
 * is held by a server that cannot be reached, the error says exactly what to run instead.
 */
import { MongoClient, type Db } from 'mongodb';
import { readServerRecord } from '../mongo-embedded';
import type { Config } from './config';
import { openDatabase } from './database.connection';

export interface SeedDatabase {
  db: Db;
  close(): Promise<void>;
}

/** How long to look for the recorded server before deciding it is not there. */
const RECORDED_SERVER_TIMEOUT_MS = 5000;

export class DataDirectoryBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirectoryBusyError';
  }
}

/** A shell word as typed: quoted only when it needs to be. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

async function connectToRecordedServer(uri: string): Promise<MongoClient | null> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: RECORDED_SERVER_TIMEOUT_MS });
  try {
    return await client.connect();
  } catch {
    await client.close().catch(() => undefined);
    return null;
  }
}

export async function openSeedDatabase(
  config: Pick<Config, 'mongodbUri' | 'dataDir' | 'dbName' | 'seedCacheSizeMB'>,
  args: readonly string[],
  log: (message: string) => void,
): Promise<SeedDatabase> {
  const open = () =>
    openDatabase({
      mongodbUri: config.mongodbUri,
      dataDir: config.dataDir,
      cacheSizeMB: config.seedCacheSizeMB,
      dbName: config.dbName,
      log,
    });
  if (config.mongodbUri) return open();

  const record = readServerRecord(config.dataDir);
  if (record) {
    const client = await connectToRecordedServer(record.uri);
    if (client) {
      log(
        `MongoDB: ${config.dataDir} is in use by a running server (process ${record.pid}); loading through it at ${record.uri}, database "${config.dbName}"`,
      );
      return { db: client.db(config.dbName), close: () => client.close() };
    }
  }
  try {
    return await open();
  } catch (err) {
    if (!/in use by another embedded MongoDB server/.test((err as Error).message)) throw err;
    const rerun = ['npm', 'run', 'seed', ...(args.length ? ['--', ...args] : [])].map(shellWord).join(' ');
    throw new DataDirectoryBusyError(
      [
        `the data directory ${config.dataDir} is in use by another server that did not record where it listens${record ? ` (process ${record.pid} does not answer at ${record.uri})` : ''}.`,
        'Either stop that server (Ctrl-C in its terminal) and run this again, or load through it with the address its start log',
        'printed ("started the embedded server at mongodb://127.0.0.1:PORT/..."):',
        `  MONGODB_URI='mongodb://127.0.0.1:PORT/?directConnection=true' ${rerun}`,
      ].join('\n'),
    );
  }
}
