/**
 * Raised when a write finds that another writer changed a document since this load read it (or
 * inserted the same natural key first). The loader then starts its articles over from what is
 * stored now, which converges because a load only ever replaces its own articles' contributions.
 */
import { MongoServerError } from 'mongodb';

const DUPLICATE_KEY = 11000;

export class WriteConflictError extends Error {
  constructor(collection: string) {
    super(`another writer changed "${collection}" while these articles were being loaded`);
    this.name = 'WriteConflictError';
  }
}

export function isDuplicateKeyError(err: unknown): boolean {
  return err instanceof MongoServerError && err.code === DUPLICATE_KEY;
}
