import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeArticleBytes, MAX_ARTICLE_BYTES, readArticleFile } from '../../src/ingest/article-file.reader';

describe('readArticleFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'article-reader-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const write = async (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    await writeFile(file, content);
    return file;
  };

  it('reads UTF-8 text, naming it by its base name, without BOM and with LF line ends', async () => {
    const file = await write('good.txt', '\uFEFFHeadline\r\n\r\nMr Blunkett met his EU counterparts.\r\n');
    expect(await readArticleFile(file)).toEqual({
      ok: true,
      source: 'good.txt',
      text: 'Headline\n\nMr Blunkett met his EU counterparts.\n',
    });
  });

  it.each([
    ['empty.txt', '', /empty/],
    ['blank.txt', ' \n\t\n ', /empty|whitespace/],
    ['nul.bin', Buffer.from([0x48, 0x69, 0x00, 0x21]), /binary/],
    ['control.bin', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01))), /binary/],
    ['fake-utf16.txt', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00, 0x42, 0x00]), /binary \(not valid UTF-16LE\)/],
  ])('refuses %s with a clear error', async (name, content, message) => {
    const result = await readArticleFile(await write(name, content));
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ source: name, error: expect.stringMatching(message) });
  });

  it('decodes Latin-1 and UTF-16 text, saying which encoding it was in', async () => {
    expect(
      await readArticleFile(await write('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]))),
    ).toEqual({
      ok: true,
      source: 'latin1.txt',
      text: 'Café ok',
      decodedFrom: 'windows-1252',
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zürich talks\r\n', 'utf16le')]);
    expect(await readArticleFile(await write('utf16.txt', utf16))).toEqual({
      ok: true,
      source: 'utf16.txt',
      text: 'Zürich talks\n',
      decodedFrom: 'UTF-16LE',
    });
  });

  it('refuses a file over 5 MB before reading it', async () => {
    const file = await write('huge.txt', '');
    await truncate(file, MAX_ARTICLE_BYTES + 1);
    expect(await readArticleFile(file)).toMatchObject({
      ok: false,
      source: 'huge.txt',
      error: expect.stringMatching(/larger than 5 MB/),
    });
  });

  it('reports missing files and directories', async () => {
    expect(await readArticleFile(path.join(dir, 'missing.txt'))).toEqual({
      ok: false,
      source: 'missing.txt',
      error: 'file not found',
    });
    expect(await readArticleFile(dir)).toMatchObject({ ok: false, error: expect.stringMatching(/directory/) });
  });
});

describe('decodeArticleBytes', () => {
  it('decodes the bytes of an upload the same way', () => {
    expect(decodeArticleBytes('up.txt', new TextEncoder().encode('Talks in Erbil'))).toEqual({
      ok: true,
      source: 'up.txt',
      text: 'Talks in Erbil',
    });
    expect(decodeArticleBytes('up.txt', new Uint8Array([0x41, 0x00, 0x42]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/binary/),
    });
  });
});
