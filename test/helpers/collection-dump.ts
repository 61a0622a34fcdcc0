/**
 * Every document of every newsgraph collection, sorted by id, without the article timestamps
 * (which record when a load ran, not what it loaded): two stores that hold the same knowledge
 * give equal dumps.
 */
import type { Db, Document } from 'mongodb';
import { COLLECTIONS } from '../../src/store';

export type CollectionDump = Record<string, Document[]>;

export async function dumpCollections(db: Db): Promise<CollectionDump> {
  const dump: CollectionDump = {};
  for (const name of Object.values(COLLECTIONS)) {
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    dump[name] = docs.map(({ ingestedAt: _ingestedAt, updatedAt: _updatedAt, ...rest }) => rest);
  }
  return dump;
}
