/**
 * A person named in thousands of articles: every document stays small, the person's document
 * does not grow with the number of articles, and a page of their meetings reads only that page.
 */
import { BSON, type Db } from 'mongodb';
import {
  COLLECTIONS,
  createRequestLoaders,
  ensureIndexes,
  entityMeetingsPage,
  keyedPage,
  loadExtractions,
  removeArticle,
  type PersonDocument,
} from '../../src/store';
import { article, meeting, office, person, type ArticleFixture } from '../helpers/article-record.fixture';
import { examinedBy } from '../helpers/examined-counts';
import { consistencyProblems } from '../helpers/store-consistency';
import { useTestDatabase } from '../helpers/test-database';

const ARTICLES = 2_000;
const BATCH = 100;
const MAX_DOCUMENT_BYTES = 16 * 1024;

function day(i: number): string {
  return new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

/** Article i: the heavy hitter, President of Freedonia, meets guest i. */
function articleFor(i: number): ArticleFixture {
  const guest = `Guest Number${i}`;
  const sentence = `President Ada Lovelace of Freedonia met ${guest} in Fredville on ${day(i)}.`;
  return article(`heavy-${i}.txt`, [sentence], (say) => ({
    publishedOn: day(i),
    people: [person('Ada Lovelace', say(sentence), ['Lovelace']), person(guest, say(sentence))],
    offices: [office('Ada Lovelace', 'President', 'Freedonia', say(sentence))],
    meetings: [meeting(['Ada Lovelace', guest], day(i), 'Fredville', say(sentence))],
  }));
}

async function largestDocument(db: Db): Promise<number> {
  let largest = 0;
  for (const name of Object.values(COLLECTIONS)) {
    for await (const doc of db.collection(name).find({}, { projection: { text: 0 } }))
      largest = Math.max(largest, BSON.calculateObjectSize(doc));
  }
  return largest;
}

describe('a person named in thousands of articles', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  beforeAll(async () => {
    await ensureIndexes(db());
  });

  const heavyHitter = async () =>
    (await db().collection<PersonDocument>(COLLECTIONS.people).findOne({ slug: 'ada-lovelace' }))!;

  it('keeps every document small, and the heavy hitter’s the same size, however many articles name them', async () => {
    const sizes: number[] = [];
    for (let first = 0; first < ARTICLES; first += BATCH) {
      await loadExtractions(
        db(),
        Array.from({ length: BATCH }, (_, i) => articleFor(first + i)),
      );
      if (first + BATCH === 200 || first + BATCH === ARTICLES)
        sizes.push(BSON.calculateObjectSize(await heavyHitter()));
    }
    const ada = await heavyHitter();
    expect(ada).toMatchObject({
      articleCount: ARTICLES,
      mentionCount: ARTICLES,
      meetingCount: ARTICLES,
      metCount: ARTICLES,
      firstSeen: day(0),
      lastSeen: day(ARTICLES - 1),
      aliases: ['Lovelace'],
    });
    // Only the digits of its counts may differ between 200 and 2,000 articles.
    expect(sizes[1] - sizes[0]).toBeLessThanOrEqual(8);
    expect(await largestDocument(db())).toBeLessThan(MAX_DOCUMENT_BYTES);
    const holding = await db().collection(COLLECTIONS.officeHolders).findOne({ personId: ada._id });
    expect(holding).toMatchObject({ articleCount: ARTICLES, lastSeen: day(ARTICLES - 1) });
  }, 120_000);

  it('reads the first page of the heavy hitter’s meetings from their document, and later pages as a range', async () => {
    const ada = await heavyHitter();
    const loaders = createRequestLoaders(db());
    const latest = { field: 'date', direction: -1 as const };
    expect(ada.latestMeetings.map((m) => m.date)).toEqual(Array.from({ length: 20 }, (_, i) => day(ARTICLES - 1 - i)));
    const page = await entityMeetingsPage(loaders, loaders.meetingsOfPerson, ada, -1, { first: 20 });
    const range = await keyedPage(loaders.meetingsOfPerson, ada._id, latest, { first: 20 }, async () => 0);
    expect(page.edges).toEqual(range.edges);
    expect(page.hasNextPage).toBe(true);
    expect(await page.totalCount()).toBe(ARTICLES);
    const next = await entityMeetingsPage(loaders, loaders.meetingsOfPerson, ada, -1, {
      first: 20,
      after: page.edges[19].cursor,
    });
    expect(next.edges[0].node.date).toBe(day(ARTICLES - 21));
    expect(await consistencyProblems(db())).toEqual([]);
  });

  it('keeps the first page right when its meetings are removed, or an old one becomes the latest', async () => {
    for (let i = 1; i <= 3; i++) await removeArticle(db(), `heavy-${ARTICLES - i}.txt`);
    // Article 5 is loaded again with a date after every other: its meeting becomes the latest.
    const later = day(ARTICLES + 10);
    const sentence = `President Ada Lovelace of Freedonia met Guest Number5 in Fredville on ${later}.`;
    const redated = article('heavy-5.txt', [sentence], (say) => ({
      publishedOn: later,
      people: [person('Ada Lovelace', say(sentence)), person('Guest Number5', say(sentence))],
      meetings: [meeting(['Ada Lovelace', 'Guest Number5'], later, 'Fredville', say(sentence))],
    }));
    await loadExtractions(db(), [redated]);
    const ada = await heavyHitter();
    expect(ada.latestMeetings.map((m) => m.date)).toEqual([
      later,
      ...Array.from({ length: 19 }, (_, i) => day(ARTICLES - 4 - i)),
    ]);
    expect(ada.meetingCount).toBe(ARTICLES - 3);
    expect(await consistencyProblems(db())).toEqual([]);
  });

  // What the server examined counts only on a server of the test's own.
  const itOnOwnServer = process.env.MONGODB_URI ? it.skip : it;

  itOnOwnServer(
    'reads, for an article of two people who met on hundreds of days, only the meetings its date agrees with',
    async () => {
      const visit = (i: number, date: string, source = `visit-${i}.txt`) => {
        const sentence = `President Ada Lovelace of Freedonia met Envoy Grace Hopper in Fredville on ${date}.`;
        return article(source, [sentence], (say) => ({
          publishedOn: date,
          people: [person('Ada Lovelace', say(sentence)), person('Grace Hopper', say(sentence))],
          meetings: [meeting(['Ada Lovelace', 'Grace Hopper'], date, 'Fredville', say(sentence))],
        }));
      };
      const VISITS = 300;
      await loadExtractions(
        db(),
        Array.from({ length: VISITS }, (_, i) => visit(i, day(i))),
      );
      // Another report of the meeting on day 7, and one of a meeting in a month only (March 2010).
      const examined = await examinedBy(database().client, () =>
        loadExtractions(db(), [visit(7, day(7), 'visit-7-again.txt'), visit(VISITS, '2010-03', 'visit-march.txt')]),
      );
      expect(examined.docs).toBeLessThan(VISITS / 3);
      // The second report of day 7 joined its meeting; the month-only one agrees with the 31
      // meetings of March (all read), so it joins none of them.
      const grace = await db().collection<PersonDocument>(COLLECTIONS.people).findOne({ slug: 'grace-hopper' });
      const meetings = await db()
        .collection(COLLECTIONS.meetings)
        .find({ personIds: grace!._id, date: { $in: [day(7), '2010-03'] } })
        .sort({ date: 1 })
        .toArray();
      expect(meetings.map((m) => [m.date, m.articleCount])).toEqual([
        ['2010-01-08', 2],
        ['2010-03', 1],
      ]);
      expect(grace).toMatchObject({ meetingCount: VISITS + 1, articleCount: VISITS + 2 });
    },
  );
});
