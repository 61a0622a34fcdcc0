/**
 * Reads article files a little ahead of the loader, several at once, in archive order. Reading
 * a file takes its thread several turns of the event loop (stat, open, read, close); read one at
 * a time behind a load's planning, which holds the loop for tens of milliseconds at a turn, the
 * 512 files of a batch took seconds while the extraction thread sat idle.
 */
import { stat } from 'node:fs/promises';
import { readArticleFile, type ArticleFile } from './article-file.reader';

/**
 * Files read ahead at most: enough that a batch's files need few turns of the loop, few enough
 * that even at the largest article size (5 MB) they hold a bounded amount of memory.
 */
export const READ_AHEAD_FILES = 32;

export interface PrefetchedFile {
  file: ArticleFile;
  /** The file's size on disk, for progress (0 when it cannot be read). */
  bytes: number;
}

/** Reads the file and its size; never rejects (a file that cannot be read is an `ok: false` result). */
export async function prefetchArticleFile(filePath: string): Promise<PrefetchedFile> {
  const [file, info] = await Promise.all([readArticleFile(filePath), stat(filePath).catch(() => null)]);
  return { file, bytes: info?.size ?? 0 };
}

/**
 * Each item with what `start` began for it, `depth` items ahead of the consumer: the work of
 * the next items goes on while the consumer handles this one. `start` must not reject.
 */
export async function* startedAhead<T, R>(
  items: AsyncIterable<T>,
  start: (item: T) => R,
  depth = READ_AHEAD_FILES,
): AsyncGenerator<{ item: T; started: R }> {
  const window: Array<{ item: T; started: R }> = [];
  for await (const item of items) {
    window.push({ item, started: start(item) });
    if (window.length >= depth) yield window.shift()!;
  }
  yield* window;
}
