/**
 * Views (`createCollection` with `viewOn` and `pipeline`): read through their pipeline by find,
 * aggregate, count and distinct, listed as views, refused for writes and indexes as mongod
 * refuses them, dropped like collections, kept across a restart. And database-level
 * `aggregate` (`aggregate: 1`) with `$documents` and `$listLocalSessions`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { startEmbeddedMongo } from '../../src/mongo-embedded';
import { withEmbeddedClient } from '../helpers/embedded-client';
import { useTestDatabase } from '../helpers/test-database';

const embedded = !process.env.MONGODB_URI;

describe('views', () => {
  const database = useTestDatabase();
  let db: Db;

  beforeAll(async () => {
    db = database().db;
    await db.collection('people').insertMany([
      { _id: 1 as never, name: 'Ada', age: 36, city: 'London' },
      { _id: 2 as never, name: 'Grace', age: 85, city: 'New York' },
      { _id: 3 as never, name: 'Alan', age: 41, city: 'London' },
      { _id: 4 as never, name: 'Edsger', age: 72, city: 'Austin' },
    ]);
    await db.createCollection('adults', {
      viewOn: 'people',
      pipeline: [
        { $match: { age: { $gte: 40 } } },
        { $project: { name: 1, city: 1, decade: { $floor: { $divide: ['$age', 10] } } } },
      ],
    });
    await db.createCollection('londonAdults', { viewOn: 'adults', pipeline: [{ $match: { city: 'London' } }] });
  });

  it('answers find through the pipeline, with filter, sort, skip, limit and projection', async () => {
    const adults = db.collection('adults');
    expect(await adults.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 2, name: 'Grace', city: 'New York', decade: 8 },
      { _id: 3, name: 'Alan', city: 'London', decade: 4 },
      { _id: 4, name: 'Edsger', city: 'Austin', decade: 7 },
    ]);
    const page = await adults
      .find({ decade: { $gte: 7 } }, { projection: { _id: 0, name: 1 } })
      .sort({ name: 1 })
      .skip(1)
      .limit(1)
      .toArray();
    expect(page).toEqual([{ name: 'Grace' }]);
    expect(await adults.findOne({ name: 'Ada' })).toBeNull();
  });

  it('answers aggregate, countDocuments, estimatedDocumentCount and distinct through the pipeline', async () => {
    const adults = db.collection('adults');
    expect(await adults.aggregate([{ $group: { _id: null, n: { $sum: 1 } } }]).toArray()).toEqual([
      { _id: null, n: 3 },
    ]);
    expect(await adults.countDocuments({ city: 'London' })).toBe(1);
    expect(await adults.estimatedDocumentCount()).toBe(3);
    expect((await adults.distinct('city')).sort()).toEqual(['Austin', 'London', 'New York']);
  });

  it('reads a view defined on a view', async () => {
    expect(await db.collection('londonAdults').find().toArray()).toEqual([
      { _id: 3, name: 'Alan', city: 'London', decade: 4 },
    ]);
  });

  it('reads views in $unionWith and in $lookup with a pipeline', async () => {
    const union = await db
      .collection('people')
      .aggregate([
        { $match: { _id: 1 } },
        { $project: { name: 1 } },
        { $unionWith: { coll: 'londonAdults', pipeline: [{ $project: { name: 1 } }] } },
      ])
      .toArray();
    expect(union).toEqual([
      { _id: 1, name: 'Ada' },
      { _id: 3, name: 'Alan' },
    ]);
    const joined = await db
      .collection('people')
      .aggregate([
        { $match: { _id: 1 } },
        {
          $lookup: {
            from: 'adults',
            let: { city: '$city' },
            pipeline: [{ $match: { $expr: { $eq: ['$city', '$$city'] } } }],
            as: 'neighbours',
          },
        },
        { $project: { neighbours: '$neighbours.name' } },
      ])
      .toArray();
    expect(joined).toEqual([{ _id: 1, neighbours: ['Alan'] }]);
  });

  it('lists views with their definition', async () => {
    const listed = await db.listCollections({ type: 'view' }).toArray();
    const adults = listed.find((entry) => entry.name === 'adults');
    expect(adults).toMatchObject({
      name: 'adults',
      type: 'view',
      options: { viewOn: 'people', pipeline: [{ $match: { age: { $gte: 40 } } }, expect.any(Object)] },
      info: { readOnly: true },
    });
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['people', 'adults', 'londonAdults']));
  });

  it('refuses writes and indexes on a view, and changes nothing', async () => {
    const adults = db.collection('adults');
    const refusals = [
      adults.insertOne({ name: 'New' }),
      adults.updateOne({ _id: 2 as never }, { $set: { age: 1 } }),
      adults.deleteMany({}),
      adults.findOneAndUpdate({ _id: 2 as never }, { $set: { age: 1 } }),
      adults.createIndex({ name: 1 }),
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toMatchObject({ code: 166 });
    expect(await db.collection('people').countDocuments()).toBe(4);
    expect(await db.collection('people').findOne({ _id: 2 as never })).toMatchObject({ age: 85 });
  });

  it('refuses a view whose name is taken, and a view that would read itself', async () => {
    await expect(db.createCollection('people', { viewOn: 'adults' })).rejects.toMatchObject({ code: 48 });
    await expect(db.createCollection('adults')).rejects.toMatchObject({ code: 48 });
    await db.createCollection('loopA', { viewOn: 'loopB' });
    await expect(db.createCollection('loopB', { viewOn: 'loopA' })).rejects.toMatchObject({
      codeName: 'GraphContainsCycle',
    });
  });

  it('drops a view and leaves its collection as it was', async () => {
    await db.createCollection('shortLived', { viewOn: 'people', pipeline: [{ $limit: 1 }] });
    expect(await db.collection('shortLived').drop()).toBe(true);
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((entry) => entry.name);
    expect(names).not.toContain('shortLived');
    expect(await db.collection('shortLived').countDocuments()).toBe(0);
    expect(await db.collection('people').countDocuments()).toBe(4);
  });
});

describe('database-level aggregate', () => {
  const database = useTestDatabase();

  it('runs a pipeline that starts with $documents', async () => {
    const { db } = database();
    const rows = await db
      .aggregate([
        { $documents: [{ x: 1 }, { x: 2 }, { x: 3 }] },
        { $match: { x: { $gte: 2 } } },
        { $project: { _id: 0, y: { $multiply: ['$x', 10] } } },
      ])
      .toArray();
    expect(rows).toEqual([{ y: 20 }, { y: 30 }]);
  });

  it('lists the sessions in use with $listLocalSessions', async () => {
    const { db, client } = database();
    const session = client.startSession();
    try {
      await db.collection('c').insertOne({ a: 1 }, { session });
      const listed = await db
        .aggregate(
          [{ $listLocalSessions: {} }, { $match: { '_id.id': session.id!.id } }, { $project: { _id: 0, lastUse: 1 } }],
          { session },
        )
        .toArray();
      expect(listed).toHaveLength(1);
      expect(listed[0].lastUse).toBeInstanceOf(Date);
      const [withField] = await db
        .aggregate([
          { $listLocalSessions: {} },
          { $limit: 1 },
          { $addFields: { dummy: 'dummy field' } },
          { $project: { _id: 0, dummy: 1 } },
        ])
        .toArray();
      expect(withField).toEqual({ dummy: 'dummy field' });
    } finally {
      await session.endSession();
    }
  });

  it('lists a session started with startSession', async () => {
    const { client } = database();
    const started = await client.db('admin').command({ startSession: 1 });
    expect(started.timeoutMinutes).toBe(30);
    const listed = await client
      .db('admin')
      .aggregate([{ $listLocalSessions: { allUsers: true } }, { $match: { '_id.id': started.id.id } }])
      .toArray();
    expect(listed).toHaveLength(1);
    await client.db('admin').command({ endSessions: [started.id] });
  });

  it('refuses a pipeline that needs a collection', async () => {
    const { db } = database();
    await expect(db.aggregate([{ $match: {} }]).toArray()).rejects.toMatchObject({ code: 73 });
  });
});

(embedded ? it : it.skip)('keeps views across a restart', async () => {
  const dbPath = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-views-'));
  try {
    await withEmbeddedClient(
      () => startEmbeddedMongo({ dbPath }),
      async (client: MongoClient) => {
        await client
          .db('v')
          .collection('base')
          .insertMany([{ n: 1 }, { n: 2 }]);
        await client.db('v').createCollection('big', { viewOn: 'base', pipeline: [{ $match: { n: { $gt: 1 } } }] });
      },
    );
    await withEmbeddedClient(
      () => startEmbeddedMongo({ dbPath }),
      async (client: MongoClient) => {
        expect(
          await client
            .db('v')
            .collection('big')
            .find({}, { projection: { _id: 0 } })
            .toArray(),
        ).toEqual([{ n: 2 }]);
      },
    );
  } finally {
    rmSync(dbPath, { recursive: true, force: true });
  }
});
