/**
 * The article files under a directory, depth first and in name order within each directory,
 * so that every machine loads them (and resolves entities across them) in the same order.
 * Hidden entries (`.git`, `.DS_Store`) are skipped. Only names are held, never contents.
 */
import { readdir } from 'node:fs/promises';
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

export async function countArticleFiles(dir: string): Promise<number> {
  let count = 0;
  for await (const _ of articleFilePaths(dir)) count++;
  return count;
}
