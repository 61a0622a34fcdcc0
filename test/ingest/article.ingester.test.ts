import { ArticleInputError, ingestArticle } from '../../src/ingest';
import { articleIdFor, COLLECTIONS, ensureIndexes } from '../../src/store';
import { useTestDatabase } from '../helpers/test-database';

const TEXT =
  'Prime Minister Anna Lindqvist met President Omar Haddad in Paris on March 3, 2021.\n\nLindqvist said the talks were useful.\n';

describe('ingestArticle', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  beforeAll(async () => {
    await ensureIndexes(db());
  });

  it('stores a new article under an id derived from its source, then reports the same text as unchanged', async () => {
    const first = await ingestArticle(db(), { source: 'talks.txt', text: TEXT });
    expect(first).toMatchObject({ articleId: articleIdFor('talks.txt'), status: 'added' });
    const stored = await db().collection(COLLECTIONS.articles).findOne({ source: 'talks.txt' });
    expect(stored).toMatchObject({ _id: first.articleId, text: TEXT });
    expect(await ingestArticle(db(), { source: ' talks.txt ', text: TEXT })).toMatchObject({
      articleId: first.articleId,
      status: 'unchanged',
    });
  });

  it('replaces an article whose text or given date changed', async () => {
    await ingestArticle(db(), { source: 'change.txt', text: TEXT });
    expect((await ingestArticle(db(), { source: 'change.txt', text: `${TEXT}More text.\n` })).status).toBe('updated');
    expect(
      (await ingestArticle(db(), { source: 'change.txt', text: `${TEXT}More text.\n`, publishedOn: '2021-03-04' }))
        .status,
    ).toBe('updated');
    const stored = await db().collection(COLLECTIONS.articles).findOne({ source: 'change.txt' });
    expect(stored).toMatchObject({ publishedOn: '2021-03-04', text: `${TEXT}More text.\n` });
  });

  it.each([
    ['an empty text', { source: 'a.txt', text: '  \n ' }, /empty/],
    ['a text with NUL bytes', { source: 'b.txt', text: 'abc\u0000def' }, /binary/],
    ['a text over 5 MB', { source: 'c.txt', text: 'word '.repeat(1_100_000) }, /larger than 5 MB/],
    ['an empty source', { source: ' ', text: TEXT }, /needs a source/],
    ['a malformed date', { source: 'd.txt', text: TEXT, publishedOn: '3 March 2021' }, /YYYY-MM-DD/],
  ])('refuses %s with a message saying what is wrong, and stores nothing', async (_case, input, message) => {
    const before = await db().collection(COLLECTIONS.articles).countDocuments();
    const attempt = ingestArticle(db(), input);
    await expect(attempt).rejects.toBeInstanceOf(ArticleInputError);
    await expect(attempt).rejects.toThrow(message);
    expect(await db().collection(COLLECTIONS.articles).countDocuments()).toBe(before);
  });
});
