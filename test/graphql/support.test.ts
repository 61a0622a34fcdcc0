/**
 * Support over HTTP: a person's offices best supported first then latest, `minArticles`, and
 * the sentences and articles behind a fact paged with cursors, even within one article.
 */
import type { Evidence } from '../../src/extract';
import { ensureIndexes, loadExtractions } from '../../src/store';
import { startTestApi, type TestApi } from '../helpers/api-test-server';
import { article, office, person } from '../helpers/article-record.fixture';
import { useTestDatabase } from '../helpers/test-database';

/** An article of `date` showing Amina Odhiambo in `title` of Kenya, in `sentences` sentences. */
function holding(source: string, date: string, title: string, sentences = 1) {
  const lines = Array.from(
    { length: sentences },
    (_, i) => `${title} Amina Odhiambo of Kenya spoke (${source}, ${i}).`,
  );
  return article(source, lines, (say) => {
    const evidence: Evidence[] = lines.flatMap((line) => say(line));
    return {
      publishedOn: date,
      people: [person('Amina Odhiambo', evidence)],
      offices: [office('Amina Odhiambo', title, 'Kenya', evidence)],
      affiliations: [{ member: 'Amina Odhiambo', organization: 'Unity Party', evidence: say(lines[0]) }],
    };
  });
}

describe('support over HTTP', () => {
  let api: TestApi;
  // Declared before the database's hooks, so that the API stops before the database closes.
  afterAll(() => api.stop());
  const database = useTestDatabase();
  beforeAll(async () => {
    await ensureIndexes(database().db);
    await loadExtractions(database().db, [
      holding('a1.txt', '2021-01-01', 'Finance Minister'),
      holding('a2.txt', '2021-02-01', 'Finance Minister'),
      holding('a3.txt', '2021-05-01', 'Finance Minister', 3),
      holding('b1.txt', '2021-06-01', 'Foreign Minister'),
      holding('c1.txt', '2020-01-01', 'Trade Minister'),
      holding('c2.txt', '2020-02-01', 'Trade Minister'),
      holding('c3.txt', '2020-03-01', 'Trade Minister'),
    ]);
    api = await startTestApi(database().db);
  });

  async function data(query: string, variables?: Record<string, unknown>): Promise<any> {
    const response = await api.post(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data;
  }

  it('lists a person’s offices best supported first, then the latest seen, and only those with minArticles', async () => {
    const OFFICES = `query($min: Int) { person(slug: "amina-odhiambo") { offices(minArticles: $min) {
      office { title } support { articleCount firstSeen { value } lastSeen { value } } } } }`;
    const { person: all } = await data(OFFICES);
    expect(all.offices).toEqual([
      {
        office: { title: 'Finance Minister' },
        support: { articleCount: 3, firstSeen: { value: '2021-01-01' }, lastSeen: { value: '2021-05-01' } },
      },
      {
        office: { title: 'Trade Minister' },
        support: { articleCount: 3, firstSeen: { value: '2020-01-01' }, lastSeen: { value: '2020-03-01' } },
      },
      {
        office: { title: 'Foreign Minister' },
        support: { articleCount: 1, firstSeen: { value: '2021-06-01' }, lastSeen: { value: '2021-06-01' } },
      },
    ]);
    const { person: wellSupported } = await data(OFFICES, { min: 2 });
    expect(wellSupported.offices.map((o: any) => o.office.title)).toEqual(['Finance Minister', 'Trade Minister']);
    const refused = await api.post(OFFICES, { min: 0 });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages the sentences behind a holding, latest article first, even in the middle of one article', async () => {
    const EVIDENCE = `query($after: String) { person(slug: "amina-odhiambo") { offices(minArticles: 3) {
      office { title } support { evidenceCount evidence(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { text article { source } } } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const { person } = await data(EVIDENCE, { after });
      const finance = person.offices.find((o: any) => o.office.title === 'Finance Minister');
      expect(finance.support.evidence.totalCount).toBe(5);
      seen.push(...finance.support.evidence.nodes.map((n: any) => `${n.article.source}: ${n.text}`));
      if (!finance.support.evidence.pageInfo.hasNextPage) break;
      after = finance.support.evidence.pageInfo.endCursor;
    }
    expect(seen).toEqual([
      'a3.txt: Finance Minister Amina Odhiambo of Kenya spoke (a3.txt, 0).',
      'a3.txt: Finance Minister Amina Odhiambo of Kenya spoke (a3.txt, 1).',
      'a3.txt: Finance Minister Amina Odhiambo of Kenya spoke (a3.txt, 2).',
      'a2.txt: Finance Minister Amina Odhiambo of Kenya spoke (a2.txt, 0).',
      'a1.txt: Finance Minister Amina Odhiambo of Kenya spoke (a1.txt, 0).',
    ]);
  });

  it('gives the articles behind a person and an affiliation, latest first', async () => {
    const { person } = await data(`{ person(slug: "amina-odhiambo") {
      support { articleCount lastSeen { value } articles(first: 3) { totalCount nodes { source } } }
      affiliations { organization { name members(first: 5) { nodes { person { name } } } } support { articleCount } }
    } }`);
    expect(person.support).toEqual({
      articleCount: 7,
      lastSeen: { value: '2021-06-01' },
      articles: { totalCount: 7, nodes: [{ source: 'b1.txt' }, { source: 'a3.txt' }, { source: 'a2.txt' }] },
    });
    expect(person.affiliations).toEqual([
      {
        organization: { name: 'Unity Party', members: { nodes: [{ person: { name: 'Amina Odhiambo' } }] } },
        support: { articleCount: 7 },
      },
    ]);
  });
});
