/**
 * The record a running embedded server keeps in its data directory (`newsgraph-embedded.server.json`:
 * pid, uri, port, startedAt), so other programs (`npm run seed`) can reach the server that holds
 * the directory instead of failing on its lock. Written once the server listens, removed on a clean stop.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SERVER_RECORD_FILE = 'newsgraph-embedded.server.json';

export interface ServerRecord {
  uri: string;
  port: number;
  pid: number;
}

function recordPath(dbPath: string): string {
  return path.join(dbPath, SERVER_RECORD_FILE);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function writeServerRecord(dbPath: string, server: { uri: string; port: number }): void {
  const record = { pid: process.pid, uri: server.uri, port: server.port, startedAt: new Date().toISOString() };
  fs.writeFileSync(recordPath(dbPath), `${JSON.stringify(record, null, 2)}\n`);
}

export function removeServerRecord(dbPath: string): void {
  fs.rmSync(recordPath(dbPath), { force: true });
}

/** The server holding `dbPath`, or null when none recorded itself there or its process is gone. */
export function readServerRecord(dbPath: string): ServerRecord | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(recordPath(dbPath), 'utf8'));
  } catch {
    return null;
  }
  const { pid, uri, port } = (parsed ?? {}) as Partial<ServerRecord>;
  if (typeof pid !== 'number' || typeof uri !== 'string' || typeof port !== 'number') return null;
  return processAlive(pid) ? { uri, port, pid } : null;
}
