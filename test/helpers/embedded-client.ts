/** Runs `use` with a driver client on a freshly started embedded server, then closes both, whatever happens. */
import { MongoClient } from 'mongodb';
import type { EmbeddedMongo } from '../../src/mongo-embedded';

export async function withEmbeddedClient<T>(
  start: () => Promise<EmbeddedMongo>,
  use: (client: MongoClient) => Promise<T>,
): Promise<T> {
  const server = await start();
  const client = await new MongoClient(server.uri).connect().catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  try {
    return await use(client);
  } finally {
    await client.close();
    await server.stop();
  }
}
