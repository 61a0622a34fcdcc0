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
import { useTestDatabase } from '../helpers/test-database';

describe('person reads', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  beforeAll(async () => {
    await ensureIndexes(db());
    await loadMeetingGraph(db(), 5);
  });

  it('leave the loaders’ bookkeeping out of pages, lookups and search', async () => {
    const page = await findPeoplePage(db(), {}, { field: 'name', direction: 1 }, { first: 3 });
    const ids = page.edges.map((edge) => edge.node._id);
    const found = await findPeopleByIds(db(), ids);
    const searched = await searchEverything(db(), hostName(0));
    const organizationIds = (await db().collection(COLLECTIONS.organizations).find().toArray()).map((o) =>
      String(o._id),
    );
    const organizations = await findOrganizationsByIds(db(), organizationIds);

    for (const doc of [...page.edges.map((e) => e.node), ...found, ...searched.map((m) => m.doc), ...organizations]) {
      for (const field of ['forms', 'identityKeys', 'searchKeys', 'seq']) expect(doc).not.toHaveProperty(field);
    }
    expect(searched.length).toBeGreaterThan(0);
    expect(organizations.length).toBeGreaterThan(0);
    expect(found.every((p) => p.articleCount > 0 && p.evidenceCount > 0)).toBe(true);
  });

  it('never return an emptied entity: lookups, pages and search pass over its tombstone', async () => {
    const host = hostName(4);
    const [before] = (await findPeoplePage(db(), { name: host }, { field: 'name', direction: 1 }, { first: 5 })).edges;
    expect(before.node.name).toBe(host);
    await removeArticle(db(), 'fixture-004.txt');
    expect(
      await db()
        .collection(COLLECTIONS.people)
        .countDocuments({ _id: before.node._id as never }),
    ).toBe(1);
    expect(await findPeopleByIds(db(), [before.node._id])).toEqual([]);
    expect((await findPeoplePage(db(), { name: host }, { field: 'name', direction: 1 }, { first: 5 })).edges).toEqual(
      [],
    );
    expect((await searchEverything(db(), host)).filter((m) => m.kind === 'person')).toEqual([]);
  });
});
