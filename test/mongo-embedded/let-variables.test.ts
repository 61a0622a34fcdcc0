/**
 * A command's `let` variables (MongoDB 5+): each is an expression evaluated once, then
 * available as `$$name` in the filter's `$expr`, in pipelines and in pipeline updates, for
 * find, aggregate, update, delete, findAndModify and bulk writes alike.
 */
import type { Collection } from 'mongodb';
import { useTestDatabase } from '../helpers/test-database';

interface Row {
  _id: number;
  x?: unknown;
  y?: unknown;
}

describe('let variables', () => {
  const database = useTestDatabase();
  let coll: Collection<Row>;
  const byId = { $expr: { $eq: ['$_id', '$$id'] } };

  beforeEach(async () => {
    coll = database().db.collection<Row>(
      `rows_${expect.getState().currentTestName?.replace(/\W+/g, '_').slice(0, 40)}`,
    );
    await coll.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
  });

  it('binds values for find', async () => {
    expect(await coll.find(byId, { let: { id: 2 } }).toArray()).toEqual([{ _id: 2 }]);
  });

  it('evaluates each variable as an expression, once, for aggregate', async () => {
    const rows = await coll
      .aggregate(
        [{ $match: { $expr: { $lte: ['$_id', '$$limit'] } } }, { $project: { _id: 1, x: '$$x', y: '$$y', z: '$$z' } }],
        { let: { limit: { $add: [1, 1] }, x: 'foo', y: { $literal: '$notAPath' }, z: { $concat: ['a', 'b'] } } },
      )
      .toArray();
    expect(rows).toEqual([
      { _id: 1, x: 'foo', y: '$notAPath', z: 'ab' },
      { _id: 2, x: 'foo', y: '$notAPath', z: 'ab' },
    ]);
  });

  it('binds values for updateOne and updateMany with pipeline updates', async () => {
    const one = await coll.updateOne(byId, [{ $set: { x: '$$x', y: '$$y' } }], {
      let: { id: 1, x: 'foo', y: { $literal: '$bar' } },
    });
    expect(one).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const many = await coll.updateMany({ $expr: { $gt: ['$_id', '$$from'] } }, [{ $set: { x: '$$x' } }], {
      let: { from: 1, x: 'many' },
    });
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, x: 'foo', y: '$bar' },
      { _id: 2, x: 'many' },
      { _id: 3, x: 'many' },
    ]);
  });

  it('binds values in the filter of an operator update', async () => {
    const result = await coll.updateOne(byId, { $set: { x: 'set' } }, { let: { id: 3 } });
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await coll.findOne({ _id: 3 })).toEqual({ _id: 3, x: 'set' });
  });

  it('binds values for deleteOne and deleteMany', async () => {
    expect(await coll.deleteOne(byId, { let: { id: 1 } })).toMatchObject({ deletedCount: 1 });
    expect(await coll.deleteMany({ $expr: { $gte: ['$_id', '$$from'] } }, { let: { from: 3 } })).toMatchObject({
      deletedCount: 1,
    });
    expect(await coll.find().toArray()).toEqual([{ _id: 2 }]);
  });

  it('binds values for findOneAndUpdate, findOneAndReplace and findOneAndDelete', async () => {
    expect(
      await coll.findOneAndUpdate(byId, [{ $set: { x: '$$x' } }], { let: { id: 1, x: 'up' }, returnDocument: 'after' }),
    ).toEqual({ _id: 1, x: 'up' });
    expect(await coll.findOneAndReplace(byId, { x: 'replaced' }, { let: { id: 2 }, returnDocument: 'after' })).toEqual({
      _id: 2,
      x: 'replaced',
    });
    expect(await coll.findOneAndDelete(byId, { let: { id: 3 } })).toEqual({ _id: 3 });
    expect(await coll.countDocuments()).toBe(2);
  });

  it('binds values for every statement of a bulk write', async () => {
    const result = await coll.bulkWrite(
      [
        { updateOne: { filter: byId, update: [{ $set: { x: '$$x' } }] } },
        {
          replaceOne: {
            filter: { $expr: { $eq: ['$_id', '$$other'] } },
            replacement: { y: '$$ignoredInReplacements' },
          },
        },
        { deleteOne: { filter: { $expr: { $eq: ['$_id', '$$gone'] } } } },
      ],
      { let: { id: 1, x: 'bulk', other: 2, gone: 3 } },
    );
    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 2, deletedCount: 1 });
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, x: 'bulk' },
      { _id: 2, y: '$$ignoredInReplacements' },
    ]);
  });

  it('refuses a variable name that does not start with a lowercase letter', async () => {
    await expect(coll.find(byId, { let: { Id: 1 } }).toArray()).rejects.toMatchObject({
      errmsg: expect.stringContaining('Id'),
    });
  });
});
