/**
 * mongo-embedded: a MongoDB-wire-compatible server inside the process, so the product and
 * its tests talk the real protocol through the official driver without a mongod. Documents
 * live in memory (query semantics from mingo, secondary indexes for equality lookups) and,
 * with a data directory, are written through to SQLite before each write is acknowledged.
 * `startEmbeddedMongoThread` runs the same server on a worker thread of the process.
 */
import { DatabaseEngine } from './database.engine';
import { EmbeddedServer } from './embedded.server';
import { MemoryStorage } from './memory.storage';
import { removeServerRecord, writeServerRecord } from './server-record';
import { SqliteStorage } from './sqlite.storage';

export { startEmbeddedMongoThread, type EmbeddedMongoThreadOptions } from './embedded-thread.launcher';
export { readServerRecord, SERVER_RECORD_FILE, type ServerRecord } from './server-record';

interface ListenOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A connection whose message stops arriving mid-way for this long is closed; default 30000 ms. */
  readTimeoutMS?: number;
  /** Bytes of incomplete messages held across connections before large ones are refused; default 256 MiB. */
  maxIncomingBytes?: number;
}

export type EmbeddedMongoOptions = ({ memory: true } | { dbPath: string }) & ListenOptions;

export interface EmbeddedMongo {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedMongo(options: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  const storage = 'dbPath' in options ? new SqliteStorage(options.dbPath) : new MemoryStorage();
  let engine: DatabaseEngine;
  try {
    engine = new DatabaseEngine(storage);
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
    engine.close();
    throw err;
  }
  const uriHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const uri = `mongodb://${uriHost}:${port}/?directConnection=true`;
  if ('dbPath' in options) writeServerRecord(options.dbPath, { uri, port });
  let stopped: Promise<void> | undefined;
  return {
    uri,
    port,
    stop() {
      if ('dbPath' in options) removeServerRecord(options.dbPath);
      stopped ??= server.close().finally(() => engine.close());
      return stopped;
    },
  };
}
