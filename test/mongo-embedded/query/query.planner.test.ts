/**
 * How the embedded server chooses what to read, through the official driver: it counts the
 * keys of candidate plans only when it cannot tell otherwise which one reads fewer, and a walk
 * of an index in sort order reads a small page's keys in one statement. Every answer is
 * compared with the same query on a collection without indexes.
 */
import type { Collection, Document } from 'mongodb';
import { KeyTable } from '../../../src/mongo-embedded/storage/key-table.scan';
import { examinedBy } from '../../helpers/examined-counts';
import { useTestDatabase } from '../../helpers/test-database';

const database = useTestDatabase();

afterAll(() => {
  jest.restoreAllMocks();
});

/** How many key ranges the server counts (to plan, or to answer a count) while `run` runs. */
async function rangesCountedBy(run: () => Promise<unknown>): Promise<number> {
  const count = jest.spyOn(KeyTable.prototype, 'count');
  try {
    await run();
    return count.mock.calls.length;
  } finally {
    count.mockRestore();
  }
}

/** The same documents in an indexed collection and in one without indexes. */
async function twoCollections(name: string, docs: Document[], indexes: Parameters<Collection['createIndexes']>[0]) {
  const indexed = database().db.collection(`${name}_indexed`);
  const plain = database().db.collection(`${name}_plain`);
  await indexed.createIndexes(indexes);
  await indexed.insertMany(docs.map((doc) => ({ ...doc })));
  await plain.insertMany(docs.map((doc) => ({ ...doc })));
  return { indexed, plain };
}

const itEmbedded = process.env.MONGODB_URI ? it.skip : it;

/** `count` documents from 1 January 2021 on, `perDay` of them each day, `_id` their place. */
const byDay = (count: number, perDay: number) =>
  Array.from({ length: count }, (_, i) => ({
    _id: i,
    date: new Date(Date.UTC(2021, 0, 1 + Math.floor(i / perDay))).toISOString().slice(0, 10),
  }));

itEmbedded(
  'plans each branch of a date-range $or on the partial index of precision and date without counting the plain date index',
  async () => {
    // Live meetings dated to the day, the month or the year, as the store keeps them.
    const days = byDay(120, 2).map((doc, i) => ({ ...doc, precision: 'day', live: i % 7 === 0 ? 0 : 1 }));
    const { indexed, plain } = await twoCollections(
      'dated',
      [
        ...days,
        { _id: 200, date: '2021-02', precision: 'month', live: 1 },
        { _id: 201, date: '2021', precision: 'year', live: 1 },
      ],
      [{ key: { date: 1 } }, { key: { precision: 1, date: 1 }, partialFilterExpression: { live: { $gt: 0 } } }],
    );
    const live = { live: { $gt: 0 } };
    const inFebruary = {
      $or: [
        { ...live, precision: 'day', date: { $gte: '2021-02-01', $lte: '2021-02-28' } },
        { ...live, precision: 'month', date: { $gte: '2021-02', $lte: '2021-02' } },
        { ...live, precision: 'year', date: { $gte: '2021', $lte: '2021' } },
      ],
    };
    let count = 0;
    const counted = await rangesCountedBy(async () => {
      count = await indexed.countDocuments(inFebruary);
    });
    expect(count).toBe(await plain.countDocuments(inFebruary));
    // One range per branch, counted for the answer: the partial index decides everything the
    // date index does and more, so it is chosen without counting either.
    expect(counted).toBe(3);
    const page = async (c: Collection) =>
      (await c.find(inFebruary).sort({ date: -1, _id: -1 }).limit(5).toArray()).map((d) => d._id);
    expect(await page(indexed)).toEqual(await page(plain));
  },
);

itEmbedded('sorts the few matches of a prefix search without counting the index it could walk', async () => {
  const docs = Array.from({ length: 300 }, (_, i) => ({
    _id: i,
    keys: [`k${i % 50}`, `word${i}`],
    mentions: (i * 37) % 101,
  }));
  const { indexed, plain } = await twoCollections('named', docs, [{ key: { keys: 1 } }, { key: { mentions: -1 } }]);
  const search = async (c: Collection) =>
    (
      await c
        .find({ keys: { $regex: '^word12' } })
        .sort({ mentions: -1, _id: 1 })
        .limit(100)
        .toArray()
    ).map((d) => d._id);
  let found: unknown[] = [];
  const counted = await rangesCountedBy(async () => {
    found = await search(indexed);
  });
  expect(found).toEqual(await search(plain));
  expect(found).toHaveLength(11);
  // The matches are counted (11, fewer than the page); the walk would read the whole index of
  // `mentions`, one key per document, which the server knows without counting.
  expect(counted).toBe(1);
});

itEmbedded(
  'reads a page walked in sort order, with the group of equal values that ends it, in one statement',
  async () => {
    // Nine meetings a day: the page's last day goes on past the page's last meeting.
    const docs = byDay(900, 9);
    const { indexed, plain } = await twoCollections('walked', docs, [{ key: { date: 1 } }]);
    const page = async (c: Collection) =>
      (await c.find({}).sort({ date: -1, _id: -1 }).limit(51).toArray()).map((d) => d._id);
    let found: unknown[] = [];
    const examined = await examinedBy(database().client, async () => {
      found = await page(indexed);
    });
    expect(found).toEqual(await page(plain));
    // The 51 documents and the rest of the last one's day, not a second chunk of keys.
    expect(examined.docs).toBeLessThanOrEqual(54);
    expect(examined.keys).toBeLessThanOrEqual(65);
  },
);
