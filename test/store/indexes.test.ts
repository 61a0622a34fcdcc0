import { COLLECTIONS, ensureIndexes, INDEXES, loadExtraction, resetStore, StoreLayoutError } from '../../src/store';
import { article, person } from '../helpers/article-record.fixture';
import { useTestDatabasePerTest } from '../helpers/test-database';

describe('ensureIndexes', () => {
  const database = useTestDatabasePerTest();
  const db = () => database().db;

  async function indexKeys(name: string) {
    const indexes = await db().collection(name).listIndexes().toArray();
    return indexes.map((index) => ({ key: index.key, unique: index.unique === true }));
  }

  it('creates every index the API and the loaders query by, and can run again', async () => {
    await ensureIndexes(db());
    await ensureIndexes(db());
    for (const [name, wanted] of Object.entries(INDEXES).filter(([, indexes]) => indexes.length)) {
      const present = await indexKeys(name);
      expect(present).toHaveLength(wanted.length + 1);
      for (const index of wanted) expect(present).toContainEqual({ key: index.key, unique: index.unique === true });
    }
    expect(await indexKeys(COLLECTIONS.meetings)).toContainEqual({ key: { personIds: 1, date: -1 }, unique: false });
    expect(await indexKeys(COLLECTIONS.mentions)).toContainEqual({ key: { entityId: 1, date: -1 }, unique: false });
    expect(await indexKeys(COLLECTIONS.people)).toContainEqual({ key: { slug: 1 }, unique: true });
  });

  it('enforces natural keys: a second office with the same key is refused', async () => {
    await ensureIndexes(db());
    const offices = db().collection<{ _id: string; key: string }>(COLLECTIONS.offices);
    await offices.insertOne({ _id: 'a', key: 'interior minister|country:iq' });
    await expect(offices.insertOne({ _id: 'b', key: 'interior minister|country:iq' })).rejects.toMatchObject({
      code: 11000,
    });
  });

  it('refuses a database in the layout of an earlier version, saying how to reload it; reset then starts over', async () => {
    // What earlier versions stored: entity documents with every article's contributions, and no layout marker.
    await db()
      .collection<{ _id: string }>(COLLECTIONS.articles)
      .insertOne({ _id: 'a1', source: 'old.txt', text: 'x' } as never);
    await db()
      .collection<{ _id: string }>(COLLECTIONS.people)
      .insertOne({ _id: 'p1', slug: 'p', contributions: [{ articleId: 'a1' }] } as never);
    const refused = ensureIndexes(db());
    await expect(refused).rejects.toBeInstanceOf(StoreLayoutError);
    await expect(refused).rejects.toThrow(/npm run seed -- --reset/);
    const fixture = article('new.txt', ['Ann Lee spoke.'], (say) => ({
      people: [person('Ann Lee', say('Ann Lee spoke.'))],
    }));
    await expect(loadExtraction(db(), fixture.record, { text: fixture.text })).rejects.toBeInstanceOf(StoreLayoutError);
    expect(await db().collection(COLLECTIONS.articles).countDocuments()).toBe(1);
    await resetStore(db());
    await ensureIndexes(db());
    expect(await db().collection(COLLECTIONS.articles).countDocuments()).toBe(0);
  });

  it('reset empties the store and keeps the indexes', async () => {
    await ensureIndexes(db());
    await db().collection<{ _id: string; slug: string }>(COLLECTIONS.people).insertOne({ _id: 'p', slug: 'p' });
    await resetStore(db());
    expect(await db().collection(COLLECTIONS.people).countDocuments()).toBe(0);
    expect(await indexKeys(COLLECTIONS.people)).toContainEqual({ key: { slug: 1 }, unique: true });
  });
});
