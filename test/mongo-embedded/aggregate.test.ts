/** Aggregation pipelines as the store layer uses them: joins, grouping, facets, and refusals. */
import type { Collection, Document } from 'mongodb';
import { useTestDatabase } from '../helpers/test-database';

const database = useTestDatabase();
const db = () => database().db;
let people: Collection<Document>;
let meetings: Collection<Document>;

beforeAll(async () => {
  people = db().collection('people');
  meetings = db().collection('meetings');
  await people.insertMany([
    { _id: 'p1' as never, name: 'Ada', country: 'UK' },
    { _id: 'p2' as never, name: 'Grace', country: 'US' },
    { _id: 'p3' as never, name: 'Alan', country: 'UK' },
  ]);
  await meetings.insertMany([
    { _id: 'm1' as never, personIds: ['p1', 'p2'], year: 1950 },
    { _id: 'm2' as never, personIds: ['p1', 'p3'], year: 1951 },
    { _id: 'm3' as never, personIds: ['p2', 'p3'], year: 1951 },
  ]);
});

it('groups and sorts', async () => {
  const byCountry = await people
    .aggregate([{ $group: { _id: '$country', n: { $sum: 1 }, names: { $push: '$name' } } }, { $sort: { _id: 1 } }])
    .toArray();
  expect(byCountry).toEqual([
    { _id: 'UK', n: 2, names: ['Ada', 'Alan'] },
    { _id: 'US', n: 1, names: ['Grace'] },
  ]);
});

it('joins with $lookup on an array field, then unwinds', async () => {
  const rows = await meetings
    .aggregate([
      { $match: { year: 1951 } },
      { $lookup: { from: 'people', localField: 'personIds', foreignField: '_id', as: 'people' } },
      { $unwind: '$people' },
      { $project: { _id: 0, meeting: '$_id', name: '$people.name' } },
      { $sort: { meeting: 1, name: 1 } },
    ])
    .toArray();
  expect(rows).toEqual([
    { meeting: 'm2', name: 'Ada' },
    { meeting: 'm2', name: 'Alan' },
    { meeting: 'm3', name: 'Alan' },
    { meeting: 'm3', name: 'Grace' },
  ]);
  // The join's stages never leak into the stored documents.
  expect(await people.findOne({ _id: 'p1' as never })).toEqual({ _id: 'p1', name: 'Ada', country: 'UK' });
});

it('joins with a $lookup pipeline and let variables', async () => {
  const rows = await people
    .aggregate([
      { $match: { _id: 'p2' } },
      {
        $lookup: {
          from: 'meetings',
          let: { person: '$_id' },
          pipeline: [{ $match: { $expr: { $in: ['$$person', '$personIds'] } } }, { $project: { _id: 1 } }],
          as: 'meetings',
        },
      },
    ])
    .toArray();
  expect(rows[0].meetings.map((m: Document) => m._id).sort()).toEqual(['m1', 'm3']);
});

it('runs several sub-pipelines with $facet', async () => {
  const [facets] = await meetings
    .aggregate([
      {
        $facet: {
          total: [{ $count: 'n' }],
          perYear: [{ $group: { _id: '$year', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
        },
      },
    ])
    .toArray();
  expect(facets).toEqual({
    total: [{ n: 3 }],
    perYear: [
      { _id: 1950, n: 1 },
      { _id: 1951, n: 2 },
    ],
  });
});

it('adds fields without changing the stored documents', async () => {
  const rows = await people.aggregate([{ $addFields: { 'meta.seen': true } }, { $match: { _id: 'p1' } }]).toArray();
  expect(rows[0].meta).toEqual({ seen: true });
  expect(await people.findOne({ _id: 'p1' as never })).not.toHaveProperty('meta');
});

it('projects and replaces documents, tagging union branches, without changing the stored documents', async () => {
  const tagged = await people
    .aggregate([
      { $match: { country: 'UK' } },
      { $sort: { name: 1 } },
      { $project: { country: 0 } },
      { $replaceWith: { tag: { $literal: 0 }, doc: '$$ROOT' } },
      {
        $unionWith: {
          coll: 'meetings',
          pipeline: [
            { $match: { year: 1951 } },
            { $project: { _id: 1, year: true } },
            { $replaceRoot: { newRoot: { tag: { $literal: 'm' }, doc: '$$CURRENT', none: { $literal: null } } } },
          ],
        },
      },
    ])
    .toArray();
  expect(tagged).toEqual([
    { tag: 0, doc: { _id: 'p1', name: 'Ada' } },
    { tag: 0, doc: { _id: 'p3', name: 'Alan' } },
    { tag: 'm', doc: { _id: 'm2', year: 1951 }, none: null },
    { tag: 'm', doc: { _id: 'm3', year: 1951 }, none: null },
  ]);
  // A later stage that writes into what it is given writes into copies.
  const changed = await people
    .aggregate([{ $replaceWith: { doc: '$$ROOT' } }, { $set: { 'doc.name': 'changed' } }])
    .toArray();
  expect(changed.map((row) => row.doc.name)).toEqual(['changed', 'changed', 'changed']);
  expect((await people.find().toArray()).map((p) => p.name)).toEqual(['Ada', 'Grace', 'Alan']);
});

it('aggregates an empty or missing collection to nothing', async () => {
  expect(
    await db()
      .collection('nothing_here')
      .aggregate([{ $group: { _id: null, n: { $sum: 1 } } }])
      .toArray(),
  ).toEqual([]);
  expect(await db().collection('nothing_here').countDocuments()).toBe(0);
});
