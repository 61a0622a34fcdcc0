/** `$unionWith` through the official driver: one aggregate reading several collections in order. */
import type { Collection, Document } from 'mongodb';
import { examinedBy } from '../../helpers/examined-counts';
import { useTestDatabase } from '../../helpers/test-database';

const database = useTestDatabase();
const db = () => database().db;
let people: Collection<Document>;
let offices: Collection<Document>;

beforeAll(async () => {
  people = db().collection('people');
  offices = db().collection('offices');
  await people.insertMany([
    { _id: 'p1' as never, name: 'Ada', keys: ['ada'], n: 3 },
    { _id: 'p2' as never, name: 'Alan', keys: ['alan'], n: 7 },
    { _id: 'p3' as never, name: 'Grace', keys: ['grace'], n: 5 },
  ]);
  await offices.insertMany([
    { _id: 'o1' as never, title: 'Admiral', keys: ['admiral'], secret: 1 },
    { _id: 'o2' as never, title: 'Analyst', keys: ['analyst'], secret: 2 },
    { _id: 'o3' as never, title: 'Governor', keys: ['governor'], secret: 3 },
  ]);
  await offices.createIndex({ keys: 1 });
});

it('appends a whole collection after the current documents', async () => {
  const rows = await people
    .aggregate([{ $match: { _id: 'p1' } }, { $unionWith: 'offices' }, { $project: { _id: 1 } }])
    .toArray();
  expect(rows.map((r) => r._id)).toEqual(['p1', ...(await offices.find().toArray()).map((o) => o._id)]);
});

it('runs the sub-pipeline on the other collection and keeps both sides in their own order', async () => {
  const rows = await people
    .aggregate([
      { $match: { keys: { $regex: '^a' } } },
      { $sort: { n: -1, _id: 1 } },
      { $project: { _id: 1, kind: { $literal: 'person' } } },
      {
        $unionWith: {
          coll: 'offices',
          pipeline: [
            { $match: { keys: { $regex: '^a' } } },
            { $sort: { title: -1 } },
            { $limit: 1 },
            { $project: { secret: 0 } },
            { $replaceWith: { kind: 'office', doc: '$$ROOT' } },
          ],
        },
      },
    ])
    .toArray();
  expect(rows).toEqual([
    { _id: 'p2', kind: 'person' },
    { _id: 'p1', kind: 'person' },
    { kind: 'office', doc: { _id: 'o2', title: 'Analyst', keys: ['analyst'] } },
  ]);
});

it('lets later stages see the appended documents, without changing what is stored', async () => {
  const rows = await people
    .aggregate([
      { $unionWith: { coll: 'offices', pipeline: [{ $match: { _id: 'o3' } }] } },
      { $addFields: { seen: true } },
      { $count: 'n' },
    ])
    .toArray();
  expect(rows).toEqual([{ n: 4 }]);
  expect(await offices.findOne({ _id: 'o3' as never })).toEqual({
    _id: 'o3',
    title: 'Governor',
    keys: ['governor'],
    secret: 3,
  });
});

it('adds nothing from a collection that does not exist', async () => {
  const rows = await people
    .aggregate([{ $match: { _id: 'p3' } }, { $unionWith: { coll: 'no_such_collection', pipeline: [{ $match: {} }] } }])
    .toArray();
  expect(rows.map((r) => r._id)).toEqual(['p3']);
  expect(
    await db()
      .collection('no_such_collection')
      .aggregate([{ $unionWith: 'people' }, { $count: 'n' }])
      .toArray(),
  ).toEqual([{ n: 3 }]);
});

it('appends the documents of a collectionless sub-pipeline that starts with $documents', async () => {
  const rows = await people
    .aggregate([
      { $match: { _id: 'p1' } },
      { $project: { _id: 1 } },
      { $unionWith: { pipeline: [{ $documents: [{ _id: 'x1' }, { _id: 'x2' }] }, { $match: { _id: 'x2' } }] } },
    ])
    .toArray();
  expect(rows).toEqual([{ _id: 'p1' }, { _id: 'x2' }]);
});

it('refuses malformed specs with MongoDB error codes', async () => {
  const fails = (stage: unknown) => people.aggregate([{ $unionWith: stage }]).toArray();
  await expect(fails(42)).rejects.toMatchObject({ code: 9, codeName: 'FailedToParse' });
  await expect(fails({ coll: 'offices', pipline: [] })).rejects.toMatchObject({ code: 40415 });
  await expect(fails({ coll: 7 })).rejects.toMatchObject({ code: 14, codeName: 'TypeMismatch' });
  await expect(fails({ coll: 'offices', pipeline: { $match: {} } })).rejects.toMatchObject({ code: 14 });
  await expect(fails({ pipeline: [{ $match: {} }] })).rejects.toMatchObject({ code: 9 });
  await expect(fails({ coll: 'offices', pipeline: [{ $match: { $foo: 1 } }] })).rejects.toMatchObject({ code: 2 });
});

const itEmbedded = process.env.MONGODB_URI ? it.skip : it;

itEmbedded('reads the other collection through its index for a leading $match', async () => {
  const first = db().collection('first');
  const other = db().collection('other');
  await other.createIndex({ keys: 1 });
  await other.insertMany(
    Array.from({ length: 50 }, (_, i) => ({ _id: i as never, keys: [i < 2 ? `match ${i}` : `other ${i}`] })),
  );

  let rows: Document[] = [];
  const examined = await examinedBy(database().client, async () => {
    rows = await first
      .aggregate([{ $unionWith: { coll: 'other', pipeline: [{ $match: { keys: { $regex: '^match' } } }] } }])
      .toArray();
  });

  expect(rows.map((r) => r._id)).toEqual([0, 1]);
  // The index hands over only the two documents with a matching key, not all fifty.
  expect(examined.docs).toBe(2);
});
