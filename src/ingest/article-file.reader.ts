/**
 * Reads one article file as text, refusing anything that is not a readable UTF-8 text of
 * sane size, so a bad file becomes a clear error for its caller instead of garbage facts.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export type ArticleFile = { ok: true; source: string; text: string } | { ok: false; source: string; error: string };

const UTF8_BOM = '\uFEFF';
/** Above this share of control characters the bytes are data, not prose. */
const MAX_CONTROL_SHARE = 0.1;

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
  if (bytes.includes(0)) return { ok: false, source, error: 'file is binary (contains NUL bytes), not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, source, error: 'file is not valid UTF-8 text' };
  }
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (controlShare(text) > MAX_CONTROL_SHARE)
    return { ok: false, source, error: 'file is binary (mostly control characters), not text' };
  if (!text.trim()) return { ok: false, source, error: 'file is empty or holds only whitespace' };
  return { ok: true, source, text };
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
