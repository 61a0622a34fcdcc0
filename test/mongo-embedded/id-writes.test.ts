/**
 * Single-document writes whose filter names an `_id` beside other conditions, as a loader's
 * guarded write does (`{ _id, seq: { $lt: 7 } }`): the document with that `_id` is acted on only
 * when the rest of the filter holds too, `_id`s compare as MongoDB compares them (5, 5.0 and
 * Long(5) are one value), and an upsert that finds the `_id` taken fails with a duplicate key.
 */
import { Double, Long, MongoServerError, ObjectId, type Collection, type Filter } from 'mongodb';
import { uniqueCollectionName, useTestDatabase } from '../helpers/test-database';

const database = useTestDatabase();
interface Item {
  _id: string | number | Long | ObjectId;
  seq: number;
  label: string;
  touched?: boolean;
}

let items: Collection<Item>;
const objectId = new ObjectId();

beforeEach(async () => {
  items = database().db.collection(uniqueCollectionName('items'));
  await items.insertMany([
    { _id: Long.fromNumber(5), seq: 1, label: 'five' },
    { _id: 'slug-a', seq: 4, label: 'a' },
    { _id: objectId, seq: 2, label: 'oid' },
  ]);
});

describe('updateOne naming an _id and a guard', () => {
  it.each([
    ['a number _id stored as a Long, guard holds', { _id: 5, seq: { $lt: 3 } }, 1],
    ['the same _id sent as a double', { _id: new Double(5), seq: { $lt: 3 } }, 1],
    ['a string _id, guard holds', { _id: 'slug-a', seq: { $lt: 7 } }, 1],
    ['a string _id, guard fails', { _id: 'slug-a', seq: { $lt: 4 } }, 0],
    ['an ObjectId _id, guard holds', { _id: objectId, seq: { $lte: 2 } }, 1],
    ['an _id no document has', { _id: 'slug-b', seq: { $lt: 7 } }, 0],
    ['an _id beside an $or', { _id: 5, $or: [{ seq: 9 }, { label: 'five' }] }, 1],
  ])('%s: matches %i', async (_case, filter, matched) => {
    const result = await items.updateOne(filter as Filter<Item>, { $set: { touched: true } });
    expect(result.matchedCount).toBe(matched);
    expect(await items.countDocuments({ touched: true })).toBe(matched);
  });

  it('refuses the upsert of a guarded write whose _id is taken, leaving the stored document', async () => {
    const write = items.replaceOne({ _id: 'slug-a', seq: { $lt: 4 } }, { seq: 4, label: 'late' }, { upsert: true });
    await expect(write).rejects.toMatchObject({ code: 11000 });
    await expect(write).rejects.toBeInstanceOf(MongoServerError);
    expect(await items.findOne({ _id: 'slug-a' })).toMatchObject({ seq: 4, label: 'a' });
  });

  it('upserts a guarded write whose _id is free, taking the _id from the filter', async () => {
    const result = await items.replaceOne({ _id: 'slug-b', seq: { $lt: 4 } }, { seq: 4, label: 'b' }, { upsert: true });
    expect(result.upsertedId).toBe('slug-b');
    expect(await items.findOne({ _id: 'slug-b' })).toEqual({ _id: 'slug-b', seq: 4, label: 'b' });
  });
});

describe('findOneAndUpdate naming an _id and a guard', () => {
  it('refuses a malformed sort, though one document at most can match', async () => {
    // Sent as a command: the driver's helper would refuse the sort before the server sees it.
    const write = database().db.command({
      findAndModify: items.collectionName,
      query: { _id: 5 },
      sort: { seq: 2 },
      update: { $inc: { seq: 10 } },
    });
    await expect(write).rejects.toBeInstanceOf(MongoServerError);
    expect((await items.findOne({ _id: 5 }))?.seq).toBe(1);
  });

  it.each([
    ['guard holds', { _id: 5, seq: 1 }, 'five'],
    ['guard fails', { _id: 5, seq: 2 }, null],
  ])('%s', async (_case, filter, label) => {
    const before = await items.findOneAndUpdate(filter, { $inc: { seq: 10 } });
    expect(before?.label ?? null).toBe(label);
    expect((await items.findOne({ _id: 5 }))?.seq).toBe(label ? 11 : 1);
  });
});
