/** Databases and collections: creating, listing and dropping them, with MongoDB's errors. */
import { useTestDatabase } from '../helpers/test-database';

const database = useTestDatabase();
const db = () => database().db;

it('creates collections explicitly and on first insert, and lists them', async () => {
  await db().createCollection('explicit');
  await db().collection('implicit').insertOne({ a: 1 });
  const names = (await db().listCollections().toArray()).map((c) => c.name).sort();
  expect(names).toEqual(['explicit', 'implicit']);
  const filtered = await db().listCollections({ name: 'implicit' }, { nameOnly: true }).toArray();
  expect(filtered.map((c) => c.name)).toEqual(['implicit']);
});

it('refuses to create a collection that exists (code 48)', async () => {
  await db().createCollection('twice');
  await expect(db().createCollection('twice')).rejects.toMatchObject({ code: 48 });
});

it('drops a collection; dropping a missing one answers false', async () => {
  await db().collection('doomed').insertOne({ a: 1 });
  expect(await db().collection('doomed').drop()).toBe(true);
  expect(await db().collection('doomed').countDocuments()).toBe(0);
  expect(await db().collection('doomed').drop()).toBe(false);
});

it('renames a collection with its documents and indexes', async () => {
  const draft = db().collection('draft');
  await draft.createIndex({ slug: 1 }, { unique: true });
  await draft.insertOne({ slug: 'a' });
  await db().collection('taken').insertOne({ x: 1 });
  await expect(draft.rename('taken')).rejects.toMatchObject({ code: 48 });
  const published = await draft.rename('published');
  expect(await published.countDocuments({ slug: 'a' })).toBe(1);
  await expect(published.insertOne({ slug: 'a' })).rejects.toMatchObject({ code: 11000 });
  expect(await draft.countDocuments()).toBe(0);
  await db().collection('published').rename('taken', { dropTarget: true });
  expect(await db().collection('taken').countDocuments({ slug: 'a' })).toBe(1);
});

it('reports database statistics', async () => {
  const stats = await db().stats();
  expect(stats).toMatchObject({ db: db().databaseName, ok: 1 });
  expect(stats.collections).toBeGreaterThan(0);
});

it('lists databases that hold data and drops a whole database', async () => {
  const other = database().client.db(`${db().databaseName}_other`);
  await other.collection('c').insertOne({ a: 1 });
  const { databases } = await database().client.db('admin').admin().listDatabases();
  expect(databases.map((d) => d.name)).toContain(other.databaseName);
  expect(await other.dropDatabase()).toBe(true);
  const after = await database().client.db('admin').admin().listDatabases({ nameOnly: true });
  expect(after.databases.map((d) => d.name)).not.toContain(other.databaseName);
});

it('answers server commands the tools send', async () => {
  const admin = database().client.db('admin');
  expect(await admin.command({ ping: 1 })).toMatchObject({ ok: 1 });
  const hello = await admin.command({ hello: 1 });
  expect(hello).toMatchObject({ isWritablePrimary: true, ok: 1 });
  expect(hello.maxWireVersion).toBeGreaterThanOrEqual(9);
  expect(await admin.command({ buildInfo: 1 })).toHaveProperty('version');
  expect(await admin.command({ serverStatus: 1 })).toMatchObject({ ok: 1 });
});

it('refuses an invalid collection name (code 73)', async () => {
  await expect(db().collection('bad$name').insertOne({ a: 1 })).rejects.toMatchObject({ code: 73 });
});
