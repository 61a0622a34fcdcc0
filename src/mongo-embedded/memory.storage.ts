/**
 * Storage for tests and throwaway servers: the in-memory working set is the only copy, so
 * there is nothing to load and nothing to write.
 */
import type { DocumentStorage, StoredCollection } from './storage.type';

export class MemoryStorage implements DocumentStorage {
  load(): StoredCollection[] {
    return [];
  }

  apply(): void {}

  close(): void {}

  sizeOnDisk(): number {
    return 0;
  }
}
