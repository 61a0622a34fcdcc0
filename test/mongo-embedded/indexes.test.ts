/**
 * Indexes as an application uses them: unique constraints on insert, update and upsert
 * with MongoDB's duplicate-key error, compound and multikey keys, listing and dropping.
 */
import type { Collection, Sort } from 'mongodb';
import { examinedBy } from '../helpers/examined-counts';
import { useTestDatabase } from '../helpers/test-database';

const database = useTestDatabase();
interface Row {
  _id?: number;
  email?: string;
  name?: string;
  personId?: number;
  officeId?: number;
  personIds?: string[];
  mentions?: Array<{ personId: string }>;
  n?: number;
  a?: number;
}

let coll: Collection<Row>;

beforeEach(async () => {
  coll = database().db.collection(`idx_${Math.random().toString(36).slice(2)}`);
});

describe('unique indexes', () => {
  beforeEach(async () => {
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ _id: 1, email: 'ada@example.org' });
  });

  it('refuses a duplicate insert with keyPattern and keyValue', async () => {
    await expect(coll.insertOne({ email: 'ada@example.org' })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { email: 1 },
      keyValue: { email: 'ada@example.org' },
    });
  });

  it('refuses an update that would create a duplicate and leaves the document unchanged', async () => {
    await coll.insertOne({ _id: 2, email: 'grace@example.org' });
    await expect(coll.updateOne({ _id: 2 }, { $set: { email: 'ada@example.org' } })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await coll.findOne({ _id: 2 })).toEqual({ _id: 2, email: 'grace@example.org' });
    expect(await coll.countDocuments({ email: 'grace@example.org' })).toBe(1);
  });

  it('refuses an upsert that would create a duplicate', async () => {
    await expect(
      coll.updateOne({ _id: 3 }, { $set: { email: 'ada@example.org' } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await coll.countDocuments()).toBe(1);
  });

  it('undoes the other indexes when one unique index refuses an update', async () => {
    await coll.createIndex({ name: 1 });
    await coll.createIndex({ personId: 1 }, { unique: true });
    await coll.insertMany([
      { _id: 7, email: 'x@example.org', name: 'X', personId: 1 },
      { _id: 8, email: 'y@example.org', name: 'Y', personId: 2 },
    ]);
    await expect(
      coll.updateOne({ _id: 8 }, { $set: { name: 'Z', email: 'z@example.org', personId: 1 } }),
    ).rejects.toMatchObject({ code: 11000 });
    expect((await coll.find({ name: 'Y' }).toArray()).map((d) => d._id)).toEqual([8]);
    expect(await coll.countDocuments({ name: 'Z' })).toBe(0);
    expect(await coll.countDocuments({ email: 'z@example.org' })).toBe(0);
    await expect(coll.insertOne({ email: 'y@example.org' })).rejects.toMatchObject({ code: 11000 });
  });

  it('treats a missing field as null, once', async () => {
    await coll.insertOne({ _id: 4 });
    await expect(coll.insertOne({ _id: 5 })).rejects.toMatchObject({ code: 11000 });
  });

  it('allows the value again once its holder is deleted', async () => {
    await coll.deleteOne({ _id: 1 });
    await expect(coll.insertOne({ _id: 6, email: 'ada@example.org' })).resolves.toMatchObject({ insertedId: 6 });
  });

  it('cannot be built over existing duplicates', async () => {
    await coll.insertMany([
      { name: 'x', email: 'x1' },
      { name: 'x', email: 'x2' },
    ]);
    await expect(coll.createIndex({ name: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'email_1']);
  });
});

it('enforces a compound unique key on the combination only', async () => {
  await coll.createIndex({ personId: 1, officeId: 1 }, { unique: true });
  await coll.insertMany([
    { personId: 1, officeId: 1 },
    { personId: 1, officeId: 2 },
    { personId: 2, officeId: 1 },
  ]);
  await expect(coll.insertOne({ personId: 1, officeId: 2 })).rejects.toMatchObject({
    code: 11000,
    keyValue: { personId: 1, officeId: 2 },
  });
});

it('finds documents through a multikey index on an array field', async () => {
  await coll.createIndex({ personIds: 1 });
  await coll.insertMany([
    { _id: 1, personIds: ['p1', 'p2'] },
    { _id: 2, personIds: ['p2', 'p3'] },
    { _id: 3, personIds: [] },
    { _id: 4 },
  ]);
  expect((await coll.find({ personIds: 'p2' }).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([1, 2]);
  expect((await coll.find({ personIds: { $in: ['p3', 'p9'] } }).toArray()).map((d) => d._id)).toEqual([2]);
  await coll.updateOne({ _id: 1 }, { $pull: { personIds: 'p2' } });
  expect((await coll.find({ personIds: 'p2' }).toArray()).map((d) => d._id)).toEqual([2]);
});

describe('a replacement of a document with a multikey index on a list', () => {
  beforeEach(async () => {
    await coll.createIndex({ personIds: 1 });
    await coll.insertOne({ _id: 1, n: 1, personIds: ['p1', 'p2'] });
  });

  it.each([
    ['the same list', ['p1', 'p2'], ['p1', 'p2'], ['p9']],
    ['the list reordered', ['p2', 'p1'], ['p1', 'p2'], ['p9']],
    ['an element changed', ['p1', 'p3'], ['p1', 'p3'], ['p2']],
    ['a list as long with other elements', ['p3', 'p4'], ['p3', 'p4'], ['p1', 'p2']],
    ['an element added', ['p1', 'p2', 'p3'], ['p1', 'p2', 'p3'], []],
    ['the list emptied', [], [], ['p1', 'p2']],
  ])('keeps the index in step with %s', async (_case, personIds, found, gone) => {
    await coll.replaceOne({ _id: 1 }, { n: 2, personIds });
    for (const id of found) expect((await coll.find({ personIds: id }).toArray()).map((d) => d.n)).toEqual([2]);
    for (const id of gone) expect(await coll.countDocuments({ personIds: id })).toBe(0);
  });
});

it('finds documents through an index on a field inside an array of sub-documents', async () => {
  await coll.createIndex({ 'mentions.personId': 1 });
  await coll.insertMany([
    { _id: 1, mentions: [{ personId: 'p1' }, { personId: 'p2' }] },
    { _id: 2, mentions: [{ personId: 'p2' }] },
    { _id: 3, mentions: [] },
  ]);
  expect((await coll.find({ 'mentions.personId': 'p2' }).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([1, 2]);
  expect((await coll.find({ 'mentions.personId': 'p1' }).toArray()).map((d) => d._id)).toEqual([1]);
});

it('finds equal numbers whatever their BSON type through an index', async () => {
  await coll.createIndex({ n: 1 });
  await coll.insertMany([
    { _id: 1, n: 5 },
    { _id: 2, n: 5.5 },
  ]);
  expect((await coll.find({ n: 5.0 }).toArray()).map((d) => d._id)).toEqual([1]);
});

it('lists, reuses and drops indexes', async () => {
  await coll.createIndex({ a: 1, b: -1 }, { name: 'a_b' });
  expect(await coll.createIndex({ a: 1, b: -1 }, { name: 'a_b' })).toBe('a_b');
  const indexes = await coll.listIndexes().toArray();
  expect(indexes.map((i) => [i.name, i.key])).toEqual([
    ['_id_', { _id: 1 }],
    ['a_b', { a: 1, b: -1 }],
  ]);
  await coll.dropIndex('a_b');
  expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
});

it('reports errors for bad index operations', async () => {
  await coll.insertOne({ a: 1 });
  await expect(coll.dropIndex('nope')).rejects.toMatchObject({ code: 27 });
  await expect(coll.dropIndex('_id_')).rejects.toMatchObject({ code: 72 });
  await coll.createIndex({ a: 1 }, { name: 'first' });
  await expect(coll.createIndex({ a: 1 }, { name: 'second' })).rejects.toMatchObject({ code: 85 });
  await expect(coll.createIndex({ b: 1 }, { name: 'first' })).rejects.toMatchObject({ code: 86 });
  await expect(database().db.collection('missing_coll').listIndexes().toArray()).rejects.toMatchObject({ code: 26 });
});

it('refuses a hint naming no index, and accepts one naming an index', async () => {
  await coll.createIndex({ a: 1 });
  await coll.insertOne({ a: 1 });
  expect(await coll.find({ a: 1 }, { hint: { a: 1 } }).toArray()).toHaveLength(1);
  await expect(coll.find({ a: 1 }, { hint: 'nope_1' }).toArray()).rejects.toMatchObject({ code: 2 });
});

it('answers equality, $in, prefix, range and $or queries the same with and without indexes', async () => {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const when = new Date('2024-01-01T00:00:00Z');
  const scalars: unknown[] = [1, 2, 2.5, 'a', 'ab', 'abc', 'b', 'a.c', null, true, when];
  const pick = () => scalars[Math.floor(random() * scalars.length)];
  const value = (): unknown => {
    const roll = random();
    if (roll < 0.15) return undefined;
    if (roll < 0.35) return [pick(), pick()];
    if (roll < 0.45) return [];
    if (roll < 0.55) return [{ b: pick() }, { c: 1 }];
    if (roll < 0.65) return { b: pick() };
    return pick();
  };
  // `n` never holds an array, so a range on it is decided by its index alone.
  const plainValues: unknown[] = [1, 2, 2.5, 3, 'a', 'ab', 'b', null, when];
  const docs = Array.from({ length: 300 }, (_, i) => {
    const doc: Record<string, unknown> = { _id: i };
    for (const field of ['a', 'x']) {
      const v = value();
      if (v !== undefined) doc[field] = v;
    }
    if (random() < 0.9) doc.n = plainValues[Math.floor(random() * plainValues.length)];
    doc.live = Math.floor(random() * 3);
    doc.k = ['day', 'month', 'year'][Math.floor(random() * 3)];
    return doc;
  });
  const indexed = database().db.collection('with_index');
  const plain = database().db.collection('without_index');
  await indexed.createIndexes([
    { key: { a: 1 } },
    { key: { 'a.b': 1 } },
    { key: { x: 1, a: 1 } },
    { key: { n: 1 } },
    { key: { x: 1, n: -1 } },
    // Used only by queries that state its expression.
    { key: { k: 1, n: 1 }, partialFilterExpression: { live: { $gt: 0 } } },
  ]);
  await indexed.insertMany(docs.map((d) => ({ ...d })));
  await plain.insertMany(docs.map((d) => ({ ...d })));
  const filters = [
    ...scalars.flatMap((v) => [{ a: v }, { 'a.b': v }, { x: v }, { x: v, a: 1 }]),
    { a: { $in: [1, 'b', null] } },
    { 'a.b': { $in: [2, when] } },
    { a: { $eq: 2.5 } },
    { $and: [{ a: 'a' }, { x: { $ne: null } }] },
    { a: /^a/ },
    { a: /^ab?/ },
    { a: /^a\.c/ },
    { a: { $regex: '^ab' } },
    { a: { $regex: '^A', $options: 'i' } },
    { 'a.b': /^b/ },
    { a: { $in: [2, 2.5], $nin: [2] } },
    { a: { $in: ['a', when, true] } },
    { x: { $eq: 'b' } },
    { a: { $gte: 2 } },
    { a: { $gt: 1, $lte: 2.5 } },
    { a: { $gte: 'a', $lt: 'b' } },
    { a: { $gt: 'ab' } },
    { a: { $lt: 'abc', $gt: 'a' } },
    { a: { $lte: 'a.c' } },
    { a: { $gte: when } },
    { a: { $gt: 2, $lt: 1 } },
    { 'a.b': { $lte: 2 } },
    { x: { $gte: 1, $lte: 2 } },
    { $or: [{ a: { $gte: 'b' } }, { x: { $lt: 2 } }] },
    { $or: [{ a: 1 }, { x: 'b' }] },
    { $or: [{ a: 1 }, { y: 2 }] },
    { $and: [{ $or: [{ a: 'abc' }, { 'a.b': true }] }, { x: { $exists: true } }] },
    // An index decides some clauses; the others are still tested.
    { a: 1, x: { $ne: null } },
    { $and: [{ a: 2 }, { a: { $in: [2, 'b'] } }] },
    { x: 'b', a: { $gt: 1 } },
    { x: { $in: ['a', 'b'] }, a: { $gte: 'a' } },
    { n: { $gte: 2 } },
    { n: { $gt: 'a' }, x: 'b' },
    { n: { $gte: 1, $lt: 3 }, a: { $ne: 2 } },
    { x: { $in: ['a', 'b', 1] }, n: { $lte: 2.5 } },
    { x: 'a', n: { $gte: 'a' }, a: { $exists: false } },
    { _id: { $in: [3, 5, 8, 13, 21] as never[] }, n: { $gt: 1 } },
    { k: 'day', n: { $gte: 2 } },
    { live: { $gt: 0 }, k: 'day', n: { $gte: 2 } },
    { live: { $gt: 0 }, k: { $in: ['day', 'year'] } },
    { live: { $gt: 0 }, k: 'month', n: { $lt: 'b' }, x: { $exists: true } },
    {
      $or: [
        { live: { $gt: 0 }, k: 'day', n: { $gte: 2, $lte: 3 } },
        { live: { $gt: 0 }, k: 'month', n: 'a' },
        { live: { $gt: 0 }, k: 'year', n: { $gte: 'a' } },
      ],
    },
    {
      $or: [
        { live: { $gt: 0 }, k: 'day', n: { $gte: 2.5 } },
        { k: 'month', n: 2 },
      ],
    },
    {
      $or: [
        { live: { $gt: 0 }, k: 'day', n: 1 },
        { live: { $gt: 0 }, k: 'year', n: 3 },
      ],
      x: 'b',
    },
  ];
  const sorts: Sort[] = [
    { n: -1, _id: 1 },
    { n: 1, _id: -1 },
  ];
  const sameAnswers = async () => {
    for (const filter of filters) {
      const ids = async (c: typeof plain) =>
        (await c.find(filter).toArray()).map((d) => d._id).sort((p, q) => Number(p) - Number(q));
      expect({ filter, ids: await ids(indexed) }).toEqual({ filter, ids: await ids(plain) });
      expect({ filter, count: await indexed.countDocuments(filter) }).toEqual({
        filter,
        count: await plain.countDocuments(filter),
      });
      for (const sort of sorts) {
        const page = async (c: typeof plain) => (await c.find(filter).sort(sort).limit(7).toArray()).map((d) => d._id);
        expect({ filter, sort, page: await page(indexed) }).toEqual({ filter, sort, page: await page(plain) });
      }
    }
  };
  await sameAnswers();
  // Updates move documents between keys; the indexes must follow.
  for (let i = 0; i < 300; i += 3) {
    const roll = random();
    const change =
      roll < 0.3
        ? { $set: { a: value() ?? null } }
        : roll < 0.6
          ? { $set: { x: value() ?? 'b' } }
          : roll < 0.8
            ? { $set: { n: plainValues[Math.floor(random() * plainValues.length)] } }
            : { $set: { live: Math.floor(random() * 3) } };
    for (const c of [indexed, plain]) await c.updateOne({ _id: i as never }, change);
  }
  for (const c of [indexed, plain]) {
    await c.updateMany({ a: { $type: 'array' } }, { $push: { a: 'ab' } as never });
    await c.updateMany({ a: { $type: 'array' } }, { $pull: { a: 2 } as never });
    await c.deleteMany({ x: true });
  }
  await sameAnswers();
});

const itEmbedded = process.env.MONGODB_URI ? it.skip : it;

itEmbedded('reads a range from the index rather than every document', async () => {
  const meetings = database().db.collection<{ _id: number; date: string; precision: string }>('meetings');
  await meetings.createIndex({ date: 1 });
  await meetings.insertMany(
    Array.from({ length: 60 }, (_, i) => ({
      _id: i + 1,
      date: new Date(Date.UTC(2021, 0, i + 1)).toISOString().slice(0, 10),
      precision: 'day',
    })),
  );

  let march: unknown[] = [];
  let days: unknown[] = [];
  const forMarch = await examinedBy(database().client, async () => {
    march = await meetings.find({ date: { $gte: '2021-03-01', $lte: '2021-03-31' } }).toArray();
  });
  const forDays = await examinedBy(database().client, async () => {
    days = await meetings
      .find({
        $or: [{ precision: 'day', date: { $gt: '2021-01-01', $lt: '2021-01-05' } }, { date: '2021-02-10' }],
      })
      .toArray();
  });

  let inJanuary = 0;
  const forCount = await examinedBy(database().client, async () => {
    inJanuary = await meetings.countDocuments({ date: { $gte: '2021-01-01', $lte: '2021-01-31' } });
  });

  expect(march.map((d) => (d as { date: string }).date)).toEqual(['2021-03-01']);
  expect(days.map((d) => (d as { _id: number })._id).sort((a, b) => a - b)).toEqual([2, 3, 4, 41]);
  expect(inJanuary).toBe(31);
  // Only the documents whose keys are in range are read, not all sixty; a range of a field that
  // holds no arrays is counted from its keys alone.
  expect(forMarch.docs).toBe(1);
  expect(forDays.docs).toBe(4);
  expect(forCount).toEqual({ keys: 31, docs: 0 });
});

itEmbedded('counts a range of more keys than one statement counts, from the keys alone', async () => {
  const rows = database().db.collection<{ _id: number; n: number }>('many');
  await rows.createIndex({ n: 1 });
  await rows.insertMany(Array.from({ length: 12_000 }, (_, i) => ({ _id: i, n: i % 6_000 })));
  let n = 0;
  const examined = await examinedBy(database().client, async () => {
    n = await rows.countDocuments({ n: { $gte: 5 } });
  });
  expect(n).toBe(11_990);
  expect(examined).toEqual({ keys: 11_990, docs: 0 });
});

itEmbedded('counts the branches of an $or from a partial index alone, and pages them by a walk', async () => {
  // Live meetings dated to the day, the month or the year, and a range of days that a month or a year overlaps.
  const meetings = database().db.collection<{ _id: number; date: string; precision: string; live: number }>('dated');
  await meetings.createIndexes([
    { key: { date: 1 } },
    { key: { precision: 1, date: 1 }, partialFilterExpression: { live: { $gt: 0 } } },
  ]);
  const days = Array.from({ length: 90 }, (_, i) => ({
    _id: i,
    date: new Date(Date.UTC(2021, 0, i + 1)).toISOString().slice(0, 10),
    precision: 'day',
    live: i % 10 === 0 ? 0 : 1,
  }));
  await meetings.insertMany([
    ...days,
    { _id: 100, date: '2021-02', precision: 'month', live: 1 },
    { _id: 101, date: '2021', precision: 'year', live: 2 },
    { _id: 102, date: '2021-03', precision: 'month', live: 1 },
  ]);
  const live = { live: { $gt: 0 } };
  const inMonth = (month: string, last: number) => ({
    $or: [
      { ...live, precision: 'day', date: { $gte: `${month}-01`, $lte: `${month}-${last}` } },
      { ...live, precision: 'month', date: { $gte: month, $lte: month } },
      { ...live, precision: 'year', date: { $gte: month.slice(0, 4), $lte: month.slice(0, 4) } },
    ],
  });
  const inFebruary = inMonth('2021-02', 28);
  let count = 0;
  let inJanuary = 0;
  let page: unknown[] = [];
  const forCount = await examinedBy(database().client, async () => {
    count = await meetings.countDocuments(inFebruary);
    // No meeting is dated to January alone: that branch reads nothing, whichever index it reads.
    inJanuary = await meetings.countDocuments(inMonth('2021-01', 31));
  });
  const forPage = await examinedBy(database().client, async () => {
    page = await meetings.find(inFebruary).sort({ date: -1, _id: -1 }).limit(3).toArray();
  });
  // February's 28 days less the two not live (40 and 50), the month and the year.
  expect(count).toBe(28);
  expect(inJanuary).toBe(28);
  expect(page.map((d) => (d as { _id: number })._id)).toEqual([58, 57, 56]);
  expect(forCount.docs).toBe(0);
  // The walk reads the days of February from the last, not the January before it.
  expect(forPage.docs).toBeLessThanOrEqual(4);
});
