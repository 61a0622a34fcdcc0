/**
 * Reads that concurrent requests make identically (the same command on the same database)
 * before the event loop next goes idle are sent once, and every caller gets the one result.
 * Hot queries (the latest meetings, a popular search) then cost one command per turn of the
 * event loop however many requests ask. Only reads not yet sent are joined, so no caller gets
 * a result read before it asked: a client that has just written still reads its write.
 * Callers share the result and must treat it as read-only.
 */
import { BSON, type MongoClient } from 'mongodb';

const waitingByClient = new WeakMap<MongoClient, Map<string, Promise<unknown>>>();

/** `shape` must describe the read completely (collection, filter, sort, limit, projection...). */
export function readOnceForAllWaiting<T>(client: MongoClient, shape: object, read: () => Promise<T>): Promise<T> {
  let waiting = waitingByClient.get(client);
  if (!waiting) {
    waiting = new Map();
    waitingByClient.set(client, waiting);
  }
  // Canonical Extended JSON tells apart what plain JSON would confuse (a RegExp, a Date, a Long).
  const key = BSON.EJSON.stringify(shape, { relaxed: false });
  const joined = waiting.get(key);
  if (joined) return joined as Promise<T>;
  const result = new Promise<T>((resolve, reject) => {
    setImmediate(() => {
      waiting.delete(key);
      read().then(resolve, reject);
    });
  });
  waiting.set(key, result);
  return result;
}
