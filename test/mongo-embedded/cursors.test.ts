/** Result sets larger than one batch: getMore with the server's cursor id, early close, batch sizes. */
import type { Collection, Document } from 'mongodb';
import { useTestDatabase } from '../helpers/test-database';

const database = useTestDatabase();
let numbers: Collection<Document>;
const COUNT = 350;

beforeAll(async () => {
  numbers = database().db.collection('numbers');
  await numbers.insertMany(Array.from({ length: COUNT }, (_, i) => ({ _id: i as never, even: i % 2 === 0 })));
});

it('returns every document across several batches, in order', async () => {
  const all = await numbers.find({}, { batchSize: 40 }).sort({ _id: 1 }).toArray();
  expect(all.map((d) => d._id)).toEqual(Array.from({ length: COUNT }, (_, i) => i));
});

it('pages through the default batch size and a filter', async () => {
  const evens = await numbers.find({ even: true }).toArray();
  expect(evens).toHaveLength(COUNT / 2);
});

it('honours limit across batches', async () => {
  expect(await numbers.find({}, { batchSize: 7, limit: 30 }).toArray()).toHaveLength(30);
});

it('iterates an aggregation cursor beyond its first batch', async () => {
  const docs = await numbers
    .aggregate([{ $match: { even: false } }, { $project: { _id: 1 } }], { batchSize: 10 })
    .toArray();
  expect(docs).toHaveLength(COUNT / 2);
});

it('closes a cursor early; a later getMore on it fails with CursorNotFound', async () => {
  const cursor = numbers.find({}, { batchSize: 5 });
  await cursor.next();
  const id = cursor.id!;
  await cursor.close();
  await expect(database().db.command({ getMore: id, collection: 'numbers', batchSize: 5 })).rejects.toMatchObject({
    code: 43,
  });
});

it('lets several cursors interleave', async () => {
  const a = numbers.find({}, { batchSize: 3 }).sort({ _id: 1 });
  const b = numbers.find({}, { batchSize: 3 }).sort({ _id: -1 });
  const seen: unknown[] = [];
  for (let i = 0; i < 5; i += 1) {
    seen.push((await a.next())?._id, (await b.next())?._id);
  }
  expect(seen).toEqual([0, 349, 1, 348, 2, 347, 3, 346, 4, 345]);
  await Promise.all([a.close(), b.close()]);
});
