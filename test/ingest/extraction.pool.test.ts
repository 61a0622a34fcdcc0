/** The extraction pool: real extraction on worker threads, a time budget that stops a stuck thread, a bounded queue. */
import path from 'node:path';
import type { ExtractionRecord } from '../../src/extract';
import { ArticleInputError, ExtractionBudgetError, ExtractionPool, ExtractionQueueFullError } from '../../src/ingest';
import { FAIL, STALL } from './fixtures/stalling-extraction.worker';

const WORKER = path.join(__dirname, 'fixtures', 'stalling-extraction.worker.ts');
const ARTICLE = {
  source: 'talks.txt',
  text: 'Prime Minister Anna Lindqvist met President Omar Haddad in Paris on March 3, 2021.\n',
};
const STUCK = { source: 'stuck.txt', text: `${STALL} ${ARTICLE.text}` };

describe('ExtractionPool', () => {
  it('extracts an article on a thread, with the same facts as in-process extraction', async () => {
    const pool = new ExtractionPool({ threads: 1 });
    try {
      const record = await pool.extract(ARTICLE);
      expect(record.people.map((p) => p.name).sort()).toEqual(['Anna Lindqvist', 'Omar Haddad']);
      expect(record.meetings).toHaveLength(1);
    } finally {
      await pool.close();
    }
  });

  it('starts articles in the order they came, so the first of a load is extracted first', async () => {
    const pool = new ExtractionPool({ threads: 1 });
    try {
      const finished: string[] = [];
      const sources = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => `${letter}.txt`);
      await Promise.all(
        sources.map((source) => pool.extract({ ...ARTICLE, source }).then(() => finished.push(source))),
      );
      expect(finished).toEqual(sources);
    } finally {
      await pool.close();
    }
  });

  it('stops an article past its budget with an input error naming the limit, and replaces the stopped thread', async () => {
    const pool = new ExtractionPool({ threads: 1, budgetMs: 300, workerFile: WORKER });
    try {
      const refused = pool.extract(STUCK);
      await expect(refused).rejects.toBeInstanceOf(ExtractionBudgetError);
      await expect(refused).rejects.toBeInstanceOf(ArticleInputError);
      await expect(refused).rejects.toThrow(/"stuck\.txt".*longer than the limit of 0\.3 s per article/);
      // The pool's only thread was terminated; a new one takes the next article (and is stopped in turn).
      await expect(pool.extract({ ...STUCK, source: 'stuck-again.txt' })).rejects.toThrow(/"stuck-again\.txt"/);
    } finally {
      await pool.close();
    }
  });

  it('refuses only the stuck article of those a thread took together; the others are extracted', async () => {
    const pool = new ExtractionPool({ threads: 1, budgetMs: 300, workerFile: WORKER });
    try {
      const outcomes = await Promise.allSettled([
        pool.extract({ ...ARTICLE, source: 'before.txt' }),
        pool.extract(STUCK),
        pool.extract({ ...ARTICLE, source: 'after.txt' }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ExtractionBudgetError);
      for (const outcome of [outcomes[0], outcomes[2]])
        expect((outcome as PromiseFulfilledResult<ExtractionRecord>).value.meetings).toHaveLength(1);
      expect(pool.queued).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it("fails only the article the extractor failed on, with the extractor's message", async () => {
    const pool = new ExtractionPool({ threads: 1, workerFile: WORKER });
    try {
      const outcomes = await Promise.allSettled([
        pool.extract(ARTICLE),
        pool.extract({ source: 'broken.txt', text: `${FAIL} ${ARTICLE.text}` }),
        pool.extract(ARTICLE),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const error = (outcomes[1] as PromiseRejectedResult).reason as Error;
      expect(error.message).toBe('the extractor failed on "broken.txt"');
      expect(error.name).toBe('RangeError');
    } finally {
      await pool.close();
    }
  });

  it('turns articles away once maxQueue are waiting, saying when to retry', async () => {
    const pool = new ExtractionPool({ threads: 1, maxQueue: 2, budgetMs: 60_000, workerFile: WORKER });
    try {
      const running = pool.extract(STUCK).catch((err: unknown) => err);
      const waiting = [pool.extract(ARTICLE), pool.extract(ARTICLE)].map((p) => p.catch((err: unknown) => err));
      const third = pool.extract(ARTICLE);
      await expect(third).rejects.toBeInstanceOf(ExtractionQueueFullError);
      const error = (await third.catch((err: unknown) => err)) as ExtractionQueueFullError;
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(error.message).toMatch(/busy.*2 waiting.*retry in \d+ s/);
      await pool.close();
      // Closing rejects what was running or waiting; none of it resolves as extracted.
      for (const outcome of await Promise.all([running, ...waiting])) expect(outcome).toBeInstanceOf(Error);
    } finally {
      await pool.close();
    }
  });
});
