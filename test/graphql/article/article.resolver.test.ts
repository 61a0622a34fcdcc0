/**
 * An article's text is most of its document, so the API reads it only for queries that ask for
 * `text` or `paragraphs`, and then for a whole page in one command. Watched through the driver's
 * command monitoring on the client the API server uses: which documents each reply carried.
 */
import type { CommandStartedEvent, CommandSucceededEvent, Document } from 'mongodb';
import type { ExtractionRecord } from '../../../src/extract';
import { COLLECTIONS, ensureIndexes, loadExtraction } from '../../../src/store';
import { startTestApi, type TestApi } from '../../helpers/api-test-server';
import { loadMeetingGraph } from '../../helpers/meeting-graph.fixture';
import { useTestDatabase } from '../../helpers/test-database';

const HOSTS = 60;

const MONITORING_COMMANDS = new Set(['hello', 'ismaster', 'isMaster', 'endSessions']);

/** An article with front matter before its body, so paragraph and evidence offsets are not trivially 0. */
const HARBOUR_SOURCE = 'harbour-talks.txt';
const HARBOUR_PARAGRAPHS = [
  'Mayor Lena Ortiz met Governor Paul Reyes in Springfield on 2021-05-04.',
  'The two discussed the harbour. Lena Ortiz later spoke to reporters.',
];
const HARBOUR_TEXT = `Harbour talks resume\n\nBy Staff Reporter\n\n${HARBOUR_PARAGRAPHS.join('\n\n')}\n`;

function spanOf(sentence: string): { text: string; start: number; end: number } {
  const start = HARBOUR_TEXT.indexOf(sentence);
  if (start < 0) throw new Error(`"${sentence}" is not in the fixture text`);
  return { text: sentence, start, end: start + sentence.length };
}

function harbourRecord(): ExtractionRecord {
  const ortizEvidence = [spanOf(HARBOUR_PARAGRAPHS[0]), spanOf('Lena Ortiz later spoke to reporters.')];
  return {
    source: HARBOUR_SOURCE,
    title: 'Harbour talks resume',
    publishedOn: '2021-05-05',
    referenceDate: '2021-05-05',
    paragraphs: HARBOUR_PARAGRAPHS.map((p) => {
      const { start, end } = spanOf(p);
      return { start, end };
    }),
    people: [
      { name: 'Lena Ortiz', aliases: [], mentions: 2, evidence: ortizEvidence },
      { name: 'Paul Reyes', aliases: [], mentions: 1, evidence: [spanOf(HARBOUR_PARAGRAPHS[0])] },
    ],
    organizations: [],
    offices: [],
    affiliations: [],
    meetings: [],
  };
}

interface Observed {
  /** Names of every command the request sent, monitoring aside. */
  commands: string[];
  /** Every article document that a reply carried. */
  articleDocs: Document[];
}

