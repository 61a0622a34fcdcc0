import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus';

describe('writeSyntheticCorpus', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'corpus-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function contents(dir: string): Promise<string[]> {
    const names = (await readdir(dir)).sort();
    return Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
  }

  it('writes the same articles for the same seed and different ones for another seed', async () => {
    await writeSyntheticCorpus(path.join(root, 'a'), 12, 42);
    await writeSyntheticCorpus(path.join(root, 'b'), 12, 42);
    await writeSyntheticCorpus(path.join(root, 'c'), 12, 43);
    const a = await contents(path.join(root, 'a'));
    expect(a).toHaveLength(12);
    expect(await contents(path.join(root, 'b'))).toEqual(a);
    expect(await contents(path.join(root, 'c'))).not.toEqual(a);
  });

  it('writes articles with front matter whose officials recur across articles', async () => {
    await writeSyntheticCorpus(root, 40, 1);
    const articles = await contents(root);
    expect(articles.every((text) => /^---\ntitle: .+\npublishedOn: \d{4}-\d{2}-\d{2}\n---\n/.test(text))).toBe(true);
    const names = articles.flatMap((text) =>
      [...text.matchAll(/ met (?:\S+ )+?([A-Z][a-z]+ [A-Z][a-z]+) in /g)].map((m) => m[1]),
    );
    expect(names.length).toBeGreaterThan(30);
    expect(new Set(names).size).toBeLessThan(names.length);
  });
});
