/**
 * Which character encoding a file's bytes are in: UTF-8 (with or without BOM), UTF-16 with a
 * BOM, or a legacy single- or multi-byte encoding (Windows-1252, Latin-1, ...) told by chardet's
 * byte statistics and decoded by iconv-lite. Bytes with NULs and no UTF-16 BOM are binary.
 * Works on a whole buffer (an article file) or chunk by chunk (a dataset of hundreds of MB).
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type EncodingVerdict = { ok: true; encoding: string } | { ok: false; error: string };

export const UTF8 = 'UTF-8';

/**
 * chardet's names for the Western encodings; Latin-1 text is decoded as Windows-1252 (as browsers
 * do), which maps 0x80-0x9F to the curly quotes and dashes such files really hold.
 */
const DECODE_AS: Record<string, string> = { 'ISO-8859-1': 'windows-1252' };
const WESTERN = new Set(['ISO-8859-1', 'windows-1252']);
/** Enough bytes around the non-UTF-8 ones for chardet to judge the language and encoding. */
const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_WINDOW = 4 * 1024;

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return null;
}

/** Bytes at the end that start a UTF-8 sequence the next chunk completes. */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * The legacy encoding chardet finds most likely (preferring Western on a tie), if iconv-lite can
 * decode it. A sample too small for chardet to judge is taken as Windows-1252, the usual one.
 */
function legacyEncoding(sample: Uint8Array): string {
  const candidates = chardet
    .analyse(sample)
    .filter((c) => c.name !== 'ASCII' && c.name !== 'UTF-8' && iconv.encodingExists(c.name));
  if (!candidates.length) return 'windows-1252';
  const best = candidates[0];
  const western = candidates.find((c) => WESTERN.has(c.name) && c.confidence === best.confidence);
  return (western ?? best).name;
}

/** Feeds a file's bytes in order, then gives its encoding or why it is not text. */
export class EncodingDetector {
  private first = true;
  private bom: string | null = null;
  private tail: Uint8Array = new Uint8Array(0);
  private utf8 = true;
  private binary = false;
  private readonly sample: Buffer[] = [];
  private sampleBytes = 0;

  push(chunk: Uint8Array): void {
    if (this.first) {
      this.first = false;
      this.bom = bomEncoding(chunk);
    }
    if (this.bom || this.binary) return;
    if (chunk.includes(0)) {
      this.binary = true;
      return;
    }
    if (this.utf8) {
      const joined = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
      const tail = incompleteUtf8Tail(joined);
      this.utf8 = isUtf8(joined.subarray(0, joined.length - tail));
      this.tail = joined.subarray(joined.length - tail);
    }
    this.collectSample(chunk);
  }

  /** Keeps windows of bytes that are not ASCII: what tells one legacy encoding from another. */
  private collectSample(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && this.sampleBytes < SAMPLE_BYTES; i++) {
      if (chunk[i] < 0x80) continue;
      const window = Buffer.from(chunk.subarray(Math.max(0, i - 64), i + SAMPLE_WINDOW));
      this.sample.push(window);
      this.sampleBytes += window.length;
      i += SAMPLE_WINDOW;
    }
  }

  verdict(): EncodingVerdict {
    if (this.bom) return { ok: true, encoding: this.bom };
    if (this.binary) return { ok: false, error: 'file is binary (contains NUL bytes), not text' };
    if (this.utf8 && this.tail.length === 0) return { ok: true, encoding: UTF8 };
    return { ok: true, encoding: legacyEncoding(Buffer.concat(this.sample)) };
  }
}

export function detectEncoding(bytes: Uint8Array): EncodingVerdict {
  const detector = new EncodingDetector();
  detector.push(bytes);
  return detector.verdict();
}

/** Bytes in `encoding` as text, without a byte-order mark. */
export function decodeText(bytes: Uint8Array, encoding: string): string {
  if (encoding === UTF8) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  }
  return iconv.decode(Buffer.from(bytes), DECODE_AS[encoding] ?? encoding);
}

/** A stream turning bytes in `encoding` into text (split characters and a BOM handled). */
export function decodingStream(encoding: string): NodeJS.ReadWriteStream {
  return iconv.decodeStream(DECODE_AS[encoding] ?? encoding);
}
