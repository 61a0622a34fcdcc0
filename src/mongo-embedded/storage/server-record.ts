/**
 * `<dbPath>/newsgraph-embedded.server.json`: where the server serving a data directory listens,
 * written once it listens and removed when it stops, so that tools that cannot open the file
 * while the server holds it (a backup, a loader) reach the data through the server instead.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SERVER_RECORD_FILE = 'newsgraph-embedded.server.json';

export interface ServerRecord {
  uri: string;
  port: number;
  pid: number;
}

function recordFile(dbPath: string): string {
  return path.join(dbPath, SERVER_RECORD_FILE);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function writeServerRecord(dbPath: string, server: { uri: string; port: number }): void {
  const file = recordFile(dbPath);
  const record = { pid: process.pid, uri: server.uri, port: server.port, startedAt: new Date().toISOString() };
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/** Removes the record if it is this process's (a server that was refused must not remove the running one's). */
export function removeServerRecord(dbPath: string): void {
  const file = recordFile(dbPath);
  try {
    const record = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown };
    if (record.pid === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // No record, or an unreadable one: nothing of ours to remove.
  }
}

/** The server serving `dbPath`, or null when there is no record or its process is gone. */
export function readServerRecord(dbPath: string): ServerRecord | null {
  let record: Partial<ServerRecord>;
  try {
    record = JSON.parse(fs.readFileSync(recordFile(dbPath), 'utf8')) as Partial<ServerRecord>;
  } catch {
    return null;
  }
  const { uri, port, pid } = record;
  if (typeof uri !== 'string' || typeof port !== 'number' || typeof pid !== 'number' || !isAlive(pid)) return null;
  return { uri, port, pid };
}
