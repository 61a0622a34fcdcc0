/**
 * What a storage failure means for the user: SQLite's own messages ("database disk image is
 * malformed") name neither the file nor a way out, so each failure becomes a MongoDB-shaped error
 * that says which file, what happened and what to do next.
 */
import { MongoServerError } from '../common/mongo-server.error';

/** Where the data lives, as messages name it. */
export interface StorageLocation {
  /** The data directory, or undefined for an in-memory server. */
  dir: string | undefined;
  /** The database file, or ':memory:'. */
  file: string;
}

export function describeLocation(location: StorageLocation): string {
  return location.dir === undefined ? 'the in-memory database' : location.file;
}

/** How to get good data back into a damaged directory: the lines every corruption message ends with. */
export function recoverySteps(dir: string): string {
  return (
    `stop the server, run \`newsgraph-mongod --check --dbpath ${dir}\` to see what is damaged, then restore ` +
    `the latest backup (\`newsgraph-mongod --restore BACKUP_FILE --dbpath ${dir}\`) or move ${dir} aside and ` +
    'load the data again (`npm run seed -- --reset`)'
  );
}

/**
 * Whether better-sqlite3 threw it. By its shape rather than `instanceof`: the addon is loaded once
 * per process and keeps the error class of whichever context loaded it first (a test runner's
 * sandbox, say), so its errors need not be instances of this context's class.
 */
export function isSqliteError(err: unknown): err is Error & { code: string } {
  const candidate = err as { name?: unknown; code?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.name === 'SqliteError' &&
    typeof candidate.code === 'string' &&
    candidate.code.startsWith('SQLITE_')
  );
}

/** Whether the error says the file itself is damaged (as opposed to full, locked or unreadable). */
function isCorruption(err: unknown): boolean {
  return isSqliteError(err) && /^SQLITE_(CORRUPT|NOTADB)/.test(err.code);
}

/** The error to report for a SQLite failure; anything else is returned unchanged. */
export function storageError(err: unknown, location: StorageLocation): unknown {
  if (!isSqliteError(err)) return err;
  const where = describeLocation(location);
  const cause = `SQLite ${err.code}: ${err.message}`;
  if (location.dir === undefined) {
    return new MongoServerError('InternalError', `storage failed in ${where} (${cause})`);
  }
  const dir = location.dir;
  if (isCorruption(err)) {
    return new MongoServerError(
      'DataCorruptionDetected',
      `the database file ${where} is damaged (${cause}); nothing damaged is served. Next: ${recoverySteps(dir)}`,
    );
  }
  if (err.code === 'SQLITE_FULL') {
    return new MongoServerError(
      'OutOfDiskSpace',
      `the disk holding ${where} is full (${cause}); the command's changes were not saved. Next: free disk space, then retry the command`,
    );
  }
  if (err.code.startsWith('SQLITE_READONLY') || err.code.startsWith('SQLITE_PERM')) {
    return new MongoServerError(
      'InternalError',
      `${where} cannot be written (${cause}); the command's changes were not saved. Next: give the server's user write permission on ${dir} and its files, then restart the server`,
    );
  }
  if (err.code.startsWith('SQLITE_IOERR') || err.code.startsWith('SQLITE_CANTOPEN')) {
    return new MongoServerError(
      'InternalError',
      `reading or writing ${where} failed (${cause}); the command's changes were not saved. Next: check the disk (free space, permissions, the kernel log), then restart the server; if the error returns, ${recoverySteps(dir)}`,
    );
  }
  return new MongoServerError(
    'InternalError',
    `storage failed on ${where} (${cause}). Next: run \`newsgraph-mongod --check --dbpath ${dir}\` once the server is stopped; if it reports damage, restore a backup`,
  );
}
