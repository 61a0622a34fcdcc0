/**
 * The request loaders over a real collection: concurrent requests share commands but never
 * cached data, and one-to-many lookups hand each request exactly the documents of its keys.
 */
import type { CommandStartedEvent, Document } from 'mongodb';

type Row = Document & { _id: string };
import { COLLECTIONS, createRequestLoaders } from '../../src/store';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('request loaders', () => {
  let t: TestDatabase;
  const finds: Document[] = [];

  beforeAll(async () => {
    t = await openTestDatabase({ monitorCommands: true });
    await t.db.collection<Row>(COLLECTIONS.people).insertMany([
      { _id: 'p1', slug: 'ann-one', name: 'Ann One' },
      { _id: 'p2', slug: 'bea-two', name: 'Bea Two' },
      { _id: 'p3', slug: 'cy-three', name: 'Cy Three' },
    ]);
    await t.db.collection<Row>(COLLECTIONS.meetings).insertMany([
      { _id: 'm1', personIds: ['p1', 'p2'] },
      { _id: 'm2', personIds: ['p2', 'p3'] },
      { _id: 'm3', personIds: ['p3'] },
    ]);
    t.client.on('commandStarted', (event: CommandStartedEvent) => {
      if (event.commandName === 'find') finds.push(event.command);
    });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    finds.length = 0;
  });

  it('sends the lookups concurrent requests make in the same turn as one command, answering each with its own keys', async () => {
    const first = createRequestLoaders(t.db);
    const second = createRequestLoaders(t.db);

    const [ann, bea, nobody] = await Promise.all([
      first.personById.load('p1'),
      second.personById.load('p2'),
      second.personById.load('no-such-person'),
    ]);

    expect(ann?.name).toBe('Ann One');
    expect(bea?.name).toBe('Bea Two');
    expect(nobody).toBeNull();
    expect(finds).toHaveLength(1);
    expect(finds[0].filter._id.$in).toEqual(expect.arrayContaining(['p1', 'p2', 'no-such-person']));
  });

  it('groups one-to-many lookups per key across requests', async () => {
    const first = createRequestLoaders(t.db);
    const second = createRequestLoaders(t.db);

    const [ofAnn, ofCy] = await Promise.all([first.meetingsByPerson.load('p1'), second.meetingsByPerson.load('p3')]);

    expect(ofAnn.map((m) => m._id)).toEqual(['m1']);
    expect(ofCy.map((m) => m._id).sort()).toEqual(['m2', 'm3']);
    expect(finds).toHaveLength(1);
  });

  it('keeps what a request has read for that request only: a later request sees a change made since', async () => {
    const before = createRequestLoaders(t.db);
    expect((await before.personBySlug.load('cy-three'))?.name).toBe('Cy Three');

    await t.db.collection<Row>(COLLECTIONS.people).updateOne({ _id: 'p3' }, { $set: { name: 'Cy Renamed' } });
    const after = createRequestLoaders(t.db);

    expect((await before.personBySlug.load('cy-three'))?.name).toBe('Cy Three');
    expect((await after.personBySlug.load('cy-three'))?.name).toBe('Cy Renamed');
    // The first request read the slug once; the second read it afresh.
    expect(finds).toHaveLength(2);
  });
});
