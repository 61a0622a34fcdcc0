/**
 * People and organizations as the read side loads them: without the loaders' bookkeeping (the
 * counted forms, identity keys, sequence numbers), and tombstones never.
 */
import {
  COLLECTIONS,
  ensureIndexes,
  findOrganizationsByIds,
  findPeopleByIds,
  findPeoplePage,
  removeArticle,
  searchEverything,
} from '../../src/store';
import { hostName, loadMeetingGraph } from '../helpers/meeting-graph.fixture';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('person reads', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await ensureIndexes(t.db);
    await loadMeetingGraph(t.db, 5);
  });
  afterAll(() => t.close());

  it('leave the loaders’ bookkeeping out of pages, lookups and search', async () => {
    const page = await findPeoplePage(t.db, {}, { field: 'name', direction: 1 }, { first: 3 });
    const ids = page.edges.map((edge) => edge.node._id);
    const found = await findPeopleByIds(t.db, ids);
    const searched = await searchEverything(t.db, hostName(0));
    const organizationIds = (await t.db.collection(COLLECTIONS.organizations).find().toArray()).map((o) =>
      String(o._id),
    );
    const organizations = await findOrganizationsByIds(t.db, organizationIds);

    for (const doc of [...page.edges.map((e) => e.node), ...found, ...searched.map((m) => m.doc), ...organizations]) {
      for (const field of ['forms', 'identityKeys', 'searchKeys', 'seq']) expect(doc).not.toHaveProperty(field);
    }
    expect(searched.length).toBeGreaterThan(0);
    expect(organizations.length).toBeGreaterThan(0);
    expect(found.every((p) => p.articleCount > 0 && p.evidenceCount > 0)).toBe(true);
  });

  it('never return an emptied entity: lookups, pages and search pass over its tombstone', async () => {
    const host = hostName(4);
    const [before] = (await findPeoplePage(t.db, { name: host }, { field: 'name', direction: 1 }, { first: 5 })).edges;
    expect(before.node.name).toBe(host);
    await removeArticle(t.db, 'fixture-004.txt');
    expect(await t.db.collection(COLLECTIONS.people).countDocuments({ _id: before.node._id as never })).toBe(1);
    expect(await findPeopleByIds(t.db, [before.node._id])).toEqual([]);
    expect((await findPeoplePage(t.db, { name: host }, { field: 'name', direction: 1 }, { first: 5 })).edges).toEqual(
      [],
    );
    expect((await searchEverything(t.db, host)).filter((m) => m.kind === 'person')).toEqual([]);
  });
});
