/** Sort order as MongoDB defines it, for find and aggregate, with and without limits. */
import { ObjectId, type Collection, type Document } from 'mongodb';
import { useTestDatabase } from '../helpers/test-database';

interface Row {
  _id: string | number;
  v?: unknown;
  score?: number;
  when?: Date;
  ref?: string;
  key?: string;
}

const database = useTestDatabase();
let coll: Collection<Row>;

beforeEach(async () => {
  coll = database().db.collection<Row>(`sort_${Math.random().toString(36).slice(2)}`);
});

it('orders values of different types by BSON type order', async () => {
  const id = new ObjectId();
  await coll.insertMany([
    { _id: 'date', v: new Date('2020-01-01') },
    { _id: 'bool', v: true },
    { _id: 'oid', v: id },
    { _id: 'object', v: { x: 1 } },
    { _id: 'string', v: 'abc' },
    { _id: 'number', v: 42 },
    { _id: 'null', v: null },
  ]);
  const ascending = (await coll.find({}).sort({ v: 1 }).toArray()).map((d) => d._id);
  expect(ascending).toEqual(['null', 'number', 'string', 'object', 'oid', 'bool', 'date']);
});

it('sorts arrays by their smallest element ascending and largest descending', async () => {
  await coll.insertMany([
    { _id: 'a', v: [3, 10] },
    { _id: 'b', v: [5] },
    { _id: 'c', v: 7 },
  ]);
  expect((await coll.find({}).sort({ v: 1 }).toArray()).map((d) => d._id)).toEqual(['a', 'b', 'c']);
  expect((await coll.find({}).sort({ v: -1 }).toArray()).map((d) => d._id)).toEqual(['a', 'c', 'b']);
});

it('gives the same first page with a limit as the full sort, in find and aggregate', async () => {
  await coll.insertMany(
    Array.from({ length: 500 }, (_, i) => ({
      _id: i,
      score: (i * 7919) % 97,
      when: new Date(Date.UTC(2024, 0, 1 + ((i * 31) % 365))),
    })),
  );
  const sort = { score: -1, when: 1, _id: 1 } as const;
  const full = (await coll.find({}).sort(sort).toArray()).map((d) => d._id);
  expect((await coll.find({}).sort(sort).skip(5).limit(10).toArray()).map((d) => d._id)).toEqual(full.slice(5, 15));
  const viaAggregate = await coll.aggregate([{ $sort: sort }, { $skip: 5 }, { $limit: 10 }]).toArray();
  expect(viaAggregate.map((d) => d._id)).toEqual(full.slice(5, 15));
});

it('joins documents whose local field is missing to foreign documents without the field', async () => {
  const other = database().db.collection<Row>(`${coll.collectionName}_other`);
  await other.insertMany([{ _id: 1, key: 'k' }, { _id: 2 }]);
  await coll.insertMany([{ _id: 'with', ref: 'k' }, { _id: 'without' }]);
  const joined = await coll
    .aggregate([
      { $lookup: { from: other.collectionName, localField: 'ref', foreignField: 'key', as: 'hits' } },
      { $sort: { _id: 1 } },
    ])
    .toArray();
  expect(joined.map((d) => [d._id, d.hits.map((h: Document) => h._id)])).toEqual([
    ['with', [1]],
    ['without', [2]],
  ]);
});

it('pages through a large collection in the same order with and without an index on the sort field', async () => {
  const indexed = database().db.collection<Row>(`${coll.collectionName}_indexed`);
  await indexed.createIndex({ score: -1 });
  await coll.createIndex({ other: 1 });
  const values = (i: number): Row =>
    i % 50 === 0
      ? { _id: i }
      : i % 70 === 0
        ? { _id: i, score: `s${i % 7}` as never }
        : { _id: i, score: (i * 7919) % 211 };
  const docs = Array.from({ length: 2500 }, (_, i) => values(i));
  await indexed.insertMany(docs.map((d) => ({ ...d })));
  await coll.insertMany(docs.map((d) => ({ ...d })));
  const samePages = async () => {
    for (const [sort, skip] of [
      [{ score: -1, _id: 1 }, 0],
      [{ score: 1, _id: -1 }, 30],
      [{ score: -1, _id: -1 }, 2400],
    ] as const) {
      const page = async (c: Collection<Row>) =>
        (
          await c
            .find({ _id: { $gte: 3 } })
            .sort(sort)
            .skip(skip)
            .limit(25)
            .toArray()
        ).map((d) => d._id);
      expect(await page(indexed)).toEqual(await page(coll));
      const viaAggregate = await indexed.aggregate([{ $sort: sort }, { $skip: skip }, { $limit: 25 }]).toArray();
      expect(viaAggregate.map((d) => d._id)).toEqual(
        (await coll.find({}).sort(sort).skip(skip).limit(25).toArray()).map((d) => d._id),
      );
    }
  };
  await samePages();
  // A few changes keep the index order up to date; a bulk of them rebuilds it.
  for (const c of [indexed, coll]) {
    await c.updateMany({ _id: { $in: [5, 6, 7] } }, { $set: { score: 1000 } });
    await c.deleteMany({ _id: { $in: [8, 9] } });
  }
  await samePages();
  for (const c of [indexed, coll]) {
    await c.insertMany(Array.from({ length: 1200 }, (_, i) => ({ _id: 10_000 + i, score: i % 300 })));
  }
  await samePages();
  // An array value makes the index multikey; sorting must then follow array rules, not index keys.
  for (const c of [indexed, coll]) await c.insertOne({ _id: 50_000, score: [500, -5] as never });
  await samePages();
});

it('gives the same page with and without an index when an $or bounds the sort field branch by branch', async () => {
  const indexed = database().db.collection<Row>(`${coll.collectionName}_dated`);
  await indexed.createIndex({ key: 1 });
  const docs = Array.from({ length: 3_000 }, (_, i) => ({
    _id: i,
    key: `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    ref: i % 3 === 0 ? 'day' : 'month',
  }));
  await indexed.insertMany(docs.map((d) => ({ ...d })));
  await coll.insertMany(docs.map((d) => ({ ...d })));
  const filter = {
    $or: [
      { ref: 'day', key: { $gte: '2020-03-01', $lte: '2020-03-31' } },
      { ref: 'month', key: { $gte: '2020-05-01', $lt: '2020-05-15' } },
    ],
  };
  for (const sort of [
    { key: -1, _id: 1 },
    { key: 1, _id: -1 },
  ] as const) {
    const page = async (c: Collection<Row>) => (await c.find(filter).sort(sort).limit(30).toArray()).map((d) => d._id);
    expect(await page(indexed)).toEqual(await page(coll));
  }
});
