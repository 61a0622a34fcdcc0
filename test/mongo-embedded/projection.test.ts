/**
 * Projections and repeated filters through the official driver: the field sets and field
 * order MongoDB returns, stored documents left whole, and filters sent again with other
 * values (or the same values as other types) answered afresh.
 */
import { MongoServerError, ObjectId, type Collection } from 'mongodb';
import { useTestDatabase } from '../helpers/test-database';

const database = useTestDatabase();
/** Fields vary between tests on purpose, so only `_id` is pinned down. */
interface Item {
  _id: number;
  [field: string]: unknown;
}

let items: Collection<Item>;

beforeEach(async () => {
  items = database().db.collection(`items_${Math.random().toString(36).slice(2)}`);
  await items.insertMany([
    { _id: 1, name: 'anvil', weight: 50, secret: 'a', tags: ['iron'], shape: { sides: 6 } },
    { _id: 2, name: 'bell', weight: 3, secret: 'b', tags: ['brass'], shape: { sides: 0 } },
  ]);
});

describe('projection', () => {
  it('drops excluded fields and keeps the others in stored order', async () => {
    const found = await items.find({ _id: 1 }, { projection: { secret: 0, weight: 0 } }).toArray();
    expect(found).toEqual([{ _id: 1, name: 'anvil', tags: ['iron'], shape: { sides: 6 } }]);
    expect(Object.keys(found[0])).toEqual(['_id', 'name', 'tags', 'shape']);
  });

  it('keeps only included fields, with _id unless excluded', async () => {
    const withId = await items.find({}, { projection: { weight: 1, name: 1 } }).toArray();
    expect(withId).toEqual([
      { _id: 1, name: 'anvil', weight: 50 },
      { _id: 2, name: 'bell', weight: 3 },
    ]);
    expect(await items.findOne({ _id: 2 }, { projection: { _id: 0, name: 1 } })).toEqual({ name: 'bell' });
  });

  it('treats a projection naming only _id as MongoDB does', async () => {
    expect(await items.findOne({ _id: 1 }, { projection: { _id: 1 } })).toEqual({ _id: 1 });
    expect(await items.findOne({ _id: 1 }, { projection: { _id: 0 } })).toEqual({
      name: 'anvil',
      weight: 50,
      secret: 'a',
      tags: ['iron'],
      shape: { sides: 6 },
    });
  });

  it('still handles dotted paths and refuses mixing inclusion with exclusion', async () => {
    expect(await items.findOne({ _id: 1 }, { projection: { 'shape.sides': 1 } })).toEqual({
      _id: 1,
      shape: { sides: 6 },
    });
    await expect(items.findOne({ _id: 1 }, { projection: { name: 1, secret: 0 } })).rejects.toBeInstanceOf(
      MongoServerError,
    );
  });

  it('leaves the stored documents whole', async () => {
    await items.find({}, { projection: { name: 1 } }).toArray();
    await items.find({}, { projection: { secret: 0 } }).toArray();
    expect(await items.findOne({ _id: 1 })).toEqual({
      _id: 1,
      name: 'anvil',
      weight: 50,
      secret: 'a',
      tags: ['iron'],
      shape: { sides: 6 },
    });
  });
});

describe('repeated filters', () => {
  it('answers the same filter from the current data each time', async () => {
    expect(await items.countDocuments({ weight: { $gte: 10 } })).toBe(1);
    await items.updateOne({ _id: 2 }, { $set: { weight: 30 } });
    expect(await items.countDocuments({ weight: { $gte: 10 } })).toBe(2);
  });

  it('tells apart values that print alike but differ in type', async () => {
    const id = new ObjectId();
    await items.insertMany([
      { _id: 3, ref: id },
      { _id: 4, ref: id.toHexString() },
      { _id: 5, ref: 7 },
      { _id: 6, ref: '7' },
    ]);
    expect((await items.find({ ref: id }).toArray()).map((d) => d._id)).toEqual([3]);
    expect((await items.find({ ref: id.toHexString() }).toArray()).map((d) => d._id)).toEqual([4]);
    expect((await items.find({ ref: 7 }).toArray()).map((d) => d._id)).toEqual([5]);
    expect((await items.find({ ref: '7' }).toArray()).map((d) => d._id)).toEqual([6]);
  });

  it('answers long $in lists from the current data each time', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => i);
    const heavy = () => items.countDocuments({ _id: { $in: ids }, weight: { $gte: 10 } });
    expect(await heavy()).toBe(1);
    await items.updateOne({ _id: 2 }, { $set: { weight: 30 } });
    expect(await heavy()).toBe(2);
  });

  it('evaluates $expr filters against the current documents', async () => {
    const heavierThan = (n: number) => items.countDocuments({ $expr: { $gt: ['$weight', n] } });
    expect(await heavierThan(10)).toBe(1);
    expect(await heavierThan(1)).toBe(2);
  });
});
