/**
 * Identical reads of concurrent requests: sent once while they wait together, never joined to a
 * read already sent (so a client reads its own writes), and failing together.
 */
import type { CommandStartedEvent, Document } from 'mongodb';
import { COLLECTIONS, ensureIndexes, findPage, searchEverything, type SortSpec } from '../../src/store';
import { useTestDatabase } from '../helpers/test-database';

type Row = Document & { _id: string; day: string };

describe('identical reads of concurrent requests', () => {
  const database = useTestDatabase({ monitorCommands: true });
  const commands: string[] = [];
  const sort: SortSpec = { field: 'day', direction: 1 };
  const rows = () => database().db.collection<Row>('rows');
  const ids = (page: { edges: Array<{ node: Row }> }) => page.edges.map((edge) => edge.node._id);

  beforeAll(async () => {
    const { db, client } = database();
    await ensureIndexes(db);
    await rows().insertMany([
      { _id: 'r1', day: '2021-01-01' },
      { _id: 'r2', day: '2021-01-02' },
      { _id: 'r3', day: '2021-02-01' },
    ]);
    await db.collection<Document>(COLLECTIONS.people).insertOne({
      _id: 'p1' as never,
      name: 'Ines Ortega',
      slug: 'ines-ortega',
      mentionCount: 1,
      searchKeys: ['ines ortega', 'ortega'],
    });
    client.on('commandStarted', (event: CommandStartedEvent) => commands.push(event.commandName));
  });
  beforeEach(() => {
    commands.length = 0;
  });

  it('sends a page query once for every request asking it in the same turn, and answers each', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map(() => findPage(rows(), { day: { $gte: '2021-01-02' } }, sort, { first: 10 })),
    );

    for (const page of pages) expect(ids(page)).toEqual(['r2', 'r3']);
    expect(commands).toEqual(['find']);
  });

  it('sends different queries separately', async () => {
    const [january, february] = await Promise.all([
      findPage(rows(), { day: { $lt: '2021-02-01' } }, sort, { first: 10 }),
      findPage(rows(), { day: { $gte: '2021-02-01' } }, sort, { first: 10 }),
    ]);

    expect(ids(january)).toEqual(['r1', 'r2']);
    expect(ids(february)).toEqual(['r3']);
    expect(commands).toEqual(['find', 'find']);
  });

  it('shares searches the same way', async () => {
    const [one, two] = await Promise.all([
      searchEverything(database().db, 'orte'),
      searchEverything(database().db, 'orte'),
    ]);

    expect(one.map((m) => m.doc._id)).toEqual(['p1']);
    expect(two).toEqual(one);
    expect(commands).toEqual(['aggregate']);
  });

  it('never joins a read already sent: a request made after a write sees it', async () => {
    const earlier = findPage(rows(), {}, sort, { first: 10 });
    // Once the event loop has gone round, the earlier read has been sent.
    await new Promise((resolve) => setImmediate(resolve));
    await rows().insertOne({ _id: 'r0', day: '2020-12-31' });
    const later = findPage(rows(), {}, sort, { first: 10 });

    expect(ids(await later)).toEqual(['r0', 'r1', 'r2', 'r3']);
    await earlier;
    expect(commands.filter((name) => name === 'find')).toHaveLength(2);
    await rows().deleteOne({ _id: 'r0' });
  });

  it('fails every request waiting on a read that fails', async () => {
    const bad = { day: { $bogus: 1 } } as Document;
    const results = await Promise.allSettled([
      findPage(rows(), bad, sort, { first: 5 }),
      findPage(rows(), bad, sort, { first: 5 }),
    ]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(commands).toEqual(['find']);
  });
});
