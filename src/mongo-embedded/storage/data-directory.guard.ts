/**
 * What keeps a data directory safe from misuse: its lock, held by the one process that may use
 * its database (a server, or a backup, check or restore while no server runs), and its own
 * record that it holds a database, so that a database file that has gone missing or been emptied
 * (a bad copy, a truncation, a restore gone wrong) is refused rather than served as an empty
 * store, which `npm start` would then quietly re-seed.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { readServerRecord } from './server-record';

export const DATABASE_FILE = 'newsgraph-embedded.sqlite';
const MANIFEST_FILE = 'newsgraph-embedded.manifest.json';
const LOCK_FILE = 'newsgraph-embedded.lock';

export interface DirectoryLock {
  release(): void;
}

/**
 * Takes the directory's lock (an exclusive SQLite lock on a file of its own, which the operating
 * system releases if the process dies), or throws saying who holds it.
 */
export function lockDataDirectory(dir: string): DirectoryLock {
  const lock = new Database(path.join(dir, LOCK_FILE), { timeout: 200 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN IMMEDIATE; COMMIT');
  } catch (err) {
    lock.close();
    if (!/locked|busy/i.test((err as Error).message)) throw err;
    const running = readServerRecord(dir);
    const holder = running
      ? `another embedded MongoDB server (pid ${running.pid}, listening at ${running.uri})`
      : 'another embedded MongoDB server, or a backup, check or restore';
    throw new Error(`the data directory ${dir} is in use by ${holder}`, { cause: err });
  }
  return {
    release: () => {
      if (lock.open) lock.close();
    },
  };
}

interface Manifest {
  database: string;
  createdAt: string;
}

function sizeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).size;
  } catch {
    return undefined;
  }
}

function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Throws, saying how to recover, when `dir` once held a database whose file is now missing or empty. */
export function checkDataDirectory(dir: string): void {
  const file = path.join(dir, DATABASE_FILE);
  const size = sizeOf(file);
  if (size !== undefined && size > 0) return;
  const manifest = readManifest(dir);
  const walBytes = sizeOf(`${file}-wal`) ?? 0;
  if (!manifest && walBytes === 0) return;
  const state = size === undefined ? 'is missing' : 'is empty (0 bytes)';
  const evidence = manifest
    ? `${MANIFEST_FILE} records a database created there on ${manifest.createdAt}`
    : `its write-ahead log ${DATABASE_FILE}-wal holds ${walBytes} bytes of changes`;
  throw new Error(
    `the data directory ${dir} held an embedded MongoDB database (${evidence}), but its database file ${file} ${state}, ` +
      'so its data is gone; the server will not start on it as if it were new. Next: restore the latest backup ' +
      `(\`newsgraph-mongod --restore BACKUP_FILE --dbpath ${dir}\`), or, to start again from nothing, delete ${dir} ` +
      'and load the data again (`npm run seed -- --reset`, or `npm start`, which seeds an empty store)',
  );
}

/** Notes that `dir` holds a database; written once, when the database is created or adopted. */
export function recordDataDirectory(dir: string): void {
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (fs.existsSync(manifestFile)) return;
  const manifest: Manifest = { database: DATABASE_FILE, createdAt: new Date().toISOString() };
  const temporary = `${manifestFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(temporary, manifestFile);
}
