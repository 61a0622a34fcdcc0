/**
 * Regular expressions, wherever a client can send one: query operators and values, `$in`,
 * `$nin`, `$all`, `$not`, `$elemMatch`, later `$match` stages, expressions, `$pull` and array
 * filters, with MongoDB's options. They run on a linear-time engine, so a pattern that
 * backtracks exponentially in JavaScript answers at once and blocks no one; what that engine
 * cannot run is refused by name (embedded server only).
 */
import { BSONRegExp } from 'bson';
import type { Collection, Document } from 'mongodb';
import { useTestDatabase } from '../helpers/test-database';

const embedded = !process.env.MONGODB_URI;

describe('regular expressions', () => {
  const database = useTestDatabase();
  let coll: Collection<Document>;

  beforeAll(async () => {
    coll = database().db.collection('texts');
    await coll.insertMany([
      { _id: 1 as never, s: 'a'.repeat(40) + '!' },
      { _id: 2 as never, s: 'Hello World', tags: ['alpha', 'beta'] },
      { _id: 3 as never, s: 'first line\nsecond line', tags: ['gamma'] },
      { _id: 4 as never, s: 'x'.repeat(1_000_000), items: [{ name: 'apple' }, { name: 'pear' }] },
    ]);
  });

  const ids = async (filter: Document): Promise<unknown[]> =>
    (await coll.find(filter, { projection: { _id: 1 } }).toArray()).map((d) => d._id);

  it('answers a catastrophically backtracking pattern at once, while other clients are served', async () => {
    const other = await database().connect();
    const [matches, ping] = await Promise.all([
      ids({ s: { $regex: '^(a+)+$' } }),
      other.db('admin').command({ ping: 1 }),
    ]);
    expect(matches).toEqual([]);
    expect(ping).toMatchObject({ ok: 1 });
    expect(await ids({ s: { $regex: '(x+x+)+y' } })).toEqual([]);
    expect(await ids({ s: { $regex: '^(a+)+!$' } })).toEqual([1]);
  });

  it('honours the options i, m, s and x', async () => {
    expect(await ids({ s: { $regex: '^hello', $options: 'i' } })).toEqual([2]);
    expect(await ids({ s: { $regex: '^second', $options: 'm' } })).toEqual([3]);
    expect(await ids({ s: { $regex: '^second' } })).toEqual([]);
    expect(await ids({ s: { $regex: 'line.second', $options: 's' } })).toEqual([3]);
    expect(await ids({ s: { $regex: 'line.second' } })).toEqual([]);
    expect(await ids({ s: { $regex: 'hello \\  world  # words apart', $options: 'ix' } })).toEqual([2]);
    expect(await ids({ s: /^HELLO/i })).toEqual([2]);
  });

  it('takes a regex as $regex with $options, and regexes in $in, $nin, $all, $not and $elemMatch', async () => {
    expect(await ids({ s: { $regex: /world$/, $options: 'i' } })).toEqual([2]);
    expect(await ids({ tags: { $in: [/^gam/, 'beta'] } })).toEqual([2, 3]);
    expect(await ids({ tags: { $nin: [/^al/] } })).toEqual([1, 3, 4]);
    expect(await ids({ tags: { $all: [/^al/, /^be/] } })).toEqual([2]);
  });

  it('keeps, for $nin and $all without regexes, the documents matching none (or all) of the values', async () => {
    expect(await ids({ tags: { $nin: ['gamma'] } })).toEqual([1, 2, 4]);
    expect(await ids({ tags: { $nin: ['gamma', /^al/] } })).toEqual([1, 4]);
    expect(await ids({ tags: { $in: ['gamma'] } })).toEqual([3]);
    expect(await ids({ tags: { $all: ['alpha', 'beta'] } })).toEqual([2]);
  });

  it('runs $not and $elemMatch regexes', async () => {
    expect(await ids({ s: { $not: /^[ax]/ } })).toEqual([2, 3]);
    expect(await ids({ items: { $elemMatch: { name: { $regex: '^pe' } } } })).toEqual([4]);
    expect(await ids({ tags: { $elemMatch: { $regex: 'mm' } } })).toEqual([3]);
  });

  it("reads a BSON regular expression's s option as dot-all, and inline flags in a pattern", async () => {
    expect(await ids({ s: new BSONRegExp('line.second', 's') })).toEqual([3]);
    expect(await ids({ s: { $regex: '(?i)^hello' } })).toEqual([2]);
  });

  (embedded ? it : it.skip)('refuses a BSON regular expression that the BSON decoder cannot read', async () => {
    // JavaScript's RegExp, which the BSON library decodes into, has no inline flags: the string form works instead.
    await expect(coll.find({ s: new BSONRegExp('(?i)^hello', '') }).toArray()).rejects.toMatchObject({ code: 22 });
    expect(await ids({ s: { $regex: '(?i)^hello' } })).toEqual([2]);
  });

  it('runs regexes in later $match stages and in $regexMatch, $regexFind and $regexFindAll', async () => {
    const matched = await coll
      .aggregate([
        { $project: { s: 1 } },
        { $match: { s: { $regex: 'o w', $options: 'i' } } },
        { $project: { _id: 1 } },
      ])
      .toArray();
    expect(matched).toEqual([{ _id: 2 }]);
    const [found] = await coll
      .aggregate([
        { $match: { _id: 2 } },
        {
          $project: {
            _id: 0,
            matches: { $regexMatch: { input: '$s', regex: '^(a+)+$' } },
            first: { $regexFind: { input: '$s', regex: '(o)(r)?', options: 'i' } },
            all: { $regexFindAll: { input: '$s', regex: 'l+' } },
          },
        },
      ])
      .toArray();
    expect(found).toEqual({
      matches: false,
      first: { match: 'o', idx: 4, captures: ['o', null] },
      all: [
        { match: 'll', idx: 2, captures: [] },
        { match: 'l', idx: 9, captures: [] },
      ],
    });
    expect(
      await coll.countDocuments({ $expr: { $regexMatch: { input: { $toString: '$_id' }, regex: '^[12]$' } } }),
    ).toBe(2);
  });

  it('removes array elements by regex with $pull and picks them with arrayFilters', async () => {
    const lists = database().db.collection<{ _id: number; words: string[]; marks: string[] }>('lists');
    await lists.insertOne({ _id: 1, words: ['apple', 'avocado', 'banana'], marks: ['a1', 'b1'] });
    await lists.updateOne({ _id: 1 }, { $pull: { words: { $regex: '^a' } } });
    await lists.updateOne({ _id: 1 }, { $set: { 'marks.$[m]': 'z' } }, { arrayFilters: [{ m: { $regex: '^b' } }] });
    expect(await lists.findOne({ _id: 1 })).toEqual({ _id: 1, words: ['banana'], marks: ['a1', 'z'] });
  });

  (embedded ? it : it.skip)('refuses what a linear-time engine cannot run, naming it', async () => {
    const cases: Array<[string, RegExp]> = [
      ['(a)\\1', /backreferences/],
      ['a(?=b)', /lookahead or lookbehind/],
      ['(?<!a)b', /lookahead or lookbehind/],
      ['a++', /possessive quantifiers/],
      ['(?>a)', /atomic groups/],
    ];
    for (const [pattern, reason] of cases) {
      const error = await coll
        .find({ s: { $regex: pattern } })
        .toArray()
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 2, codeName: 'BadValue' });
      expect((error as Error).message).toMatch(reason);
    }
  });

  (embedded ? it : it.skip)('does not echo a huge pattern back whole in the error', async () => {
    const error = await coll
      .find({ s: { $regex: `(a)\\1${'x'.repeat(1_000_000)}` } })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 2 });
    expect((error as Error).message.length).toBeLessThan(1_000);
  });

  (embedded ? it : it.skip)('refuses invalid patterns and options with BadValue', async () => {
    await expect(coll.find({ s: { $regex: '(' } }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(coll.find({ s: { $regex: 'a', $options: 'q' } }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(coll.find({ s: { $regex: /a/i, $options: 'm' } }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(coll.find({ s: { $options: 'i' } }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(
      coll.aggregate([{ $project: { m: { $regexMatch: { input: '$s', regex: '(a)\\1' } } } }]).toArray(),
    ).rejects.toMatchObject({ code: 2 });
    expect(await coll.countDocuments()).toBe(4);
  });
});
