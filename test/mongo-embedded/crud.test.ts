/**
 * Document reads and writes through the official driver: what an application relies on
 * from insert, find, update (operators, upserts, replacements, pipelines), delete and the
 * findOneAnd* helpers, with MongoDB's counts and errors.
 */
import { MongoServerError, ObjectId, type Collection } from 'mongodb';
import { useTestDatabase } from '../helpers/test-database';

const database = useTestDatabase();
interface Person {
  _id?: number | ObjectId | null;
  name?: string;
  age?: number;
  tags?: string[];
  address?: { city: string; zip?: string };
  scores?: number[];
  meta?: Record<string, number>;
  label?: string;
  created?: boolean;
  uk?: boolean;
  born?: number;
  oldest?: boolean;
}

let people: Collection<Person>;
/** The same collection without the document type, for writes the types rightly forbid. */
const untyped = () => database().db.collection<{ _id: number }>(people.collectionName);

beforeEach(async () => {
  people = database().db.collection(`people_${Math.random().toString(36).slice(2)}`);
  await people.insertMany([
    { _id: 1, name: 'Ada', age: 36, tags: ['math'], address: { city: 'London' } },
    { _id: 2, name: 'Grace', age: 85, tags: ['navy', 'cobol'], address: { city: 'Arlington' } },
    { _id: 3, name: 'Alan', age: 41, tags: [], address: { city: 'London' } },
  ]);
});

