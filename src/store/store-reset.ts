/** Empties every newsgraph collection (for `seed --reset`) and recreates their indexes. */
import type { Db } from 'mongodb';
import { COLLECTIONS } from './collection-names';
import { ensureIndexes } from './indexes';

export async function resetStore(db: Db): Promise<void> {
  for (const name of Object.values(COLLECTIONS))
    await db
      .collection(name)
      .drop()
      .catch(() => false);
  await ensureIndexes(db);
}