describe('article text', () => {
  let api: TestApi;
  const collectionOfRequest = new Map<number, string>();
  let observed: Observed = { commands: [], articleDocs: [] };

  // Declared before the database's hooks, so that the API stops before the database closes.
  afterAll(() => api.stop());
  const database = useTestDatabase({ monitorCommands: true });
  beforeAll(async () => {
    await ensureIndexes(database().db);
    await loadMeetingGraph(database().db, HOSTS);
    await loadExtraction(database().db, harbourRecord(), { text: HARBOUR_TEXT });
    database().client.on('commandStarted', (event: CommandStartedEvent) => {
      if (MONITORING_COMMANDS.has(event.commandName)) return;
      observed.commands.push(event.commandName);
      const collection = event.command.find ?? event.command.collection;
      if (typeof collection === 'string') collectionOfRequest.set(event.requestId, collection);
    });
    database().client.on('commandSucceeded', (event: CommandSucceededEvent) => {
      if (collectionOfRequest.get(event.requestId) !== COLLECTIONS.articles) return;
      const { cursor } = event.reply as { cursor?: { firstBatch?: Document[]; nextBatch?: Document[] } };
      observed.articleDocs.push(...(cursor?.firstBatch ?? cursor?.nextBatch ?? []));
    });
    api = await startTestApi(database().db);
  });

  async function observe(query: string, variables?: Record<string, unknown>): Promise<{ data: any } & Observed> {
    observed = { commands: [], articleDocs: [] };
    const response = await api.post(query, variables);
    expect(response.errors).toBeUndefined();
    return { data: response.data, ...observed };
  }

  const hasText = (doc: Document) => 'text' in doc || 'paragraphs' in doc;

  describe('a query that does not ask for text', () => {
    const WITHOUT_TEXT: Array<[string, string]> = [
      ['a page of articles', `{ articles(first: 50) { nodes { id source title publishedOn ingestedAt } } }`],
      [
        'one article by source, with its relations',
        `{ article(source: "${HARBOUR_SOURCE}") { source people { nodes { name } } } }`,
      ],
      [
        'the articles behind evidence',
        `{ meetings(first: 20) { nodes { evidence { nodes { start end article { source } } } } } }`,
      ],
      [
        'the articles of people and their offices',
        `{ people(first: 30) { nodes { articles { nodes { source } } offices { support { articles { nodes { title } } } } } } }`,
      ],
    ];

    it.each(WITHOUT_TEXT)('%s reads articles without their text', async (_name, query) => {
      const { articleDocs } = await observe(query);
      expect(articleDocs.length).toBeGreaterThan(0);
      expect(articleDocs.filter(hasText)).toEqual([]);
    });

    it('an article fetched by global id reads no text either', async () => {
      const { data } = await observe(`{ article(source: "${HARBOUR_SOURCE}") { id } }`);
      const { articleDocs } = await observe(`query($id: ID!) { node(id: $id) { ... on Article { source } } }`, {
        id: data.article.id,
      });
      expect(articleDocs.map((doc) => doc.source)).toEqual([HARBOUR_SOURCE]);
      expect(articleDocs.filter(hasText)).toEqual([]);
    });
  });

  describe('a query that asks for text', () => {
    const HARBOUR_WITH_EVIDENCE = `{
      article(source: "${HARBOUR_SOURCE}") {
        text
        paragraphs
        people { nodes { name evidence { nodes { text start end article { source text } } } } }
      }
    }`;

    it('gets the full text and the body paragraphs cut from it', async () => {
      const { data } = await observe(HARBOUR_WITH_EVIDENCE);
      expect(data.article.text).toBe(HARBOUR_TEXT);
      expect(data.article.paragraphs).toEqual(HARBOUR_PARAGRAPHS);
    });

    it('gets a text that evidence offsets index', async () => {
      const { data } = await observe(HARBOUR_WITH_EVIDENCE);
      const evidence = data.article.people.nodes.flatMap((person: any) => person.evidence.nodes);
      expect(evidence).toHaveLength(3);
      for (const sentence of evidence) {
        expect(sentence.article.source).toBe(HARBOUR_SOURCE);
        expect(sentence.start).toBeGreaterThan(0);
        expect(sentence.article.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      }
    });

    it('reads the text of a page of 50 articles in one extra command', async () => {
      const PAGE = `query($withText: Boolean!) {
        articles(first: 50) { nodes { source text @include(if: $withText) paragraphs @include(if: $withText) } }
      }`;
      const without = await observe(PAGE, { withText: false });
      const withText = await observe(PAGE, { withText: true });

      expect(withText.data.articles.nodes).toHaveLength(50);
      for (const article of withText.data.articles.nodes) {
        expect(article.text.length).toBeGreaterThan(0);
        expect(article.paragraphs.length).toBeGreaterThan(0);
        for (const paragraph of article.paragraphs) expect(article.text).toContain(paragraph);
      }
      expect(withText.commands).toEqual([...without.commands, 'find']);
      expect(withText.articleDocs.filter(hasText)).toHaveLength(50);
    });
  });
});
