/**
 * A MongoDB for a test file: the embedded server in memory, or the server at MONGODB_URI
 * when it is set, so every suite can be checked against real MongoDB too. Each call gets
 * its own database name, dropped on close, so suites never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';
import { startEmbeddedMongo } from '../../src/mongo-embedded';

export interface TestDatabase {
  uri: string;
  client: MongoClient;
  db: Db;
  /** A second client on the same server, for tests that need several connections. */
  connect(options?: MongoClientOptions): Promise<MongoClient>;
  close(): Promise<void>;
}

export async function openTestDatabase(options: MongoClientOptions = {}): Promise<TestDatabase> {
  const external = process.env.MONGODB_URI;
  const server = external ? null : await startEmbeddedMongo({ memory: true });
  const uri = external ?? server!.uri;
  const extraClients: MongoClient[] = [];
  const client = await new MongoClient(uri, options).connect();
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  const db = client.db(dbName);
  return {
    uri,
    client,
    db,
    async connect(more: MongoClientOptions = {}) {
      const other = await new MongoClient(uri, more).connect();
      extraClients.push(other);
      return other;
    },
    async close() {
      await db.dropDatabase().catch(() => undefined);
      await Promise.all(extraClients.map((c) => c.close()));
      await client.close();
      await server?.stop();
    },
  };
}

/** Opens a test database in `setUp` and closes it in `tearDown`; the accessor says where it is opened. */
function useDatabaseBetween(
  setUp: typeof beforeAll,
  tearDown: typeof afterAll,
  hookName: string,
  options: MongoClientOptions,
): () => TestDatabase {
  let database: TestDatabase | undefined;
  setUp(async () => {
    database = await openTestDatabase(options);
  });
  tearDown(async () => {
    await database?.close();
    database = undefined;
  });
  return () => {
    if (!database) throw new Error(`the test database is opened in ${hookName}: use it inside a test or hook`);
    return database;
  };
}

/**
 * A test database for the whole test file (or the enclosing `describe`): opened before its first
 * test and closed after its last. Returns the accessor of that database, for tests and hooks.
 */
export function useTestDatabase(options: MongoClientOptions = {}): () => TestDatabase {
  return useDatabaseBetween(beforeAll, afterAll, 'beforeAll', options);
}

/**
 * A fresh test database for each test of the enclosing block, for tests that must each start from
 * an empty store: opened before each test and closed after it. Same accessor as `useTestDatabase`.
 */
export function useTestDatabasePerTest(options: MongoClientOptions = {}): () => TestDatabase {
  return useDatabaseBetween(beforeEach, afterEach, 'beforeEach', options);
}

/** A collection name no other test of the file uses. */
export function uniqueCollectionName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}
