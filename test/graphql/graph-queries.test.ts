/**
 * Queries, relations and paging over HTTP, on a graph of known shape (the meeting-graph fixture):
 * host i holds `Governor` of a province and meets visitor i (in March) and visitor i+1 (in April)
 * with a trade council attending.
 */
import { ensureIndexes } from '../../src/store';
import { startTestApi, type TestApi } from '../helpers/api-test-server';
import { hostName, loadMeetingGraph, visitorName } from '../helpers/meeting-graph.fixture';
import { useTestDatabase } from '../helpers/test-database';

const HOSTS = 30;

describe('graph queries over HTTP', () => {
  let api: TestApi;

  // Declared before the database's hooks, so that the API stops before the database closes.
  afterAll(() => api.stop());
  const database = useTestDatabase();
  beforeAll(async () => {
    await ensureIndexes(database().db);
    await loadMeetingGraph(database().db, HOSTS);
    api = await startTestApi(database().db);
  });

  async function data(query: string, variables?: Record<string, unknown>): Promise<any> {
    const response = await api.post(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data;
  }

  async function errorCode(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ code: string; message: string }> {
    const response = await api.post(query, variables);
    expect(response.errors).toHaveLength(1);
    return { code: response.errors![0].extensions?.code, message: response.errors![0].message };
  }

  describe('connections', () => {
    const PEOPLE_PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
      people(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges { cursor node { name } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;

    it('pages forward through every person once, in name order, with totalCount', async () => {
      const names: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let pages = 0; pages < 10; pages++) {
        const { people } = await data(PEOPLE_PAGE, { first: 7, after });
        total = people.totalCount;
        names.push(...people.edges.map((e: any) => e.node.name));
        expect(people.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!people.pageInfo.hasNextPage) break;
        after = people.pageInfo.endCursor;
      }
      expect(total).toBe(HOSTS * 2);
      expect(names).toHaveLength(total);
      expect(new Set(names).size).toBe(total);
      expect(names).toEqual([...names].sort());
    });

    it('pages backward with last and before', async () => {
      const { people: all } = await data(PEOPLE_PAGE, { first: 100 });
      const tail = await data(PEOPLE_PAGE, { last: 5 });
      expect(tail.people.edges.map((e: any) => e.node.name)).toEqual(all.edges.slice(-5).map((e: any) => e.node.name));
      expect(tail.people.pageInfo.hasPreviousPage).toBe(true);
      const before = await data(PEOPLE_PAGE, { last: 3, before: tail.people.pageInfo.startCursor });
      expect(before.people.edges.map((e: any) => e.node.name)).toEqual(
        all.edges.slice(-8, -5).map((e: any) => e.node.name),
      );
      expect(before.people.pageInfo.hasNextPage).toBe(true);
    });

    it('refuses pages over 100 and cursors that are not ours with BAD_USER_INPUT', async () => {
      expect(await errorCode(PEOPLE_PAGE, { first: 101 })).toEqual({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('100'),
      });
      expect((await errorCode(PEOPLE_PAGE, { first: 5, after: 'bm9wZQ' })).code).toBe('BAD_USER_INPUT');
      expect((await errorCode(PEOPLE_PAGE, { first: 5, last: 5 })).code).toBe('BAD_USER_INPUT');
    });

    it('orders by orderBy and pages nested lists the same way', async () => {
      const { people } = await data(
        `{ people(first: 3, orderBy: { field: NAME, direction: DESC }) { nodes { name } } }`,
      );
      const everyone = Array.from({ length: HOSTS }, (_, i) => [hostName(i), visitorName(i)]).flat();
      expect(people.nodes.map((p: any) => p.name)).toEqual(everyone.sort().reverse().slice(0, 3));
      const { person } = await data(
        `query($slug: String!) { person(slug: $slug) {
        first: meetings(first: 1) { nodes { date { value } } pageInfo { hasNextPage endCursor } totalCount }
        oldest: meetings(first: 1, direction: ASC) { nodes { date { value } } }
      } }`,
        { slug: 'aaron-baker' },
      );
      expect(person.first.totalCount).toBe(2);
      expect(person.first.nodes[0].date.value).toBe('2021-04-01');
      expect(person.first.pageInfo.hasNextPage).toBe(true);
      expect(person.oldest.nodes[0].date.value).toBe('2021-03-01');
    });
  });

  describe('people, offices and meetings', () => {
    it('finds a person by slug with offices, meetings, participants and roles', async () => {
      const { person } = await data(`{ person(slug: "aaron-baker") {
        name
        offices { office { title jurisdiction } asOf { value precision }
          support { articleCount firstSeen { value } articles { nodes { source } } evidence { nodes { text } } } }
        organizations { name }
        meetings(first: 10) { nodes { date { value precision } location
          participants { role participant { __typename ... on Person { name } ... on Organization { name } } } } }
      } }`);
      expect(person.name).toBe(hostName(0));
      expect(person.offices).toEqual([
        {
          office: { title: 'Governor', jurisdiction: 'Baker Province' },
          asOf: { value: '2021-03-01', precision: 'DAY' },
          support: {
            articleCount: 1,
            firstSeen: { value: '2021-03-01' },
            articles: { nodes: [{ source: 'fixture-000.txt' }] },
            evidence: { nodes: [{ text: expect.stringContaining('Governor of Baker Province') }] },
          },
        },
      ]);
      expect(person.meetings.nodes).toHaveLength(2);
      const march = person.meetings.nodes.find((m: any) => m.date.value === '2021-03-01');
      expect(march.location).toBe('Springfield');
      expect(march.participants).toEqual(
        expect.arrayContaining([
          { role: 'HOST', participant: { __typename: 'Person', name: hostName(0) } },
          { role: 'VISITOR', participant: { __typename: 'Person', name: visitorName(0) } },
          { role: 'ATTENDEE', participant: { __typename: 'Organization', name: 'Baker Trade Council' } },
        ]),
      );
    });

    it('pages a person’s and an organization’s meetings the same however they were reached', async () => {
      const PAGES = `meetings(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { id date { value } } }
        second: meetings(first: 1, after: $after) { nodes { id } }`;
      const bySlug = await data(
        `query($after: String) { person(slug: "wayne-baker") { id ${PAGES} }
          organization(slug: "baker-trade-council") { id ${PAGES} } }`,
        { after: null },
      );
      const { person, organization } = bySlug;
      expect(person.meetings.totalCount).toBe(2);
      expect(person.meetings.pageInfo.hasNextPage).toBe(true);
      const after = person.meetings.pageInfo.endCursor;
      const again = await data(`query($after: String) { person(slug: "wayne-baker") { ${PAGES} } }`, { after });
      // By id, as a meeting's participant: read without the list of latest meetings the slug read has.
      const byId = await data(
        `query($id: ID!, $org: ID!, $after: String) { node(id: $id) { ... on Person { ${PAGES} } }
          organization: node(id: $org) { ... on Organization { ${PAGES} } }
          person(slug: "wayne-baker") { meetings(first: 1) { nodes { participants { participant {
            ... on Person { slug ${PAGES} } ... on Organization { name ${PAGES} } } } } } } }`,
        { id: person.id, org: organization.id, after },
      );
      const pages = ({ meetings, second }: any) => ({ meetings, second });
      expect(pages(byId.node)).toEqual(pages(again.person));
      expect(pages(byId.organization).meetings).toEqual(organization.meetings);
      const participants = byId.person.meetings.nodes[0].participants.map((p: any) => p.participant);
      expect(pages(participants.find((p: any) => p.slug === 'wayne-baker'))).toEqual(pages(again.person));
      expect(participants.find((p: any) => p.name === 'Baker Trade Council').meetings).toEqual(organization.meetings);
    });

    it('traces people and meetings back to their articles and sentences', async () => {
      const { person } = await data(`{ person(slug: "wayne-baker") {
        articles(first: 10) { totalCount nodes { source } }
        evidence(first: 10) { totalCount nodes { text start end article { source } } }
        meetings(first: 10) { nodes { articles { nodes { source } } evidence { nodes { article { source } } } } }
      } }`);
      // Visitor 1 is named by the articles of host 1 and of host 0.
      expect(person.articles.nodes.map((a: any) => a.source).sort()).toEqual(['fixture-000.txt', 'fixture-001.txt']);
      expect(person.evidence.totalCount).toBe(2);
      for (const evidence of person.evidence.nodes) {
        expect(evidence.text).toContain('Wayne Baker');
        expect(evidence.end - evidence.start).toBe(evidence.text.length);
      }
      for (const meeting of person.meetings.nodes) {
        expect(meeting.articles.nodes).toHaveLength(1);
        expect(meeting.evidence.nodes.map((e: any) => e.article.source)).toEqual(
          meeting.articles.nodes.map((a: any) => a.source),
        );
      }
    });

    it('answers who met whom, with the shared meetings', async () => {
      const { person } = await data(`{ person(slug: "${visitorName(1).toLowerCase().replace(' ', '-')}") {
        metWith(first: 10) { totalCount edges { sharedMeetingCount node { name } sharedMeetings { nodes { date { value } } } } }
      } }`);
      // Visitor 1 met host 1 in March and host 0 in April.
      expect(person.metWith.totalCount).toBe(2);
      const met = Object.fromEntries(
        person.metWith.edges.map((e: any) => [e.node.name, e.sharedMeetings.nodes.map((m: any) => m.date.value)]),
      );
      expect(met).toEqual({ [hostName(1)]: ['2021-03-02'], [hostName(0)]: ['2021-04-01'] });
    });

    it('filters meetings by participants, date range and location', async () => {
      const MEETINGS = `query($filter: MeetingFilter) { meetings(filter: $filter, first: 100) { totalCount nodes { date { value } } } }`;
      const { person } = await data(`{ person(slug: "aaron-baker") { id } }`);
      const withHost = await data(MEETINGS, { filter: { participantIds: [person.id] } });
      expect(withHost.meetings.totalCount).toBe(2);
      const april = await data(MEETINGS, { filter: { from: '2021-04-01', to: '2021-04-30', location: 'Springfield' } });
      expect(april.meetings.totalCount).toBe(HOSTS);
      expect(april.meetings.nodes.every((m: any) => m.date.value.startsWith('2021-04'))).toBe(true);
      const nowhere = await data(MEETINGS, { filter: { location: 'Atlantis' } });
      expect(nowhere.meetings.totalCount).toBe(0);
      expect((await errorCode(MEETINGS, { filter: { from: '2021-05-01', to: '2021-04-01' } })).code).toBe(
        'BAD_USER_INPUT',
      );
      expect((await errorCode(MEETINGS, { filter: { participantIds: ['not-an-id'] } })).code).toBe('BAD_USER_INPUT');
    });

    it('lists an office with all holders and the current one, and organization members', async () => {
      const { offices } = await data(`{ offices(filter: { jurisdiction: "Baker Province" }) { nodes {
        title holders(first: 10) { totalCount nodes { person { name } asOf { value } } } currentHolder { person { name } asOf { value } }
      } } }`);
      expect(offices.nodes).toHaveLength(1);
      const [governor] = offices.nodes;
      // Hosts 0, 10 and 20 govern Baker Province; host 20 is shown latest (2021-03-21).
      expect(governor.holders.totalCount).toBe(3);
      expect(governor.currentHolder).toEqual({ person: { name: hostName(20) }, asOf: { value: '2021-03-21' } });
      const { organizations } = await data(`{ organizations(filter: { name: "baker" }) { nodes {
        name meetings(first: 100) { totalCount } offices { title }
        members(first: 10) { totalCount nodes { person { name organizations { name } affiliations { organization { name } } } support { articleCount } } }
      } } }`);
      expect(organizations.nodes).toHaveLength(1);
      const [council] = organizations.nodes;
      expect(council.name).toBe('Baker Trade Council');
      expect(council.meetings.totalCount).toBe(6);
      // Visitors 0, 10 and 20 are members (and envoys) of the Baker Trade Council, as well supported, latest first.
      expect(council.members.totalCount).toBe(3);
      expect(council.members.nodes.map((m: any) => m.person.name)).toEqual([
        visitorName(20),
        visitorName(10),
        visitorName(0),
      ]);
      expect(council.members.nodes[0]).toMatchObject({
        person: {
          organizations: [{ name: 'Baker Trade Council' }],
          affiliations: [{ organization: { name: 'Baker Trade Council' } }],
        },
        support: { articleCount: 1 },
      });
      expect(council.offices).toEqual([{ title: 'Envoy' }]);
    });
  });

  describe('ids and search', () => {
    it('refetches any object by its global id, and answers null for unknown ids', async () => {
      const { person } = await data(`{ person(slug: "aaron-baker") { id meetings(first: 1) { nodes { id } } } }`);
      const meetingId = person.meetings.nodes[0].id;
      const { nodes } = await data(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
        ids: [person.id, meetingId, 'UGVyc29uOm5vYm9keQ', 'garbage'],
      });
      expect(nodes).toEqual([
        { __typename: 'Person', id: person.id },
        { __typename: 'Meeting', id: meetingId },
        null,
        null,
      ]);
      const unknown = await data(
        `{ person(id: "UGVyc29uOm5vYm9keQ") { name } meeting(id: "x") { id } office(id: "y") { id } }`,
      );
      expect(unknown).toEqual({ person: null, meeting: null, office: null });
    });

    it('searches names, aliases and titles by word prefix, ignoring case and accents', async () => {
      const SEARCH = `query($text: String!) { search(text: $text, first: 100) { totalCount nodes { __typename ... on Person { name } ... on Organization { name } ... on Office { title jurisdiction } } } }`;
      const { search } = await data(SEARCH, { text: 'ZÁNE' });
      expect(search.nodes).toEqual(expect.arrayContaining([{ __typename: 'Person', name: visitorName(8) }]));
      expect(search.nodes.every((n: any) => n.__typename === 'Person' && n.name.startsWith('Zane'))).toBe(true);
      const { search: province } = await data(SEARCH, { text: 'baker prov' });
      expect(province.nodes).toEqual([{ __typename: 'Office', title: 'Governor', jurisdiction: 'Baker Province' }]);
      expect((await errorCode(SEARCH, { text: 'a' })).code).toBe('BAD_USER_INPUT');
    });
  });
});
