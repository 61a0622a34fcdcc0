import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import {
  ensureSeeded,
  MAX_ARTICLE_BYTES,
  seedDirectory,
  type ExtractionPool,
  type SeedProgress,
} from '../../src/ingest';
import {
  COLLECTIONS,
  type MeetingDocument,
  type MeetingReportDocument,
  type OfficeHolderDocument,
  type PersonDocument,
} from '../../src/store';
import { dumpCollections } from '../helpers/collection-dump';
import { useSeedTestContext } from '../helpers/extraction-pool';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

const SEED_ARTICLE = path.join(__dirname, '..', '..', 'seeds', '000_b616cf4ecb68c9fa.txt');

const ARTICLES: Record<string, string> = {
  'paris-talks.txt':
    'Prime Minister Anna Lindqvist met President Omar Haddad in Paris on March 3, 2021.\n\nLindqvist said the talks on trade were useful.\n',
  'nested/rome-visit.txt':
    'President Omar Haddad visited Rome on April 9, 2021, where he met Foreign Minister Giulia Ferraro.\n\nHaddad and Ferraro discussed energy prices.\n',
};

async function writeArticles(dir: string, articles: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(articles)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
}

describe('seedDirectory', () => {
  const context = useSeedTestContext();
  let t: TestDatabase;
  let dir: string;
  let pool: ExtractionPool;
  beforeEach(async () => {
    ({ t, dir, pool } = context);
    await copyFile(SEED_ARTICLE, path.join(dir, path.basename(SEED_ARTICLE)));
    await writeArticles(dir, ARTICLES);
  });

  it('loads every file, and a second run changes nothing: same counts, same ids, same documents', async () => {
    const first = await seedDirectory(t.db, { pool, dir });
    expect(first.failed).toEqual([]);
    expect(first.articles).toEqual({ added: 3, updated: 0, unchanged: 0, removed: 0 });
    const people = await t.db.collection(COLLECTIONS.people).countDocuments();
    expect(first.people.added).toBe(people);
    const before = await dumpCollections(t.db);

    const second = await seedDirectory(t.db, { pool, dir });
    expect(second.articles).toEqual({ added: 0, updated: 0, unchanged: 3, removed: 0 });
    expect(second.people).toEqual({ added: 0, updated: 0, unchanged: people, removed: 0 });
    expect(await dumpCollections(t.db)).toEqual(before);
  });

  it('names articles by their path under the directory and merges people they share', async () => {
    await seedDirectory(t.db, { pool, dir });
    const sources = await t.db.collection(COLLECTIONS.articles).distinct('source');
    expect(sources.sort()).toEqual(['000_b616cf4ecb68c9fa.txt', 'nested/rome-visit.txt', 'paris-talks.txt']);
    const haddad = await t.db.collection<PersonDocument>(COLLECTIONS.people).find({ searchKeys: 'haddad' }).toArray();
    expect(haddad.map((p) => [p.name, p.articleCount])).toEqual([['Omar Haddad', 2]]);
  });

  it('stores the seed article as one person per Barzani, each with their own office, and its meetings', async () => {
    await seedDirectory(t.db, { pool, dir });
    const people = t.db.collection<PersonDocument>(COLLECTIONS.people);
    const barzanis = await people.find({ searchKeys: 'barzani' }).sort({ name: 1 }).toArray();
    expect(barzanis.map((p) => p.name)).toEqual(['Masoud Barzani', 'Masrour Barzani', 'Nechirvan Barzani']);
    const holdings = await t.db
      .collection<OfficeHolderDocument>(COLLECTIONS.officeHolders)
      .find({ personId: { $in: barzanis.map((p) => p._id) } })
      .toArray();
    expect(new Set(holdings.map((h) => h.officeId)).size).toBe(3);
    const ghanmi = await people.findOne({ name: 'Othman al-Ghanmi' });
    const masrour = barzanis[1];
    const theirMeetings = await t.db
      .collection<MeetingDocument>(COLLECTIONS.meetings)
      .find({ personIds: { $all: [ghanmi!._id, masrour._id] } })
      .toArray();
    expect(theirMeetings.map((m) => [m.date, m.location])).toEqual([['2020-07-29', 'Erbil']]);
    const reports = await t.db
      .collection<MeetingReportDocument>(COLLECTIONS.meetingReports)
      .find({ meetingId: theirMeetings[0]._id })
      .toArray();
    const article = await t.db.collection(COLLECTIONS.articles).findOne({ _id: reports[0].articleId as never });
    expect(reports[0].evidence.every((e) => article!.text.slice(e.start, e.end) === e.text)).toBe(true);
  });

  it('reloads a changed file, replacing only that article’s facts', async () => {
    await seedDirectory(t.db, { pool, dir });
    const people = t.db.collection<PersonDocument>(COLLECTIONS.people);
    await writeArticles(dir, {
      'paris-talks.txt': 'Prime Minister Anna Lindqvist met President Karim Nasser in Paris on March 3, 2021.\n',
    });
    const summary = await seedDirectory(t.db, { pool, dir });
    expect(summary.articles).toEqual({ added: 0, updated: 1, unchanged: 2, removed: 0 });
    expect((await people.findOne({ name: 'Omar Haddad' }))?.articleCount).toBe(1);
    expect(await people.countDocuments({ name: 'Karim Nasser' })).toBe(1);
    expect(summary.people.added).toBeGreaterThanOrEqual(1);
  });

  it('reports files that are not article text with the reason, loads the rest, and can start over with reset', async () => {
    await writeArticles(dir, {
      'empty.txt': '',
      'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0x0a]),
      'huge.txt': Buffer.alloc(MAX_ARTICLE_BYTES + 1, 'a'),
    });
    const events: SeedProgress[] = [];
    const summary = await seedDirectory(t.db, { pool, dir, onProgress: (e) => events.push(e) });
    expect(summary.failed).toEqual([
      { source: 'empty.txt', error: expect.stringMatching(/empty/) },
      { source: 'huge.txt', error: expect.stringMatching(/larger than 5 MB/) },
      { source: 'image.txt', error: expect.stringMatching(/binary/) },
    ]);
    expect(summary.articles.added).toBe(3);
    expect(summary.files).toBe(6);
    expect(events[0]).toMatchObject({ kind: 'start', files: 6 });
    const settled = events.slice(1).filter((e) => e.kind === 'article');
    expect(settled.map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(settled.at(-1)).toMatchObject({ failed: 3, bytesDone: (events[0] as { bytes: number }).bytes });

    const reloaded = await seedDirectory(t.db, { pool, dir, reset: true });
    expect(reloaded.articles).toEqual({ added: 3, updated: 0, unchanged: 0, removed: 0 });
  });

  it('decodes an article in Windows-1252 (or Latin-1), and says so in the summary', async () => {
    const text =
      'Prime Minister François Martin met President Omar Haddad in Zürich on May 2, 2021. “Useful”, he said.\n';
    await writeArticles(dir, { 'legacy.txt': iconv.encode(text, 'windows-1252') });
    const summary = await seedDirectory(t.db, { pool, dir });
    expect(summary.failed).toEqual([]);
    expect(summary.decoded).toEqual([
      { source: 'legacy.txt', encoding: expect.stringMatching(/^(windows-1252|ISO-8859-1)$/) },
    ]);
    const stored = await t.db.collection(COLLECTIONS.articles).findOne({ source: 'legacy.txt' });
    expect(stored?.text).toBe(text);
  });

  it('refuses a directory that does not exist', async () => {
    await expect(seedDirectory(t.db, { pool, dir: path.join(dir, 'missing') })).rejects.toThrow(/does not exist/);
  });
});

describe('ensureSeeded', () => {
  it('loads the directory into an empty store only', async () => {
    const t = await openTestDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'seeds-'));
    try {
      await writeArticles(dir, ARTICLES);
      const messages: string[] = [];
      expect((await ensureSeeded(t.db, dir, (m) => messages.push(m)))?.articles.added).toBe(2);
      expect(messages.join('\n')).toMatch(/loaded 2 articles/);
      expect(await ensureSeeded(t.db, dir)).toBeNull();
      expect(await t.db.collection(COLLECTIONS.articles).countDocuments()).toBe(2);
    } finally {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('starts empty, saying why, when the seed directory is missing', async () => {
    const t = await openTestDatabase();
    try {
      const messages: string[] = [];
      expect(await ensureSeeded(t.db, '/nonexistent/seeds', (m) => messages.push(m))).toBeNull();
      expect(messages.join('\n')).toMatch(/no seed directory/);
    } finally {
      await t.close();
    }
  });
});
