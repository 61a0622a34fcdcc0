/**
 * Every document of every newsgraph collection, sorted by id, as knowledge: without the
 * loaders' bookkeeping (which load-log entry wrote a document, when a load ran) and without
 * tombstones (what loads emptied): two stores that hold the same knowledge give equal dumps.
 */
import type { Db, Document } from 'mongodb';
import { COLLECTIONS } from '../../src/store';

export type CollectionDump = Record<string, Document[]>;

const BOOKKEEPING_FIELDS = ['seq', 'writtenBy', 'ingestedAt', 'updatedAt'];

function isTombstone(doc: Document): boolean {
  return doc.articleCount === 0 || doc.sharedMeetingCount === 0 || doc.version === null;
}

export async function dumpCollections(db: Db): Promise<CollectionDump> {
  const dump: CollectionDump = {};
  for (const name of Object.values(COLLECTIONS)) {
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    dump[name] = docs
      .filter((doc) => !isTombstone(doc))
      .map((doc) => Object.fromEntries(Object.entries(doc).filter(([field]) => !BOOKKEEPING_FIELDS.includes(field))));
  }
  return dump;
}
