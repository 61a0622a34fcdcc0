/**
 * An in-memory embedded server and a driver client on it for one `describe` block, started
 * before its tests and stopped after; for suites that need the server itself (raw sockets,
 * server options), not just a database.
 */
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo, type EmbeddedMongoOptions } from '../../src/mongo-embedded';

export interface EmbeddedServerFixture {
  server: EmbeddedMongo;
  client: MongoClient;
}

export function useEmbeddedServer(
  options: Omit<EmbeddedMongoOptions, 'memory' | 'dbPath'> = {},
): EmbeddedServerFixture {
  const fixture = {} as EmbeddedServerFixture;
  beforeAll(async () => {
    fixture.server = await startEmbeddedMongo({ memory: true, ...options });
    fixture.client = await new MongoClient(fixture.server.uri).connect();
  });
  afterAll(async () => {
    await fixture.client?.close();
    await fixture.server?.stop();
  });
  return fixture;
}
