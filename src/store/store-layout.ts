/**
 * The layout of the data a store holds. Earlier newsgraph versions kept every article's facts
 * inside the entity documents; this one keeps them in fact collections, which is not something
 * to convert in place: such a database is refused, with the command that reloads it.
 */
import type { Db } from 'mongodb';
import { BOOKKEEPING_COLLECTIONS, COLLECTIONS } from './collection-names';
import type { StoreStateDocument } from './load/load-entry.document';

export const STORE_LAYOUT_VERSION = 2;

export class StoreLayoutError extends Error {
  constructor(found: string) {
    super(
      `the database "${found}" holds articles stored by an earlier version of newsgraph, in a layout this one ` +
        'cannot read; reload them with `npm run seed -- --reset` (or `newsgraph seed --reset`), which empties the ' +
        'store and loads the seed directory again, or use another database (NEWSGRAPH_DB_NAME, NEWSGRAPH_DATA_DIR)',
    );
    this.name = 'StoreLayoutError';
  }
}

/** Marks an empty store with the current layout; refuses a store in another layout. */
export async function ensureStoreLayout(db: Db): Promise<void> {
  const state = db.collection<StoreStateDocument>(BOOKKEEPING_COLLECTIONS.storeState);
  const marker = await state.findOne({ _id: 'layout' });
  if (marker?.layoutVersion === STORE_LAYOUT_VERSION) return;
  const holdsArticles = (await db.collection(COLLECTIONS.articles).estimatedDocumentCount()) > 0;
  if (marker || holdsArticles) throw new StoreLayoutError(db.databaseName);
  await state.updateOne({ _id: 'layout' }, { $set: { layoutVersion: STORE_LAYOUT_VERSION } }, { upsert: true });
}
