/** Empties every newsgraph collection (for `seed --reset`), whatever layout it was in, and recreates the indexes. */
import type { Db } from 'mongodb';
import { BOOKKEEPING_COLLECTIONS, COLLECTIONS } from './collection-names';
import { ensureIndexes } from './indexes';

export async function resetStore(db: Db): Promise<void> {
  for (const name of [...Object.values(COLLECTIONS), ...Object.values(BOOKKEEPING_COLLECTIONS)])
    await db
      .collection(name)
      .drop()
      .catch(() => false);
  await ensureIndexes(db);
}
