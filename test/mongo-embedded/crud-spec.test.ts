/**
 * Behaviours MongoDB's CRUD specification tests check that the other suites do not: the exact
 * commands a batched cursor costs, comments and hints accepted everywhere (and unacknowledged
 * writes still done), `_id` values of every kind, null `_id`s, counting with skip and limit,
 * and the document findOneAndReplace returns on an upsert.
 */
import { Binary, Decimal128, Long, ObjectId, type Collection, type CommandStartedEvent } from 'mongodb';
import { useTestDatabase } from '../helpers/test-database';

describe('CRUD specification behaviours', () => {
  const database = useTestDatabase({ monitorCommands: true });
  let coll: Collection<any>;
  const started: CommandStartedEvent[] = [];

  beforeAll(async () => {
    database().client.on('commandStarted', (event) => started.push(event));
  });

  beforeEach(async () => {
    coll = database().db.collection<any>(`c${Math.random().toString(36).slice(2, 10)}`);
    await coll.insertMany([1, 2, 3, 4, 5, 6].map((i) => ({ _id: i, x: i * 11 })));
    started.length = 0;
  });

  const commandNames = () => started.map((event) => event.commandName);

  it('costs one getMore per further batch, and none once a limit is reached', async () => {
    expect(await coll.aggregate([{ $match: { _id: { $gt: 1 } } }], { batchSize: 2 }).toArray()).toHaveLength(5);
    expect(commandNames()).toEqual(['aggregate', 'getMore', 'getMore']);
    started.length = 0;
    expect(await coll.find({ _id: { $gt: 1 } }, { batchSize: 2 }).toArray()).toHaveLength(5);
    expect(commandNames()).toEqual(['find', 'getMore', 'getMore']);
    started.length = 0;
    const page = await coll.find({}, { sort: { _id: 1 }, limit: 3, batchSize: 3 }).toArray();
    expect(page.map((d) => d._id)).toEqual([1, 2, 3]);
    expect(commandNames()).toEqual(['find']);
  });

  it('accepts string and document comments on reads, cursors and writes', async () => {
    for (const comment of ['a comment', { content: 'test' }]) {
      expect(await coll.find({ _id: { $gt: 1 } }, { comment, batchSize: 2 }).toArray()).toHaveLength(5);
      expect(await coll.aggregate([{ $match: {} }], { comment }).toArray()).toHaveLength(6);
      expect(await coll.countDocuments({}, { comment })).toBe(6);
      expect(await coll.estimatedDocumentCount({ comment })).toBe(6);
      expect(await coll.distinct('x', { _id: 2 }, { comment })).toEqual([22]);
      await coll.insertOne({ _id: `c-${JSON.stringify(comment)}` }, { comment });
      await coll.updateOne({ _id: 1 }, { $inc: { x: 1 } }, { comment });
      await coll.deleteOne({ _id: `c-${JSON.stringify(comment)}` }, { comment });
    }
    expect(started.filter((e) => e.commandName === 'getMore').every((e) => e.command.comment !== undefined)).toBe(true);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, x: 13 });
  });

  it('accepts hints by name or key pattern, refuses unknown ones, and does unacknowledged writes', async () => {
    await coll.createIndex({ x: 1 });
    for (const hint of ['x_1', { x: 1 }]) {
      expect(await coll.updateOne({ x: 22 }, { $inc: { hinted: 1 } }, { hint })).toMatchObject({ modifiedCount: 1 });
      expect(await coll.countDocuments({ x: { $gt: 11 } }, { hint })).toBe(5);
      expect(
        await coll.findOneAndUpdate(
          { x: 33 },
          { $inc: { hinted: 1 } },
          { hint: hint as never, returnDocument: 'after' },
        ),
      ).toMatchObject({ _id: 3 });
    }
    await expect(coll.updateOne({ x: 22 }, { $set: { y: 1 } }, { hint: 'nope_1' })).rejects.toMatchObject({ code: 2 });
    const unacknowledged = await coll.deleteMany({ x: { $gte: 55 } }, { hint: 'x_1', writeConcern: { w: 0 } });
    expect(unacknowledged.acknowledged).toBe(false);
    // The server sends no reply to an unacknowledged write, but it is done: the next command sees it.
    expect(await coll.countDocuments()).toBe(4);
  });

  it('stores and finds _id values of every kind, including null', async () => {
    const ids: unknown[] = [
      new ObjectId(),
      'text',
      42,
      Long.fromString('9007199254740993'),
      1.5,
      Decimal128.fromString('1.25'),
      { nested: { a: 1 } },
      new Binary(Buffer.from([1, 2, 3])),
      new Date('2021-01-01T00:00:00Z'),
      true,
    ];
    const kinds = database().db.collection<any>('kinds');
    await kinds.insertMany(ids.map((_id) => ({ _id: _id as never, tag: typeof _id })));
    for (const id of ids)
      expect([id, await kinds.findOne({ _id: id as never })]).toEqual([id, expect.objectContaining({ _id: id })]);
    // The driver replaces a null _id by an ObjectId; the server itself stores null as a value.
    await database().db.command({ insert: 'kinds', documents: [{ _id: null, tag: 'null' }] });
    expect(await kinds.findOne({ _id: null })).toEqual({ _id: null, tag: 'null' });
    const again = await database().db.command({ insert: 'kinds', documents: [{ _id: null }] });
    expect(again.writeErrors[0]).toMatchObject({ code: 11000 });
    const upserted = database().db.collection('nullUpserts');
    const result = await upserted.updateOne({ _id: null as never }, { $set: { a: 1 } }, { upsert: true });
    expect(result).toMatchObject({ upsertedCount: 1, upsertedId: null });
    expect(await upserted.find().toArray()).toEqual([{ _id: null, a: 1 }]);
  });

  it('counts with skip and limit, and counts a missing collection as empty', async () => {
    expect(await coll.countDocuments({ _id: { $gt: 1 } }, { skip: 1, limit: 3 })).toBe(3);
    expect(await coll.countDocuments({}, { skip: 5 })).toBe(1);
    expect(
      await database().db.command({ count: coll.collectionName, query: { x: { $gt: 11 } }, skip: 2, limit: 2 }),
    ).toMatchObject({
      n: 2,
    });
    expect(await database().db.collection('neverCreated').estimatedDocumentCount()).toBe(0);
  });

  it('returns null before, and the new document after, a findOneAndReplace upsert', async () => {
    expect(await coll.findOneAndReplace({ _id: 7 }, { x: 77 }, { upsert: true, returnDocument: 'before' })).toBeNull();
    expect(
      await coll.findOneAndReplace(
        { x: 88 },
        { x: 89 },
        { upsert: true, returnDocument: 'after', projection: { _id: 0 } },
      ),
    ).toEqual({ x: 89 });
    expect(await coll.findOne({ _id: 7 })).toEqual({ _id: 7, x: 77 });
  });
});
