/**
 * Backing up and restoring a data directory's database. A backup is a consistent copy taken
 * while the data is in use: through the running server when there is one (it holds the file
 * exclusively; its record file says where it listens), otherwise from the file itself, both with
 * SQLite's online backup. The copy is written beside its destination, checked, and only then
 * renamed into place; it never overwrites a file. A restore puts such a copy in place of a
 * stopped server's database, keeping the database it replaces.
 */
import Database from 'better-sqlite3';
import { MongoClient, type Document } from 'mongodb';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_COMMAND } from '../commands/backup.commands';
import { checkDataDirectory, DATABASE_FILE, lockDataDirectory, recordDataDirectory } from './data-directory.guard';
import { readServerRecord } from './server-record';

export interface BackupResult {
  file: string;
  bytes: number;
  /** Where the copy came from: the running server's address, or the database file. */
  source: string;
}

export interface RestoreResult {
  /** Where the database that the restore replaced was kept, if there was one. */
  kept: string | undefined;
}

/** Opens a copy and checks its structure; throws saying what is wrong with it. */
function checkCopy(file: string, what: string): void {
  let copy: Database.Database;
  try {
    copy = new Database(file, { fileMustExist: true });
  } catch (err) {
    throw new Error(`${what} ${file} cannot be opened: ${(err as Error).message}`, { cause: err });
  }
  try {
    // One self-contained file: no write-ahead log beside it.
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('quick_check') as Array<Record<string, string>>;
    const problems = result.map((row) => Object.values(row)[0]).filter((line) => line !== 'ok');
    if (problems.length) throw new Error(`${what} ${file} is damaged: ${problems.slice(0, 5).join('; ')}`);
  } catch (err) {
    throw new Error(`${what} ${file} is not a sound database: ${(err as Error).message}`, { cause: err });
  } finally {
    copy.close();
  }
}

async function copyThroughServer(uri: string, partial: string): Promise<void> {
  const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 }).connect();
  const fd = fs.openSync(partial, 'wx');
  try {
    for await (const chunk of client.db('admin').runCursorCommand({ [BACKUP_COMMAND]: 1 }) as AsyncIterable<Document>) {
      fs.writeSync(fd, (chunk.data as { buffer: Uint8Array }).buffer);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
    await client.close();
  }
}

async function copyFromFile(source: string, partial: string): Promise<void> {
  const database = new Database(source, { fileMustExist: true });
  try {
    await database.backup(partial);
  } finally {
    database.close();
  }
}

/** Copies the database of data directory `dbPath` to `file` (a new file), consistently, while it may be in use. */
export async function backupDatabase(dbPath: string, file: string): Promise<BackupResult> {
  const destination = path.resolve(file);
  if (fs.existsSync(destination)) {
    throw new Error(`${destination} already exists; a backup never overwrites a file, so name a new one`);
  }
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  const running = readServerRecord(dbPath);
  const databaseFile = path.join(dbPath, DATABASE_FILE);
  try {
    if (running) {
      await copyThroughServer(running.uri, partial);
    } else {
      // The lock keeps a server from starting on the directory while the copy is taken.
      const lock = lockDataDirectory(dbPath);
      try {
        checkDataDirectory(dbPath);
        if (!fs.existsSync(databaseFile)) throw new Error(`there is no database in ${dbPath} to back up`);
        await copyFromFile(databaseFile, partial);
      } finally {
        lock.release();
      }
    }
    checkCopy(partial, 'the backup');
    fs.renameSync(partial, destination);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return {
    file: destination,
    bytes: fs.statSync(destination).size,
    source: running ? `the server running at ${running.uri} (pid ${running.pid})` : databaseFile,
  };
}

/**
 * Makes `backupFile` the database of data directory `dbPath`, whose server must be stopped. The
 * backup is checked first; the database it replaces (if any) is kept beside it.
 */
export function restoreDatabase(dbPath: string, backupFile: string): RestoreResult {
  const running = readServerRecord(dbPath);
  if (running) {
    throw new Error(
      `a server is running on ${dbPath} (pid ${running.pid}, ${running.uri}); stop it, then restore again`,
    );
  }
  checkCopy(backupFile, 'the backup');
  fs.mkdirSync(dbPath, { recursive: true });
  const lock = lockDataDirectory(dbPath);
  try {
    const databaseFile = path.join(dbPath, DATABASE_FILE);
    const incoming = `${databaseFile}.restoring`;
    fs.copyFileSync(backupFile, incoming);
    let kept: string | undefined;
    if (fs.existsSync(databaseFile) && fs.statSync(databaseFile).size > 0) {
      kept = `${databaseFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(databaseFile, kept);
      for (const suffix of ['-wal', '-shm']) {
        if (fs.existsSync(databaseFile + suffix)) fs.renameSync(databaseFile + suffix, kept + suffix);
      }
    } else {
      for (const suffix of ['-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true });
    }
    fs.renameSync(incoming, databaseFile);
    recordDataDirectory(dbPath);
    return { kept };
  } finally {
    lock.release();
  }
}
