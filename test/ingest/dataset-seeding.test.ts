/**
 * Loading datasets: CSV, TSV, JSON Lines and JSON arrays, columns mapped by name, dates in the
 * usual forms, stable row ids (so a reload changes nothing), legacy encodings, and bad rows
 * reported by number while the rest load.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { seedDirectory, seedFiles, type ExtractionPool } from '../../src/ingest';
import { COLLECTIONS, type ArticleDocument } from '../../src/store';
import { dumpCollections } from '../helpers/collection-dump';
import { testExtractionPool, useSeedTestContext } from '../helpers/extraction-pool';
import type { TestDatabase } from '../helpers/test-database';
import { STALL } from './fixtures/stalling-extraction.worker';

const TALKS = 'Prime Minister Anna Lindqvist met President Omar Haddad in Paris on March 3, 2021.';
const VISIT = 'President Omar Haddad visited Rome on April 9, 2021, where he met Foreign Minister Giulia Ferraro.';
const SUMMIT = 'Foreign Minister Giulia Ferraro met Prime Minister Anna Lindqvist in Oslo on June 1, 2021.';

const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;

describe('seeding datasets', () => {
  const context = useSeedTestContext();
  let t: TestDatabase;
  let dir: string;
  let pool: ExtractionPool;
  beforeEach(() => {
    ({ t, dir, pool } = context);
  });

  const articles = () =>
    t.db
      .collection<ArticleDocument>(COLLECTIONS.articles)
      .find({}, { projection: { _id: 0, source: 1, title: 1, publishedOn: 1, text: 1 } })
      .sort({ source: 1 })
      .toArray();

  it('loads a CSV with a header row, quoted multi-line text and common date forms; a reload changes nothing', async () => {
    const file = path.join(dir, 'news.csv');
    await writeFile(
      file,
      [
        'id,title,content,published_at,url',
        `17,Paris talks,${csvCell(`${TALKS}\n\nLindqvist said the talks were "useful".`)},"March 3, 2021",https://example.com/a`,
        `18,Rome visit,${csvCell(VISIT)},04 Apr 2021,https://example.com/b`,
        `19,Oslo summit,${csvCell(SUMMIT)},"Tue, 01 Jun 2021 18:30:00 +0200",`,
      ].join('\r\n'),
    );
    const first = await seedFiles(t.db, { pool, files: [file] });
    expect(first.failed).toEqual([]);
    expect(first.articles).toEqual({ added: 3, updated: 0, unchanged: 0, removed: 0 });
    expect(await articles()).toEqual([
      {
        source: 'news.csv#id=17',
        title: 'Paris talks',
        publishedOn: '2021-03-03',
        text: `${TALKS}\n\nLindqvist said the talks were "useful".`,
      },
      { source: 'news.csv#id=18', title: 'Rome visit', publishedOn: '2021-04-04', text: VISIT },
      { source: 'news.csv#id=19', title: 'Oslo summit', publishedOn: '2021-06-01', text: SUMMIT },
    ]);
    const people = await t.db.collection(COLLECTIONS.people).distinct('name');
    expect(people).toEqual(expect.arrayContaining(['Anna Lindqvist', 'Omar Haddad', 'Giulia Ferraro']));

    const before = await dumpCollections(t.db);
    const again = await seedFiles(t.db, { pool, files: [file] });
    expect(again.articles).toEqual({ added: 0, updated: 0, unchanged: 3, removed: 0 });
    expect(await dumpCollections(t.db)).toEqual(before);
  });

  it('reads JSON Lines, names rows by url, and reports a bad line by row and line while the rest load', async () => {
    await writeFile(
      path.join(dir, 'feed.jsonl'),
      [
        JSON.stringify({ url: 'https://example.com/talks', text: TALKS, date: '2021-03-03T09:00:00Z' }),
        '',
        '{"url": "https://example.com/broken", "text": ',
        JSON.stringify(['not', 'an', 'object']),
        JSON.stringify({ url: 'https://example.com/visit', body: VISIT, title: 'Rome visit' }),
        JSON.stringify({ url: 'https://example.com/empty', text: '   ' }),
        JSON.stringify({ url: 'https://example.com/textless', headline: 'No text' }),
        JSON.stringify({ url: 'https://example.com/undated', text: SUMMIT, date: 'sometime in June' }),
      ].join('\n'),
    );
    const summary = await seedDirectory(t.db, { pool, dir });
    expect(summary.failed).toEqual([
      { source: 'feed.jsonl', row: 2, line: 3, error: expect.stringMatching(/not valid JSON/) },
      { source: 'feed.jsonl', row: 3, line: 4, error: expect.stringMatching(/not a JSON object/) },
      { source: 'feed.jsonl', row: 5, line: 6, error: 'no text: column "text" is empty' },
      {
        source: 'feed.jsonl',
        row: 6,
        line: 7,
        error: expect.stringMatching(/no text column.*the columns are "url", "headline"/),
      },
      {
        source: 'feed.jsonl',
        row: 7,
        line: 8,
        error: expect.stringMatching(/date "sometime in June".*not a full date/),
      },
    ]);
    // Each line may name the text its own way (`body` here), from the usual names.
    expect((await articles()).map((a) => [a.source, a.title, a.publishedOn])).toEqual([
      ['https://example.com/talks', null, '2021-03-03'],
      ['https://example.com/visit', 'Rome visit', null],
    ]);
  });

  it('reads a JSON array: rows without id or url are FILE#ROW; a broken end is reported after the rows before it load', async () => {
    const rows = [{ text: TALKS }, 42, { text: VISIT, publishedOn: '2021-04-09' }];
    await writeFile(path.join(dir, 'dump.json'), `${JSON.stringify(rows).slice(0, -1)}, {"text": "cut off`);
    const summary = await seedDirectory(t.db, { pool, dir });
    expect(summary.failed).toEqual([
      { source: 'dump.json', row: 2, error: expect.stringMatching(/not a JSON object/) },
      {
        source: 'dump.json',
        error: expect.stringMatching(/not a JSON array of objects.*the 3 rows before it were read/),
      },
    ]);
    expect((await articles()).map((a) => [a.source, a.publishedOn])).toEqual([
      ['dump.json#1', null],
      ['dump.json#3', '2021-04-09'],
    ]);
  });

  it('decodes a Windows-1252 CSV and says so in the summary', async () => {
    const text = `${TALKS} “It was useful,” said Señor Muñoz in Zürich.`;
    await writeFile(
      path.join(dir, 'bbc.csv'),
      iconv.encode(`title,text\nCafé talks,${csvCell(text)}\n`, 'windows-1252'),
    );
    const summary = await seedDirectory(t.db, { pool, dir });
    expect(summary.failed).toEqual([]);
    expect(summary.decoded).toEqual([
      { source: 'bbc.csv', encoding: expect.stringMatching(/^(windows-1252|ISO-8859-1)$/) },
    ]);
    expect(await articles()).toEqual([{ source: 'bbc.csv#1', title: 'Café talks', publishedOn: null, text }]);
  });

  it('maps columns named by the caller, and fails the whole file once when a named column is missing', async () => {
    await writeFile(
      path.join(dir, 'export.tsv'),
      `Ref\tStory\tWhen\nA-1\t${TALKS}\t2021-03-03\nA-2\t${VISIT}\t9 April 2021\n`,
    );
    const mapped = await seedDirectory(t.db, { pool, dir, fields: { text: 'story', date: 'when', id: 'ref' } });
    expect(mapped.failed).toEqual([]);
    expect((await articles()).map((a) => [a.source, a.publishedOn])).toEqual([
      ['export.tsv#id=A-1', '2021-03-03'],
      ['export.tsv#id=A-2', '2021-04-09'],
    ]);

    const missing = await seedDirectory(t.db, { pool, dir, fields: { text: 'story', date: 'published' } });
    expect(missing.failed).toEqual([
      {
        source: 'export.tsv',
        error: 'no column "published" (given with --date-field); the columns are "Ref", "Story", "When"',
      },
    ]);
    const unmapped = await seedDirectory(t.db, { pool, dir });
    expect(unmapped.failed).toEqual([
      {
        source: 'export.tsv',
        error: expect.stringMatching(/no text column \(looked for text, content, body.*--text-field/),
      },
    ]);
  });

  it('refuses a second row with the same id, a binary dataset, and a row whose extraction runs past the budget', async () => {
    await writeFile(path.join(dir, 'dupes.csv'), `id,text\n1,${csvCell(TALKS)}\n1,${csvCell(VISIT)}\n`);
    await writeFile(path.join(dir, 'photo.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    await writeFile(path.join(dir, 'hostile.jsonl'), `${JSON.stringify({ text: `${STALL} ${SUMMIT}` })}\n`);
    const stalling = testExtractionPool({
      budgetMs: 300,
      workerFile: path.join(__dirname, 'fixtures', 'stalling-extraction.worker.ts'),
    });
    try {
      const summary = await seedDirectory(t.db, { pool: stalling, dir });
      expect(summary.failed).toEqual([
        {
          source: 'dupes.csv',
          row: 2,
          line: 3,
          error: expect.stringMatching(/"dupes\.csv#id=1" was already loaded from dupes\.csv row 1/),
        },
        { source: 'photo.csv', error: expect.stringMatching(/binary/) },
        {
          source: 'hostile.jsonl',
          row: 1,
          line: 1,
          error: expect.stringMatching(/longer than the limit of 0\.3 s.*nothing was stored/),
        },
      ]);
      expect((await articles()).map((a) => [a.source, a.text])).toEqual([['dupes.csv#id=1', TALKS]]);
    } finally {
      await stalling.close();
    }
  });
});
