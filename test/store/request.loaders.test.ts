/**
 * The request loaders over a real collection: concurrent requests share commands but never
 * cached data, one-to-many lookups hand each request exactly the documents of its keys, and
 * pages of many parents' lists are read in one command.
 */
import type { CommandStartedEvent, Document } from 'mongodb';
import { COLLECTIONS, createRequestLoaders, keyedPage } from '../../src/store';
import { useTestDatabase } from '../helpers/test-database';

type Row = Document & { _id: string };

describe('request loaders', () => {
  const database = useTestDatabase({ monitorCommands: true });
  const commands: Document[] = [];

  beforeAll(async () => {
    const { db, client } = database();
    await db.collection<Row>(COLLECTIONS.people).insertMany([
      { _id: 'p1', slug: 'ann-one', name: 'Ann One', articleCount: 1 },
      { _id: 'p2', slug: 'bea-two', name: 'Bea Two', articleCount: 1 },
      { _id: 'p3', slug: 'cy-three', name: 'Cy Three', articleCount: 1 },
      { _id: 'p4', slug: '~p4', name: '', articleCount: 0 },
    ]);
    const meetings: Row[] = [];
    for (let i = 0; i < 30; i++) {
      const personIds = i % 3 === 0 ? ['p1', 'p2'] : ['p2'];
      meetings.push({
        _id: `m${String(i).padStart(2, '0')}`,
        personIds,
        date: `2021-01-${String(i + 1).padStart(2, '0')}`,
        articleCount: 1,
      });
    }
    meetings.push({ _id: 'm-gone', personIds: ['p1'], date: '2021-02-01', articleCount: 0 });
    await db.collection<Row>(COLLECTIONS.meetings).insertMany(meetings);
    client.on('commandStarted', (event: CommandStartedEvent) => {
      if (event.commandName === 'find' || event.commandName === 'aggregate') commands.push(event.command);
    });
  });
  beforeEach(() => {
    commands.length = 0;
  });

  it('sends the lookups concurrent requests make in the same turn as one command, answering each with its own keys', async () => {
    const first = createRequestLoaders(database().db);
    const second = createRequestLoaders(database().db);

    const [ann, bea, nobody, tombstone] = await Promise.all([
      first.personById.load('p1'),
      second.personById.load('p2'),
      second.personById.load('no-such-person'),
      first.personById.load('p4'),
    ]);

    expect(ann?.name).toBe('Ann One');
    expect(bea?.name).toBe('Bea Two');
    expect(nobody).toBeNull();
    expect(tombstone).toBeNull();
    expect(commands).toHaveLength(1);
    expect(commands[0].filter._id.$in).toEqual(expect.arrayContaining(['p1', 'p2', 'no-such-person']));
  });

  it('reads a page of each parent’s list for concurrent requests in one command, each page its own', async () => {
    const first = createRequestLoaders(database().db);
    const second = createRequestLoaders(database().db);
    const latestFirst = { field: 'date', direction: -1 as const };
    const count = async () => -1;

    const [ofAnn, ofBea] = await Promise.all([
      keyedPage(first.meetingsOfPerson, 'p1', latestFirst, { first: 3 }, count),
      keyedPage(second.meetingsOfPerson, 'p2', latestFirst, { first: 5 }, count),
    ]);

    expect(commands).toHaveLength(1);
    expect(ofAnn.edges.map((e) => e.node._id)).toEqual(['m27', 'm24', 'm21']);
    expect(ofBea.edges.map((e) => e.node._id)).toEqual(['m29', 'm28', 'm27', 'm26', 'm25']);
    expect([ofAnn.hasNextPage, ofBea.hasNextPage]).toEqual([true, true]);

    const next = await keyedPage(
      first.meetingsOfPerson,
      'p1',
      latestFirst,
      { first: 10, after: ofAnn.edges[2].cursor },
      count,
    );
    expect(next.edges.map((e) => e.node._id)).toEqual(['m18', 'm15', 'm12', 'm09', 'm06', 'm03', 'm00']);
    expect([next.hasNextPage, next.hasPreviousPage]).toEqual([false, true]);
  });

  it('reads the facts of parents known to fit their page whole, by one plain $in, in the order a range would give', async () => {
    const { db } = database();
    // Meeting reports: m-few has three (one undated, two on one day, so _id breaks the tie); m-many has seven.
    const report = (id: string, meetingId: string, date: string | null) => ({
      _id: id,
      meetingId,
      articleId: `a-${id}`,
      version: 'v1',
      date,
      evidence: [{ start: 0, end: 1, text: id }],
    });
    await db
      .collection<Row>(COLLECTIONS.meetingReports)
      .insertMany([
        report('r1', 'm-few', '2021-03-01'),
        report('r3', 'm-few', '2021-03-01'),
        report('r2', 'm-few', null),
        ...Array.from({ length: 7 }, (_, i) => report(`s${i}`, 'm-many', `2021-04-0${i + 1}`)),
      ]);
    const latestFirst = { field: 'date', direction: -1 as const };
    const count = async () => -1;
    const pages = (loaders: ReturnType<typeof createRequestLoaders>, atMost?: [number, number]) =>
      Promise.all([
        keyedPage(loaders.reportsOfMeeting, 'm-few', latestFirst, { first: 2 }, count, atMost?.[0]),
        keyedPage(loaders.reportsOfMeeting, 'm-many', latestFirst, { first: 2 }, count, atMost?.[1]),
        keyedPage(loaders.reportsOfMeeting, 'm-none', latestFirst, { first: 2 }, count, atMost && 0),
      ]);
    const ids = (found: Awaited<ReturnType<typeof pages>>) => found.map((page) => page.edges.map((e) => e.node._id));

    const ranged = await pages(createRequestLoaders(db));
    expect(commands.map((c) => c.aggregate ?? c.find)).toEqual([COLLECTIONS.meetingReports]);
    expect(commands[0].pipeline).toBeDefined();
    commands.length = 0;

    // m-few and m-none are known to hold no more than the page reads (2 + 1); m-many is not.
    const whole = await pages(createRequestLoaders(db), [3, 7]);
    expect(ids(whole)).toEqual(ids(ranged));
    expect(ids(whole)).toEqual([['r3', 'r1'], ['s6', 's5'], []]);
    expect(whole.map((page) => page.hasNextPage)).toEqual([true, true, false]);
    const [plain, union] = [commands.find((c) => c.find), commands.find((c) => c.aggregate)];
    expect(plain?.filter).toEqual({ meetingId: { $in: ['m-few', 'm-none'] } });
    expect(union?.pipeline).toHaveLength(5);

    // A page after a cursor is a range again, and goes on where the whole read left off.
    const next = await keyedPage(
      createRequestLoaders(db).reportsOfMeeting,
      'm-few',
      latestFirst,
      { first: 2, after: whole[0].edges[1].cursor },
      count,
      3,
    );
    expect(next.edges.map((e) => e.node._id)).toEqual(['r2']);
  });

  it('keeps what a request has read for that request only: a later request sees a change made since', async () => {
    const { db } = database();
    const before = createRequestLoaders(db);
    expect((await before.personBySlug.load('cy-three'))?.name).toBe('Cy Three');

    await db.collection<Row>(COLLECTIONS.people).updateOne({ _id: 'p3' }, { $set: { name: 'Cy Renamed' } });
    const after = createRequestLoaders(db);

    expect((await before.personBySlug.load('cy-three'))?.name).toBe('Cy Three');
    expect((await after.personBySlug.load('cy-three'))?.name).toBe('Cy Renamed');
    // The first request read the slug once; the second read it afresh.
    expect(commands).toHaveLength(2);
  });
});
