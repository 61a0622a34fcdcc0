/**
 * The article files under a directory, depth first and in name order within each directory,
 * so that every machine loads them (and resolves entities across them) in the same order.
 * Hidden entries (`.git`, `.DS_Store`) are skipped. Only names are held, never contents.
 * Also sizes the input up front, so progress can tell how far a run has got.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export async function* articleFilePaths(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* articleFilePaths(full);
    else if (entry.isFile() || entry.isSymbolicLink()) yield full;
  }
}

/** How many files, and how many bytes in all, for progress; a file that cannot be read counts 0 bytes. */
export async function measureFiles(
  paths: AsyncIterable<string> | Iterable<string>,
): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const filePath of paths) {
    files++;
    bytes += (await stat(filePath).catch(() => null))?.size ?? 0;
  }
  return { files, bytes };
}
