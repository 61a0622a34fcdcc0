/**
 * The store's version: it changes whenever what readers see can change (a load or a removal
 * applied, from any process; the store reset), and a value is never used twice, so a reader
 * may keep what it derived from the store under it. Concurrent callers share one read, but
 * never one sent before they asked: a client that has just written sees its write's version.
 */
import type { Db } from 'mongodb';
import { BOOKKEEPING_COLLECTIONS } from './collection-names';
import type { StoreStateDocument } from './load/load-entry.document';
import { readOnceForAllWaiting } from './read/identical-read.coalescer';

export async function readStoreVersion(db: Db): Promise<string> {
  const state = db.collection<StoreStateDocument>(BOOKKEEPING_COLLECTIONS.storeState);
  const filter = { _id: 'log' };
  const projection = { appliedSeq: 1, epoch: 1 };
  const log = await readOnceForAllWaiting(db.client, { find: state.namespace, filter, projection }, () =>
    state.findOne(filter, { projection }),
  );
  // No log yet: nothing was ever loaded (or the store was just reset), so there is nothing to see.
  return log ? `${log.epoch ?? 'before-epochs'}:${log.appliedSeq ?? 0}` : 'empty';
}