describe('insert', () => {
  it('generates an ObjectId _id and returns it', async () => {
    const result = await people.insertOne({ name: 'Edsger' });
    expect(result.insertedId).toBeInstanceOf(ObjectId);
    expect(await people.findOne({ _id: result.insertedId })).toEqual({ _id: result.insertedId, name: 'Edsger' });
  });

  it('refuses a duplicate _id with code 11000 and the key', async () => {
    const error = await people.insertOne({ _id: 1, name: 'again' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(11000);
    expect((error as MongoServerError).keyValue).toEqual({ _id: 1 });
  });

  it('stops an ordered insertMany at the first error and reports its index', async () => {
    const error = (await people.insertMany([{ _id: 10 }, { _id: 1 }, { _id: 11 }]).catch((e: unknown) => e)) as {
      code: number;
      writeErrors: Array<{ index: number }>;
      result: { insertedCount: number };
    };
    expect(error.code).toBe(11000);
    expect(error.writeErrors.map((w) => w.index)).toEqual([1]);
    expect(await people.countDocuments({ _id: { $in: [10, 11] } })).toBe(1);
  });

  it('carries on after errors when unordered', async () => {
    await expect(
      people.insertMany([{ _id: 1 }, { _id: 12 }, { _id: 2 }, { _id: 13 }], { ordered: false }),
    ).rejects.toMatchObject({ code: 11000, writeErrors: [{ index: 0 }, { index: 2 }] });
    expect(await people.countDocuments({ _id: { $in: [12, 13] } })).toBe(2);
  });

  it('stores documents with dotted and dollar-prefixed field names in sub-documents', async () => {
    await people.insertOne({ _id: 20, meta: { 'a.b': 1, $c: 2 } });
    expect(await people.findOne({ _id: 20 })).toEqual({ _id: 20, meta: { 'a.b': 1, $c: 2 } });
  });
});

describe('find', () => {
  it('filters, sorts, skips, limits and projects', async () => {
    const found = await people
      .find({ age: { $gt: 30 } }, { projection: { _id: 0, name: 1 } })
      .sort({ age: -1 })
      .skip(1)
      .limit(1)
      .toArray();
    expect(found).toEqual([{ name: 'Alan' }]);
  });

  it('matches array elements, nested paths, regexes and $or', async () => {
    expect((await people.find({ tags: 'cobol' }).toArray()).map((d) => d._id)).toEqual([2]);
    expect(await people.countDocuments({ 'address.city': 'London' })).toBe(2);
    expect(await people.countDocuments({ name: /^a/i })).toBe(2);
    expect(await people.countDocuments({ $or: [{ age: { $lt: 40 } }, { tags: { $size: 0 } }] })).toBe(2);
  });

  it('finds by _id with $in', async () => {
    const found = await people
      .find({ _id: { $in: [3, 1, 99] } })
      .sort({ _id: 1 })
      .toArray();
    expect(found.map((d) => d._id)).toEqual([1, 3]);
  });

  it('returns null from findOne when nothing matches', async () => {
    expect(await people.findOne({ name: 'nobody' })).toBeNull();
  });

  it('reads from a collection that does not exist as empty', async () => {
    expect(await database().db.collection('never_created').find({}).toArray()).toEqual([]);
  });

  it('evaluates $expr with let variables', async () => {
    const found = await people
      .find({ $expr: { $gt: ['$age', '$$limit'] } }, { let: { limit: 40 } })
      .sort({ _id: 1 })
      .toArray();
    expect(found.map((d) => d._id)).toEqual([2, 3]);
  });
});

describe('update', () => {
  it('applies $set, $inc, $unset, $push, $addToSet and $pull', async () => {
    const result = await people.updateOne(
      { _id: 2 },
      { $set: { 'address.zip': '22201' }, $inc: { age: 1 }, $unset: { name: '' }, $push: { tags: 'admiral' } },
    );
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    await people.updateOne({ _id: 2 }, { $addToSet: { tags: 'navy' } });
    await people.updateOne({ _id: 2 }, { $pull: { tags: 'cobol' } });
    expect(await people.findOne({ _id: 2 })).toEqual({
      _id: 2,
      age: 86,
      tags: ['navy', 'admiral'],
      address: { city: 'Arlington', zip: '22201' },
    });
  });

  it('counts matched but unmodified documents', async () => {
    const result = await people.updateMany({ 'address.city': 'London' }, { $set: { age: 36 } });
    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 1 });
  });

  it('upserts, seeding the new document from the equality fields of the filter', async () => {
    const result = await people.updateOne(
      { name: 'Edsger', 'address.city': 'Austin', age: { $gt: 50 } },
      { $set: { age: 72 }, $setOnInsert: { created: true } },
      { upsert: true },
    );
    expect(result).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1 });
    const inserted = await people.findOne({ _id: result.upsertedId! });
    expect(inserted).toEqual({
      _id: result.upsertedId,
      name: 'Edsger',
      address: { city: 'Austin' },
      age: 72,
      created: true,
    });
  });

  it('ignores $setOnInsert when the upsert matches an existing document', async () => {
    await people.updateOne({ _id: 1 }, { $set: { age: 37 }, $setOnInsert: { created: true } }, { upsert: true });
    expect(await people.findOne({ _id: 1 })).not.toHaveProperty('created');
  });

  it('takes the upserted _id from the filter', async () => {
    const result = await people.updateOne({ _id: 42 }, { $set: { name: 'Douglas' } }, { upsert: true });
    expect(result.upsertedId).toBe(42);
  });

  it('replaces a whole document, keeping its _id', async () => {
    const result = await people.replaceOne({ name: 'Alan' }, { name: 'Alan Turing', born: 1912 });
    expect(result.modifiedCount).toBe(1);
    expect(await people.findOne({ _id: 3 })).toEqual({ _id: 3, name: 'Alan Turing', born: 1912 });
  });

  it('counts a replacement by an identical document as matched, not modified', async () => {
    const same = await people.replaceOne(
      { _id: 1 },
      { name: 'Ada', age: 36, tags: ['math'], address: { city: 'London' } },
    );
    expect(same).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    const reordered = await people.replaceOne(
      { _id: 1 },
      { age: 36, name: 'Ada', tags: ['math'], address: { city: 'London' } },
    );
    expect(reordered).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
  });

  it('refuses to change _id (code 66)', async () => {
    await expect(people.updateOne({ _id: 1 }, { $set: { _id: 9 } })).rejects.toMatchObject({ code: 66 });
    await expect(untyped().replaceOne({ _id: 1 }, { _id: 9, name: 'x' })).rejects.toMatchObject({ code: 66 });
  });

  it('refuses two operators on the same path (code 40)', async () => {
    await expect(
      people.updateOne({ _id: 2 }, { $addToSet: { tags: 'x' }, $pull: { tags: 'navy' } }),
    ).rejects.toMatchObject({ code: 40 });
  });

  it('refuses arithmetic on a non-number and array operators on a non-array', async () => {
    await expect(untyped().updateOne({ _id: 1 }, { $inc: { name: 1 } })).rejects.toMatchObject({ code: 14 });
    await expect(untyped().updateOne({ _id: 1 }, { $push: { name: 'x' } })).rejects.toMatchObject({ code: 2 });
    expect((await people.findOne({ _id: 1 }))?.name).toBe('Ada');
  });

  it('refuses to create a field inside a value that is not a document (code 28)', async () => {
    await expect(untyped().updateOne({ _id: 1 }, { $set: { 'name.first': 'A' } })).rejects.toMatchObject({ code: 28 });
    expect((await people.findOne({ _id: 1 }))?.name).toBe('Ada');
  });

  it('accepts setting _id to the value it already has', async () => {
    const result = await people.updateOne({ _id: 1 }, { $set: { _id: 1, age: 40 } });
    expect(result.modifiedCount).toBe(1);
  });

  it('refuses an update that would make the document larger than 16 MB, keeping the old one', async () => {
    const chunk = 'x'.repeat(6 * 1024 * 1024);
    await people.updateOne({ _id: 1 }, { $set: { label: chunk } });
    // mongod says code 17419, the embedded server BSONObjectTooLarge (10334): both refuse.
    await expect(people.updateOne({ _id: 1 }, { $push: { tags: { $each: [chunk, chunk] } } })).rejects.toBeInstanceOf(
      MongoServerError,
    );
    expect((await people.findOne({ _id: 1 }))?.tags).toEqual(['math']);
  });

  it('refuses an unknown update operator', async () => {
    await expect(people.updateOne({ _id: 1 }, { $frobnicate: { a: 1 } })).rejects.toMatchObject({ code: 9 });
  });

  it('applies arrayFilters and the positional $ operator', async () => {
    await people.insertOne({ _id: 30, scores: [50, 95, 70, 98] });
    await people.updateOne(
      { _id: 30 },
      { $set: { 'scores.$[high]': 100 } },
      { arrayFilters: [{ high: { $gte: 90 } }] },
    );
    await people.updateOne({ _id: 30, scores: 70 }, { $set: { 'scores.$': 75 } });
    expect(await people.findOne({ _id: 30 })).toEqual({ _id: 30, scores: [50, 100, 75, 100] });
  });

  it('runs pipeline-style updates', async () => {
    await people.updateOne({ _id: 1 }, [{ $set: { label: { $concat: ['$name', '!'] } } }, { $unset: 'tags' }]);
    expect(await people.findOne({ _id: 1 })).toEqual({
      _id: 1,
      name: 'Ada',
      age: 36,
      address: { city: 'London' },
      label: 'Ada!',
    });
  });

  it('reports writeErrors of a bulk write with the failing operation index', async () => {
    const error = (await people
      .bulkWrite([
        { updateOne: { filter: { _id: 1 }, update: { $set: { age: 1 } } } },
        { insertOne: { document: { _id: 2 } } },
        { deleteOne: { filter: { _id: 3 } } },
      ])
      .catch((e: unknown) => e)) as { code: number; writeErrors: Array<{ index: number }> };
    expect(error.code).toBe(11000);
    expect(error.writeErrors[0].index).toBe(1);
    expect(await people.countDocuments({ _id: 3 })).toBe(1);
    expect((await people.findOne({ _id: 1 }))?.age).toBe(1);
  });

  it('runs a mixed unordered bulk write and reports every count', async () => {
    const result = await people.bulkWrite(
      [
        { insertOne: { document: { _id: 4, name: 'Barbara' } } },
        { updateMany: { filter: { 'address.city': 'London' }, update: { $set: { uk: true } } } },
        { updateOne: { filter: { _id: 5 }, update: { $set: { name: 'Ken' } }, upsert: true } },
        { replaceOne: { filter: { _id: 2 }, replacement: { name: 'G. Hopper' } } },
        { deleteMany: { filter: { age: { $gt: 40 } } } },
      ],
      { ordered: false },
    );
    expect(result).toMatchObject({
      insertedCount: 1,
      matchedCount: 3,
      modifiedCount: 3,
      upsertedCount: 1,
      deletedCount: 1,
    });
    expect(result.upsertedIds).toEqual({ 2: 5 });
  });
});

