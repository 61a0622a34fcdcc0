/** How many entities of a kind the graph holds (tombstones left out): what a seed summary reports. */
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collection-names';
import { LIVE } from '../documents/support.document';
import type { EntityCollection } from '../load/load-plan.type';

export function countLiveEntities(db: Db, collection: EntityCollection): Promise<number> {
  return db.collection(COLLECTIONS[collection]).countDocuments(LIVE);
}
