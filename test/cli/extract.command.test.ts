import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { run } from '../../src/cli/extract.command';
import { MAX_ARTICLE_BYTES } from '../../src/ingest/article-file.reader';

async function capture(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  const stderr = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  try {
    const code = await run(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('extract command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'extract-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints usage on stderr and exits 2 without arguments', async () => {
    const result = await capture([]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/usage/);
  });

  it('prints only a JSON array of records, in argument order, and exits 0', async () => {
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    await writeFile(
      a,
      'Headline\n\nRegional Prime Minister Masrour Barzani received Iraqi Minister of Interior Othman al-Ghanmi in Erbil.\n',
    );
    await writeFile(b, 'Headline\n\nTory spokesman David Davis told MPs so.\n');
    const result = await capture([b, a]);
    expect(result.code).toBe(0);
    const records = JSON.parse(result.stdout);
    expect(records.map((r: { source: string }) => r.source)).toEqual(['b.txt', 'a.txt']);
    expect(records[1].meetings[0].participants).toEqual(['Masrour Barzani', 'Othman al-Ghanmi']);
  });

  it('reads a directory as every file under it, in name order', async () => {
    const folder = path.join(dir, 'folder');
    await mkdir(path.join(folder, 'b'), { recursive: true });
    await writeFile(path.join(folder, 'b', 'c.txt'), 'Headline\n\nTory spokesman David Davis told MPs so.\n');
    await writeFile(path.join(folder, 'a.txt'), 'Headline\n\nMr Blunkett met his EU counterparts in Luxembourg.\n');
    const result = await capture([folder]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((r: { source: string }) => r.source)).toEqual(['a.txt', 'c.txt']);
  });

  it('reports each bad file as {source, error}, still extracts the others, and exits 1', async () => {
    const good = path.join(dir, 'good.txt');
    await writeFile(good, 'Headline\n\nMr Blunkett met his EU counterparts in Luxembourg on Monday.\n');
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'binary.bin'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
    // Mostly control characters: not text in any encoding (Latin-1 text is decoded, so it no longer serves here).
    await writeFile(path.join(dir, 'control.txt'), Buffer.alloc(64, 0x01));
    await writeFile(path.join(dir, 'huge.txt'), '');
    await truncate(path.join(dir, 'huge.txt'), MAX_ARTICLE_BYTES + 10);
    const names = ['empty.txt', 'binary.bin', 'good.txt', 'control.txt', 'huge.txt', 'missing.txt'];
    const result = await capture(names.map((n) => path.join(dir, n)));
    expect(result.code).toBe(1);
    const records = JSON.parse(result.stdout);
    expect(records.map((r: { source: string }) => r.source)).toEqual(names);
    for (const r of records.filter((x: { source: string }) => x.source !== 'good.txt')) {
      expect(Object.keys(r).sort()).toEqual(['error', 'source']);
      expect(result.stderr).toContain(r.source);
    }
    expect(records[2].meetings[0].location).toBe('Luxembourg');
  });
});

describe('extract output against schema/extraction-record.schema.json', () => {
  const ROOT = path.join(__dirname, '..', '..');
  const articlesIn = (dir: string) =>
    readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => path.join(ROOT, dir, f));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addSchema(JSON.parse(readFileSync(path.join(ROOT, 'schema', 'extraction-record.schema.json'), 'utf8')), 'record');
  const validOutput = ajv.getSchema('record#/$defs/extractOutput')!;
  const validRecord = ajv.getSchema('record')!;
  let records: any[];

  beforeAll(async () => {
    const files = [...articlesIn('seeds'), ...articlesIn('test/extract/fixtures/articles')];
    const result = await capture([...files, path.join(ROOT, 'no-such-article.txt')]);
    records = JSON.parse(result.stdout).slice(0, files.length);
    const output = JSON.parse(result.stdout);
    expect(validOutput(output) ? [] : validOutput.errors).toEqual([]);
  });

  it('describes every record extract prints, with every field the record has', () => {
    expect(records.length).toBeGreaterThan(10);
    for (const record of records) expect(validRecord(record) ? [] : validRecord.errors).toEqual([]);
    // The seed and fixture articles exercise every part of the record the extractor fills today.
    for (const part of ['people', 'organizations', 'offices', 'meetings'])
      expect(records.some((r) => r[part].length > 0)).toBe(true);
  });

  it('refuses records that break the shape: unknown or missing fields, bad dates, inconsistent jurisdictions', () => {
    const sample = records.find(
      (r) => r.offices.some((o: any) => o.jurisdiction) && r.meetings.some((m: any) => m.date),
    );
    const broken = (change: (r: any) => void) => {
      const copy = structuredClone(sample);
      change(copy);
      return copy;
    };
    expect(validRecord(sample)).toBe(true);
    const member = { member: sample.people[0].name, organization: 'Labour Party', evidence: sample.people[0].evidence };
    expect(validRecord(broken((r) => r.affiliations.push(member)))).toBe(true);
    expect(validRecord(broken((r) => r.affiliations.push({ ...member, member: undefined })))).toBe(false);
    expect(validRecord(broken((r) => (r.sentiment = 'positive')))).toBe(false);
    expect(validRecord(broken((r) => delete r.affiliations))).toBe(false);
    expect(validRecord(broken((r) => (r.meetings.find((m: any) => m.date).datePrecision = 'week')))).toBe(false);
    expect(validRecord(broken((r) => (r.meetings.find((m: any) => m.date).date = '29 July 2020')))).toBe(false);
    expect(validRecord(broken((r) => (r.offices.find((o: any) => o.jurisdiction).jurisdictionRef = null)))).toBe(false);
    expect(validRecord(broken((r) => (r.people[0].evidence[0].start = -1)))).toBe(false);
  });
});
