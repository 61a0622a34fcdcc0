import iconv from 'iconv-lite';
import { decodeText, detectEncoding, EncodingDetector } from '../../src/ingest/text-encoding.detector';

function detectInChunks(bytes: Buffer, size: number) {
  const detector = new EncodingDetector();
  for (let i = 0; i < bytes.length; i += size) detector.push(bytes.subarray(i, i + size));
  return detector.verdict();
}

describe('text encoding detection', () => {
  const western = 'Señor Muñoz met François Hollande in Zürich: “a useful meeting”, he said – twice.';

  it('keeps UTF-8 even when a character is split across chunks', () => {
    const bytes = Buffer.from(`${'a'.repeat(4095)}é${western}`, 'utf8');
    expect(detectInChunks(bytes, 4096)).toEqual({ ok: true, encoding: 'UTF-8' });
    expect(detectInChunks(bytes, 1)).toEqual({ ok: true, encoding: 'UTF-8' });
  });

  it('finds Windows-1252 after a long ASCII start, and decodes it', () => {
    const bytes = iconv.encode(`${'Plain ASCII prose. '.repeat(20_000)}${western}`, 'windows-1252');
    const verdict = detectInChunks(bytes, 64 * 1024);
    expect(verdict).toEqual({ ok: true, encoding: expect.stringMatching(/^(windows-1252|ISO-8859-1)$/) });
    expect(decodeText(bytes, (verdict as { encoding: string }).encoding).endsWith(western)).toBe(true);
  });

  it('does not take UTF-8 cut off in the middle of a character for UTF-8', () => {
    const bytes = Buffer.from('Zürich', 'utf8').subarray(0, 2);
    expect(detectEncoding(bytes)).not.toEqual({ ok: true, encoding: 'UTF-8' });
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(western, 'utf16le')]);
    const verdict = detectEncoding(bytes);
    expect(verdict).toEqual({ ok: true, encoding: 'UTF-16LE' });
    expect(decodeText(bytes, 'UTF-16LE')).toBe(western);
  });

  it('refuses bytes with NULs as binary', () => {
    expect(detectEncoding(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x00, 0x01]))).toEqual({
      ok: false,
      error: expect.stringMatching(/binary/),
    });
  });
});
