/**
 * Reads one article file as text, refusing anything that is not readable text of sane size, so a
 * bad file becomes a clear error for its caller instead of garbage facts. Text in a legacy
 * encoding (Windows-1252, Latin-1, ...) is decoded, and says which encoding it was in.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, detectEncoding, UTF8 } from './text-encoding.detector';

export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export type ArticleFile =
  | {
      ok: true;
      source: string;
      text: string;
      /** Set when the bytes were not UTF-8: the encoding they were decoded from. */
      decodedFrom?: string;
    }
  | { ok: false; source: string; error: string };
/** Above this share of control characters the bytes are data, not prose. */
const MAX_CONTROL_SHARE = 0.1;
/** With the `u` flag a surrogate pair is one character, so this matches only halves of none. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function controlShare(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) control++;
  }
  return text.length ? control / text.length : 0;
}

/** Turns raw bytes into article text, or explains why they are not one. Pure, so uploads can use it too. */
export function decodeArticleBytes(source: string, bytes: Uint8Array): ArticleFile {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return {
      ok: false,
      source,
      error: `file is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB (${bytes.length} bytes)`,
    };
  }
  const encoding = detectEncoding(bytes);
  if (!encoding.ok) return { ok: false, source, error: encoding.error };
  const text = decodeText(bytes, encoding.encoding).replace(/\r\n?/g, '\n');
  // Bytes that merely start like UTF-16 decode to unpaired surrogates.
  if (LONE_SURROGATE.test(text))
    return { ok: false, source, error: `file is binary (not valid ${encoding.encoding}), not text` };
  if (controlShare(text) > MAX_CONTROL_SHARE)
    return { ok: false, source, error: 'file is binary (mostly control characters), not text' };
  if (!text.trim()) return { ok: false, source, error: 'file is empty or holds only whitespace' };
  return encoding.encoding === UTF8
    ? { ok: true, source, text }
    : { ok: true, source, text, decodedFrom: encoding.encoding };
}

function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `cannot read file: ${err instanceof Error ? err.message : String(err)}`;
}

export async function readArticleFile(filePath: string): Promise<ArticleFile> {
  const source = path.basename(filePath);
  try {
    const info = await stat(filePath);
    if (info.isDirectory()) return { ok: false, source, error: 'is a directory, not a file' };
    if (info.size > MAX_ARTICLE_BYTES) {
      return {
        ok: false,
        source,
        error: `file is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB (${info.size} bytes)`,
      };
    }
    return decodeArticleBytes(source, await readFile(filePath));
  } catch (err) {
    return { ok: false, source, error: describeReadError(err) };
  }
}
