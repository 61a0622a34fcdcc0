/**
 * Queries that can be stopped: `maxTimeMS` ends find (and its getMores: the budget is the
 * cursor's, across batches), aggregate, count and distinct with MaxTimeMSExpired (code 50),
 * and a long query lets other connections' commands run while it works.
 */
import type { Collection, Document } from 'mongodb';
import { useTestDatabase } from '../helpers/test-database';

const database = useTestDatabase();
let rows: Collection<Document>;

/** True for every document, after building a 10,000-element array for it: a slow unindexed scan. */
const SLOW = { $expr: { $gt: [{ $size: { $range: [0, { $add: [10_000, '$n'] }] } }, 0] } };

beforeAll(async () => {
  rows = database().db.collection('rows');
  await rows.insertMany(Array.from({ length: 2_000 }, (_, n) => ({ n, group: n % 7 })));
});

const expired = { code: 50, codeName: 'MaxTimeMSExpired' };

it('stops a find past its maxTimeMS', async () => {
  await expect(rows.find(SLOW, { maxTimeMS: 100 }).toArray()).rejects.toMatchObject(expired);
});

it('stops an aggregate, a count and a distinct past their maxTimeMS', async () => {
  await expect(rows.aggregate([{ $match: SLOW }, { $count: 'n' }], { maxTimeMS: 100 }).toArray()).rejects.toMatchObject(
    expired,
  );
  await expect(rows.countDocuments(SLOW, { maxTimeMS: 100 })).rejects.toMatchObject(expired);
  await expect(database().db.command({ count: 'rows', query: SLOW, maxTimeMS: 100 })).rejects.toMatchObject(expired);
  await expect(rows.distinct('group', SLOW, { maxTimeMS: 100 })).rejects.toMatchObject(expired);
});

it("counts a cursor's getMores against the maxTimeMS of the find that opened it, then closes it", async () => {
  const cursor = rows.find(SLOW, { batchSize: 1, maxTimeMS: 200 });
  expect(await cursor.next()).toMatchObject({ n: 0 });
  const id = cursor.id!;
  await expect(cursor.toArray()).rejects.toMatchObject(expired);
  await expect(database().db.command({ getMore: id, collection: 'rows' })).rejects.toMatchObject({ code: 43 });
});

it('answers other connections while a long query runs', async () => {
  const other = await database().connect();
  let queryDone = false;
  const query = rows
    .find(SLOW)
    .toArray()
    .then((docs) => {
      queryDone = true;
      return docs.length;
    });
  // Let the query get going, then ask the server something else from another connection.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await other.db('admin').command({ ping: 1 });
  expect(queryDone).toBe(false);
  expect(await query).toBe(2_000);
});

it('refuses a maxTimeMS that is not a non-negative integer', async () => {
  await expect(database().db.command({ find: 'rows', filter: {}, maxTimeMS: -5 })).rejects.toMatchObject({ code: 2 });
  expect(await rows.find({ n: 1 }, { maxTimeMS: 0 }).toArray()).toHaveLength(1);
});