describe('delete', () => {
  it('deletes one or many', async () => {
    expect((await people.deleteOne({ 'address.city': 'London' })).deletedCount).toBe(1);
    expect((await people.deleteMany({})).deletedCount).toBe(2);
    expect(await people.countDocuments()).toBe(0);
  });
});

describe('findOneAnd*', () => {
  it('returns the document before or after an update', async () => {
    const before = await people.findOneAndUpdate({ _id: 1 }, { $inc: { age: 1 } });
    expect(before?.age).toBe(36);
    const after = await people.findOneAndUpdate(
      { _id: 1 },
      { $inc: { age: 1 } },
      { returnDocument: 'after', projection: { age: 1 } },
    );
    expect(after).toEqual({ _id: 1, age: 38 });
  });

  it('picks the first document in sort order', async () => {
    const oldest = await people.findOneAndUpdate(
      {},
      { $set: { oldest: true } },
      { sort: { age: -1 }, returnDocument: 'after' },
    );
    expect(oldest?._id).toBe(2);
  });

  it('upserts and reports it', async () => {
    const result = await people.findOneAndUpdate(
      { name: 'Linus' },
      { $set: { age: 55 } },
      { upsert: true, returnDocument: 'after', includeResultMetadata: true },
    );
    expect(result.value).toMatchObject({ name: 'Linus', age: 55 });
    expect(result.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false, upserted: result.value?._id });
  });

  it('replaces and deletes', async () => {
    const replaced = await people.findOneAndReplace({ _id: 3 }, { name: 'Turing' }, { returnDocument: 'after' });
    expect(replaced).toEqual({ _id: 3, name: 'Turing' });
    const deleted = await people.findOneAndDelete({ name: 'Turing' });
    expect(deleted?._id).toBe(3);
    expect(await people.findOneAndDelete({ name: 'Turing' })).toBeNull();
  });

  it('surfaces a duplicate key as an error', async () => {
    await people.createIndex({ name: 1 }, { unique: true });
    await expect(people.findOneAndUpdate({ _id: 1 }, { $set: { name: 'Grace' } })).rejects.toMatchObject({
      code: 11000,
      keyValue: { name: 'Grace' },
    });
  });
});

describe('counting and distinct', () => {
  it('counts with countDocuments and estimatedDocumentCount', async () => {
    expect(await people.countDocuments({ age: { $lt: 50 } })).toBe(2);
    expect(await people.countDocuments({}, { skip: 1, limit: 1 })).toBe(1);
    expect(await people.estimatedDocumentCount()).toBe(3);
  });

  it('lists distinct values, flattening arrays', async () => {
    expect((await people.distinct('address.city')).sort()).toEqual(['Arlington', 'London']);
    expect((await people.distinct('tags', { age: { $gt: 40 } })).sort()).toEqual(['cobol', 'navy']);
  });
});
