/** Reading ahead: items come in their order, with their work begun a bounded number of items early. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prefetchArticleFile, startedAhead } from '../../src/ingest/article-files.prefetcher';

async function* numbers(count: number): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) yield i;
}

describe('startedAhead', () => {
  it('yields every item in order, with what was started for it', async () => {
    const seen: Array<[number, string]> = [];
    for await (const { item, started } of startedAhead(numbers(10), (n) => `work ${n}`, 3)) seen.push([item, started]);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, n) => [n, `work ${n}`]));
  });

  it('starts at most `depth` items ahead of the one being handled', async () => {
    let startedCount = 0;
    const aheadWhenHandled: number[] = [];
    for await (const { item } of startedAhead(numbers(10), () => startedCount++, 4)) {
      aheadWhenHandled.push(startedCount - item);
    }
    expect(Math.max(...aheadWhenHandled)).toBe(4);
    expect(aheadWhenHandled.at(-1)).toBe(1);
  });
});

describe('prefetchArticleFile', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-prefetch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the article and its size on disk', async () => {
    const file = path.join(dir, 'talks.txt');
    writeFileSync(file, 'Talks were held.\n');
    await expect(prefetchArticleFile(file)).resolves.toEqual({
      file: { ok: true, source: 'talks.txt', text: 'Talks were held.\n' },
      bytes: 17,
    });
  });

  it('never rejects: a missing file is an error result of 0 bytes', async () => {
    await expect(prefetchArticleFile(path.join(dir, 'gone.txt'))).resolves.toEqual({
      file: { ok: false, source: 'gone.txt', error: 'file not found' },
      bytes: 0,
    });
  });
});
