/**
 * People as the read side loads them: without the evidence sentences that grow with every
 * mention (nor organizations'), which are read on their own for the people that need them.
 */
import {
  COLLECTIONS,
  ensureIndexes,
  findOrganizationsByIds,
  findPeopleByIds,
  findPeoplePage,
  findPersonEvidence,
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

  it('leave evidence out of pages, lookups and search, and read it on its own', async () => {
    const page = await findPeoplePage(t.db, {}, { field: 'name', direction: 1 }, { first: 3 });
    const ids = page.edges.map((edge) => edge.node._id);
    const found = await findPeopleByIds(t.db, ids);
    const searched = await searchEverything(t.db, hostName(0));
    const organizationIds = (await t.db.collection(COLLECTIONS.organizations).find().toArray()).map((o) =>
      String(o._id),
    );
    const organizations = await findOrganizationsByIds(t.db, organizationIds);

    for (const doc of [...page.edges.map((e) => e.node), ...found, ...searched.map((m) => m.doc), ...organizations]) {
      expect(doc).not.toHaveProperty('evidence');
    }
    expect(searched.length).toBeGreaterThan(0);
    expect(organizations.length).toBeGreaterThan(0);

    const evidence = await findPersonEvidence(t.db, ids);
    const stored = await t.db
      .collection(COLLECTIONS.people)
      .find({ _id: { $in: ids as never[] } })
      .toArray();
    expect(new Map(evidence.map((e) => [e._id, e.evidence]))).toEqual(
      new Map(stored.map((p) => [String(p._id), p.evidence])),
    );
    expect(evidence.every((e) => e.evidence.length > 0)).toBe(true);
  });
});
