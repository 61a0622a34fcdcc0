/**
 * Every operation in schema/examples, run over HTTP against the store seeded from seeds/, checked
 * against what the seed article says: Masrour Barzani (Kurdistan Region Prime Minister) received
 * Iraq's Minister of Interior Othman al-Ghanmi in Erbil on 2020-07-29, and Ghanmi also met Masoud
 * Barzani (leader of the KDP) and Nechirvan Barzani (Kurdistan Region President). One more
 * article, loaded as an extraction record, states a party membership (the extractor does not
 * find memberships in the seed article).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seedDirectory } from '../../src/ingest';
import { loadExtraction } from '../../src/store';
import { article, person } from '../helpers/article-record.fixture';
import { startTestApi, TEST_API_KEY, type TestApi } from '../helpers/api-test-server';
import { useTestDatabase } from '../helpers/test-database';

const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'schema', 'examples');
const SEEDS_DIR = path.join(__dirname, '..', '..', 'seeds');
const BARZANIS = ['Masoud Barzani', 'Masrour Barzani', 'Nechirvan Barzani'];
const GHANMI = 'Othman al-Ghanmi';

const example = (name: string) => readFileSync(path.join(EXAMPLES_DIR, `${name}.graphql`), 'utf8');
const namesOf = (participants: any[]) => participants.map((p) => p.participant?.name);

describe('schema/examples against the seeded store', () => {
  let api: TestApi;

  // Declared before the database's hooks, so that the API stops before the database closes.
  afterAll(() => api.stop());
  const database = useTestDatabase();
  beforeAll(async () => {
    await seedDirectory(database().db, { dir: SEEDS_DIR });
    const sentence = 'Labour MP Jane Smith met Masrour Barzani in London.';
    const labour = article('examples-labour.txt', [sentence], (say) => ({
      publishedOn: '2020-09-01',
      people: [person('Jane Smith', say(sentence)), person('Masrour Barzani', say(sentence))],
      affiliations: [{ member: 'Jane Smith', organization: 'Labour Party', evidence: say(sentence) }],
    }));
    await loadExtraction(database().db, labour.record, { text: labour.text });
    api = await startTestApi(database().db, { apiKey: TEST_API_KEY });
  });

  async function run(
    name: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<any> {
    const response = await api.post(example(name), variables, headers);
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    return response.data;
  }

  const CASES: Record<string, () => Promise<void>> = {
    'person-with-meetings': async () => {
      const { person } = await run('person-with-meetings', { slug: 'masrour-barzani' });
      expect(person.name).toBe('Masrour Barzani');
      const withGhanmi = person.meetings.nodes.filter((m: any) => namesOf(m.participants).includes(GHANMI));
      expect(withGhanmi).toContainEqual(
        expect.objectContaining({ date: { value: '2020-07-29', precision: 'DAY' }, location: 'Erbil' }),
      );
      expect(person.offices.map((o: any) => o.office.title)).toContain('Prime Minister');
      expect(person.offices.every((o: any) => o.support.articleCount >= 1)).toBe(true);
      expect(person.support.articleCount).toBe(2);
      const meetingEvidence = person.meetings.nodes.flatMap((m: any) => m.evidence.nodes);
      expect(meetingEvidence.length).toBeGreaterThan(0);
      const { person: wellSupported } = await run('person-with-meetings', { slug: 'masrour-barzani', minArticles: 2 });
      expect(wellSupported.offices).toEqual([]);
    },

    'people-by-name': async () => {
      const { people } = await run('people-by-name', { name: 'barzani' });
      const barzanis = people.nodes.filter((p: any) => BARZANIS.includes(p.name));
      expect(barzanis.map((p: any) => p.name).sort()).toEqual(BARZANIS);
      expect(new Set(barzanis.map((p: any) => p.id)).size).toBe(3);
      const officesOf = (p: any) =>
        p.offices
          .map((o: any) => `${o.office.title}|${o.office.jurisdiction}`)
          .sort()
          .join(';');
      for (const barzani of barzanis) expect(barzani.offices.length).toBeGreaterThan(0);
      expect(new Set(barzanis.map(officesOf)).size).toBe(3);
    },

    'who-met-whom': async () => {
      const { person } = await run('who-met-whom', { slug: 'othman-al-ghanmi' });
      const met = person.metWith.edges.map((e: any) => e.node.name);
      expect(met).toEqual(expect.arrayContaining(BARZANIS));
      for (const edge of person.metWith.edges.filter((e: any) => BARZANIS.includes(e.node.name))) {
        expect(edge.sharedMeetings.nodes.map((m: any) => m.date?.value)).toContain('2020-07-29');
      }
    },

    'meetings-in-date-range': async () => {
      const { meetings } = await run('meetings-in-date-range', { from: '2020-07-29', to: '2020-07-29' });
      expect(meetings.totalCount).toBeGreaterThan(0);
      for (const meeting of meetings.nodes) expect(meeting.date.value).toBe('2020-07-29');
      expect(meetings.nodes).toContainEqual(expect.objectContaining({ location: 'Erbil' }));
      const inErbil = meetings.nodes
        .filter((m: any) => m.location === 'Erbil')
        .flatMap((m: any) => namesOf(m.participants));
      expect(inErbil).toEqual(expect.arrayContaining([GHANMI, 'Masrour Barzani']));
      const before = await run('meetings-in-date-range', { from: '2019-01-01', to: '2019-12-31' });
      expect(before.meetings.totalCount).toBe(0);
    },

    search: async () => {
      const { search } = await run('search', { text: 'ghanmi' });
      expect(search.nodes).toContainEqual(expect.objectContaining({ __typename: 'Person', name: GHANMI }));
    },

    'office-holders': async () => {
      const { offices } = await run('office-holders', { text: 'interior' });
      const iraqi = offices.nodes.find((o: any) => o.jurisdiction === 'Iraq' && /interior/i.test(o.title));
      expect(iraqi.currentHolder.person.name).toBe(GHANMI);
      expect(iraqi.holders.nodes[0].support).toEqual({ articleCount: 1, firstSeen: { value: '2020-07-29' } });
    },

    'article-facts': async () => {
      const { articles } = await run('article-facts');
      expect(articles.totalCount).toBe(2);
      const article = articles.nodes.find((a: any) => a.source === '000_b616cf4ecb68c9fa.txt');
      expect(article.people.nodes.map((p: any) => p.name)).toEqual(expect.arrayContaining([...BARZANIS, GHANMI]));
      expect(article.meetings.nodes).toContainEqual({ date: { value: '2020-07-29' }, location: 'Erbil' });
    },

    'party-members': async () => {
      const { organizations } = await run('party-members', { name: 'labour' });
      expect(organizations.nodes).toHaveLength(1);
      expect(organizations.nodes[0].members).toEqual({
        totalCount: 1,
        nodes: [
          {
            person: { name: 'Jane Smith', slug: 'jane-smith' },
            support: { articleCount: 1, firstSeen: { value: '2020-09-01' }, lastSeen: { value: '2020-09-01' } },
          },
        ],
      });
      const { organizations: kdp } = await run('party-members', { name: 'kurdistan democratic' });
      expect(kdp.nodes[0].offices).toContainEqual({
        title: expect.stringMatching(/leader/i),
        currentHolder: { person: { name: 'Masoud Barzani' } },
      });
    },

    'node-by-id': async () => {
      const { person } = await run('person-with-meetings', { slug: 'masrour-barzani', first: 1 });
      const { node } = await run('node-by-id', { id: person.id });
      expect(node).toEqual({ __typename: 'Person', id: person.id, name: 'Masrour Barzani' });
      expect((await run('node-by-id', { id: 'UGVyc29uOm5vYm9keQ' })).node).toBeNull();
    },

    'ingest-article': async () => {
      const input = {
        source: 'examples-test-ingest.txt',
        text: 'Kurdistan Region Prime Minister Masrour Barzani received Iraqi Minister of Interior Othman al-Ghanmi in Erbil on July 29, 2020.',
        publishedOn: '2020-07-30',
      };
      const { ingestArticle } = await run('ingest-article', { input }, { authorization: `Bearer ${TEST_API_KEY}` });
      expect(ingestArticle.status).toBe('ADDED');
      expect(ingestArticle.article.people.nodes.map((p: any) => p.name)).toEqual(
        expect.arrayContaining(['Masrour Barzani', GHANMI]),
      );
      const { person } = await run('person-with-meetings', { slug: 'masrour-barzani' });
      expect(
        new Set(person.meetings.nodes.flatMap((m: any) => m.evidence.nodes.map((e: any) => e.article.source))),
      ).toContain(input.source);
    },

    'remove-article': async () => {
      const auth = { authorization: `Bearer ${TEST_API_KEY}` };
      const source = 'examples-test-ingest.txt';
      expect((await run('remove-article', { source }, auth)).removeArticle).toEqual({ source, status: 'REMOVED' });
      const { person } = await run('person-with-meetings', { slug: 'masrour-barzani' });
      const sources = person.meetings.nodes.flatMap((m: any) => m.evidence.nodes.map((e: any) => e.article.source));
      expect(sources).not.toContain(source);
      expect((await run('remove-article', { source }, auth)).removeArticle.status).toBe('ABSENT');
      const anonymous = await api.post(example('remove-article'), { source: '000_b616cf4ecb68c9fa.txt' });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    },
  };

  it('has a test case for every example operation', () => {
    const files = readdirSync(EXAMPLES_DIR)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => f.replace(/\.graphql$/, ''));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
  });

  // ingest-article and remove-article change the store, so they run last, in that order.
  for (const [name, check] of Object.entries(CASES)) it(`${name}.graphql`, check);
});
