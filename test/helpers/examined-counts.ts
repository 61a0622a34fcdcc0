/**
 * What the server examined while some reads ran: index keys and documents, from serverStatus's
 * `metrics.queryExecutor` (`scanned`, `scannedObjects`), the counters mongod reports too. They
 * count for the whole server, so only a test that is alone on its server can use them.
 */
import type { MongoClient } from 'mongodb';

export interface ExaminedCounts {
  keys: number;
  docs: number;
}

async function counters(client: MongoClient): Promise<{ scanned: number; scannedObjects: number }> {
  const status = await client.db('admin').command({ serverStatus: 1 });
  return status.metrics.queryExecutor as { scanned: number; scannedObjects: number };
}

export async function examinedBy(client: MongoClient, run: () => Promise<unknown>): Promise<ExaminedCounts> {
  const before = await counters(client);
  await run();
  const after = await counters(client);
  return { keys: after.scanned - before.scanned, docs: after.scannedObjects - before.scannedObjects };
}
