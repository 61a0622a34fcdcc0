/**
 * mongo-embedded: a MongoDB-wire-compatible server inside the process, so the product and
 * its tests talk the real protocol through the official driver without a mongod. SQLite holds
 * the documents and indexes (a file in the data directory, or memory) and is read on demand
 * through a bounded cache; query semantics come from mingo. `startEmbeddedMongoThread` runs the
 * same server on a worker thread of the process.
 */
import { removeStaleBackupFiles } from './commands/backup.commands';
import { DatabaseEngine } from './storage/database.engine';
import { EmbeddedServer } from './wire/embedded.server';
import { removeServerRecord, writeServerRecord } from './storage/server-record';
import { SqliteStorage } from './storage/sqlite.storage';

export {
  startEmbeddedMongoThread,
  StopTimeoutError,
  type EmbeddedMongoThreadOptions,
} from './thread/embedded-thread.launcher';
export {
  readServerRecord,
  removeServerRecord,
  SERVER_RECORD_FILE,
  writeServerRecord,
  type ServerRecord,
} from './storage/server-record';
export { backupDatabase, restoreDatabase } from './storage/storage.backup';
export { checkDatabase, type CheckReport } from './storage/storage.check';

/** The document cache's default budget: enough for a working set of many thousand typical documents. */
export const DEFAULT_CACHE_SIZE_MB = 64;

interface ListenOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A connection whose message stops arriving mid-way for this long is closed; default 30000 ms. */
  readTimeoutMS?: number;
  /** Bytes of incomplete messages held across connections before large ones are refused; default 256 MiB. */
  maxIncomingBytes?: number;
  /**
   * MiB of memory for documents kept decoded, default 64: what bounds the server's memory, whatever
   * the size of the data. A document counts as about twice its stored (BSON) size, as decoded.
   */
  cacheSizeMB?: number;
}

export type EmbeddedMongoOptions = ({ memory: true } | { dbPath: string }) & ListenOptions;

export interface EmbeddedMongo {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

function cacheBytes(cacheSizeMB: number | undefined): number {
  const megabytes = cacheSizeMB ?? DEFAULT_CACHE_SIZE_MB;
  if (!Number.isFinite(megabytes) || megabytes <= 0) {
    throw new Error(`cacheSizeMB must be a positive number of MiB, got ${String(cacheSizeMB)}`);
  }
  return Math.round(megabytes * 2 ** 20);
}

export async function startEmbeddedMongo(options: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  const budget = cacheBytes(options.cacheSizeMB);
  const dbPath = 'dbPath' in options ? options.dbPath : undefined;
  const storage = SqliteStorage.open(dbPath === undefined ? { memory: true } : { dbPath });
  let engine: DatabaseEngine;
  try {
    if (dbPath !== undefined) removeStaleBackupFiles(dbPath);
    engine = new DatabaseEngine(storage, { cacheBytes: budget });
    storage.startBackgroundWork((damage) => engine.refuseFromNowOn(damage));
  } catch (err) {
    storage.close();
    throw err;
  }
  const server = new EmbeddedServer(engine, {
    readTimeoutMS: options.readTimeoutMS,
    maxIncomingBytes: options.maxIncomingBytes,
  });
  const host = options.host ?? '127.0.0.1';
  let port: number;
  try {
    port = await server.listen(options.port ?? 0, host);
  } catch (err) {
    await server.close();
    await engine.close();
    throw err;
  }
  const uriHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const uri = `mongodb://${uriHost}:${port}/?directConnection=true`;
  if (dbPath !== undefined) writeServerRecord(dbPath, { uri, port });
  let stopped: Promise<void> | undefined;
  return {
    uri,
    port,
    stop() {
      stopped ??= Promise.all([server.close(), engine.close()]).then(() => {
        if (dbPath !== undefined) removeServerRecord(dbPath);
      });
      return stopped;
    },
  };
}
