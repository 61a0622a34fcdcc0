/**
 * The decoded documents most recently read or written, up to a budget of memory, shared by every
 * collection of the server: what bounds the server's memory, since SQLite holds the data. Least
 * recently used documents go first. Cached documents are shared with every reader, so nothing may
 * change them (updates build new documents).
 */
import type { Document } from 'bson';

/**
 * Decoded, the documents of a newsgraph store take about twice their stored (BSON) size in the
 * heap (2.0x, measured over 41,607 of them from every collection). Counted by stored size alone, a
 * full 64 MiB cache held some 150 MB of heap.
 */
const DECODED_BYTES_PER_STORED_BYTE = 2;
/** The cache's entry for a document, and its slot in the collection's map. */
const ENTRY_BYTES = 160;

/** The bytes a cached document counts for in the budget, from its stored size. */
export function cachedMemoryOf(storedBytes: number): number {
  return DECODED_BYTES_PER_STORED_BYTE * storedBytes + ENTRY_BYTES;
}

interface Entry {
  collectionId: number;
  seq: number;
  doc: Document;
  bytes: number;
  older: Entry | undefined;
  newer: Entry | undefined;
}

/** Bytes as the budget counts them (`cachedMemoryOf`). */
export interface DocumentCacheStats {
  maxBytes: number;
  bytes: number;
  documents: number;
  hits: number;
  misses: number;
  evictions: number;
}

export class DocumentCache {
  private readonly byCollection = new Map<number, Map<number, Entry>>();
  private oldest: Entry | undefined;
  private newest: Entry | undefined;
  private bytes = 0;
  private documents = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(readonly maxBytes: number) {}

  get(collectionId: number, seq: number): Document | undefined {
    const entry = this.byCollection.get(collectionId)?.get(seq);
    if (!entry) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    if (entry !== this.newest) {
      this.unlink(entry);
      this.append(entry);
    }
    return entry.doc;
  }

  set(collectionId: number, seq: number, doc: Document, storedBytes: number): void {
    this.delete(collectionId, seq);
    const bytes = cachedMemoryOf(storedBytes);
    // A document larger than the whole budget would only push everything else out.
    if (bytes > this.maxBytes) return;
    let entries = this.byCollection.get(collectionId);
    if (!entries) {
      entries = new Map();
      this.byCollection.set(collectionId, entries);
    }
    const entry: Entry = { collectionId, seq, doc, bytes, older: undefined, newer: undefined };
    entries.set(seq, entry);
    this.append(entry);
    this.bytes += bytes;
    this.documents += 1;
    while (this.bytes > this.maxBytes && this.oldest) {
      this.remove(this.oldest);
      this.evictions += 1;
    }
  }

  /** Puts a new version in place of a cached one; a document not in the cache stays out of it. */
  replace(collectionId: number, seq: number, doc: Document, storedBytes: number): void {
    if (this.byCollection.get(collectionId)?.has(seq)) this.set(collectionId, seq, doc, storedBytes);
  }

  delete(collectionId: number, seq: number): void {
    const entry = this.byCollection.get(collectionId)?.get(seq);
    if (entry) this.remove(entry);
  }

  /** Forgets a dropped collection's documents. */
  dropCollection(collectionId: number): void {
    for (const entry of this.byCollection.get(collectionId)?.values() ?? []) this.remove(entry);
    this.byCollection.delete(collectionId);
  }

  /** Forgets everything: after a rolled-back write, cached versions may not be what is stored. */
  clear(): void {
    this.byCollection.clear();
    this.oldest = undefined;
    this.newest = undefined;
    this.bytes = 0;
    this.documents = 0;
  }

  stats(): DocumentCacheStats {
    return {
      maxBytes: this.maxBytes,
      bytes: this.bytes,
      documents: this.documents,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
    };
  }

  private remove(entry: Entry): void {
    this.unlink(entry);
    this.byCollection.get(entry.collectionId)?.delete(entry.seq);
    this.bytes -= entry.bytes;
    this.documents -= 1;
  }

  private unlink(entry: Entry): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = undefined;
    entry.newer = undefined;
  }

  private append(entry: Entry): void {
    entry.older = this.newest;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }
}
