/**
 * `newsgraphBackup` (admin database): the server's whole database as a cursor of binary chunks,
 * copied consistently with SQLite's online backup while other commands go on. The server holds
 * its file exclusively, so this is how a running server is backed up (`npm run backup` sends it
 * through the official driver and writes the chunks to the backup file).
 */
import { Binary } from 'bson';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandHandler } from './command-context.type';
import type { DocumentStream } from '../query/document.stream';
import { MongoServerError } from '../common/mongo-server.error';

export const BACKUP_COMMAND = 'newsgraphBackup';
/** Bytes per document of the reply: a few per batch. */
const CHUNK_BYTES = 4 * 2 ** 20;
const TEMPORARY_PREFIX = '.newsgraph-backup-';

/** The file's bytes as `{ data }` documents; the file is closed and removed once read or abandoned. */
function* fileChunks(file: string, fd: number): DocumentStream {
  try {
    for (;;) {
      const buffer = Buffer.alloc(CHUNK_BYTES);
      const read = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) return;
      yield [{ data: new Binary(buffer.subarray(0, read)) }];
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
}

/** Removes copies a server stopped half-way through sending (they live in the data directory). */
export function removeStaleBackupFiles(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(TEMPORARY_PREFIX)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

export const backupCommands: Record<string, CommandHandler> = {
  [BACKUP_COMMAND]: async (_cmd, ctx) => {
    if (ctx.db !== 'admin') {
      throw new MongoServerError('Unauthorized', `${BACKUP_COMMAND} may only be run against the admin database.`);
    }
    const dir = ctx.engine.dataDirectory ?? os.tmpdir();
    const copy = path.join(dir, `${TEMPORARY_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      await ctx.engine.backup(copy);
    } catch (err) {
      fs.rmSync(copy, { force: true });
      throw err;
    }
    const chunks = fileChunks(copy, fs.openSync(copy, 'r'));
    // The default first batch, whatever the client asked: the stream must start to be cleaned up.
    const cursor = await ctx.cursors.openStream(
      `admin.$cmd.${BACKUP_COMMAND}`,
      chunks,
      undefined,
      false,
      ctx.engine.deadline(undefined),
    );
    return { cursor, ok: 1 };
  },
};
