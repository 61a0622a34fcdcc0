/**
 * Backup and restore, as a user runs them: `npm run backup -- FILE` copies a running server's
 * data through the server while a client keeps writing, and the copy is consistent (every write
 * up to a point, none after); `newsgraph-mongod --restore` puts it in place of a stopped
 * server's database; with no server running, the backup reads the file itself.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Document } from 'mongodb';
import { backupDatabase, checkDatabase, restoreDatabase, startEmbeddedMongo } from '../../src/mongo-embedded';
import { withEmbeddedClient } from '../helpers/embedded-client';
import { runMongodTool } from '../helpers/mongod-process';

const describeEmbedded = process.env.MONGODB_URI ? describe.skip : describe;
const ROOT = path.join(__dirname, '..', '..');

/** `npm run backup -- FILE` with NEWSGRAPH_DATA_DIR set, run without blocking this process (it may host the server). */
function backup(dataDir: string, file: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/cli/main.ts', 'backup', file], {
    cwd: ROOT,
    env: { ...process.env, NEWSGRAPH_DATA_DIR: dataDir },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, stdout, stderr })));
}

const byN = (docs: Document[]) => [...docs].sort((a, b) => a.n - b.n);

describeEmbedded('backup and restore', () => {
  let work: string;
  let source: string;
  let target: string;
  let backupFile: string;

  beforeEach(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-backup-'));
    source = path.join(work, 'source');
    target = path.join(work, 'target');
    backupFile = path.join(work, 'copy.sqlite');
  });

  afterEach(() => {
    rmSync(work, { recursive: true, force: true });
  });

  const readAll = (dataDir: string) =>
    withEmbeddedClient(
      () => startEmbeddedMongo({ dbPath: dataDir }),
      async (client) => byN(await client.db('app').collection('writes').find({}).toArray()),
    );

  it('copies a running server consistently while a client writes, and restores the copy', async () => {
    const server = await startEmbeddedMongo({ dbPath: source });
    const client = await new MongoClient(server.uri).connect();
    let written = 0;
    try {
      const writes = client.db('app').collection('writes');
      await writes.createIndex({ n: 1 }, { unique: true });
      await writes.insertMany(Array.from({ length: 300 }, () => ({ n: written++, text: 'before the backup' })));
      let writing = true;
      const writer = (async () => {
        while (writing) await writes.insertOne({ n: written++, text: 'while the backup runs' });
      })();
      const result = await backup(source, backupFile);
      writing = false;
      await writer;
      expect(result).toMatchObject({ status: 0, stderr: '' });
      expect(result.stdout).toContain(`backed up the server running at ${server.uri}`);
    } finally {
      await client.close();
      await server.stop();
    }

    const restore = runMongodTool(['--restore', backupFile, '--dbpath', target]);
    expect(restore).toMatchObject({ status: 0, stderr: '' });
    const copied = await readAll(target);
    const original = await readAll(source);
    // Every write up to some point and none after it: a prefix of the writes, in full.
    expect(copied.length).toBeGreaterThanOrEqual(300);
    expect(copied.length).toBeLessThan(written);
    expect(copied.map((d) => d.n)).toEqual(Array.from({ length: copied.length }, (_, n) => n));
    expect(copied).toEqual(original.slice(0, copied.length));
    await withEmbeddedClient(
      () => startEmbeddedMongo({ dbPath: target }),
      async (client) => {
        await expect(client.db('app').collection('writes').insertOne({ n: 0 })).rejects.toMatchObject({ code: 11000 });
      },
    );
    expect(checkDatabase(target).problems).toEqual([]);
  }, 60_000);

  it('copies from the file when no server runs, never overwrites a file, and keeps what a restore replaces', async () => {
    await withEmbeddedClient(
      () => startEmbeddedMongo({ dbPath: source }),
      (client) =>
        client
          .db('app')
          .collection('writes')
          .insertMany([{ n: 1 }, { n: 2 }]),
    );
    writeFileSync(backupFile, 'something else');
    await expect(backupDatabase(source, backupFile)).rejects.toThrow(`${backupFile} already exists`);
    rmSync(backupFile);

    const copied = await backupDatabase(source, backupFile);
    expect(copied.source).toBe(path.join(source, 'newsgraph-embedded.sqlite'));
    await withEmbeddedClient(
      () => startEmbeddedMongo({ dbPath: target }),
      (client) => client.db('app').collection('writes').insertOne({ n: 99 }),
    );
    const { kept } = restoreDatabase(target, backupFile);
    expect(kept && existsSync(kept)).toBe(true);
    expect((await readAll(target)).map((d) => d.n)).toEqual([1, 2]);
  });

  it('refuses to restore while a server runs on the directory', async () => {
    await withEmbeddedClient(
      () => startEmbeddedMongo({ dbPath: source }),
      (client) => client.db('app').collection('writes').insertOne({ n: 1 }),
    );
    await backupDatabase(source, backupFile);
    const server = await startEmbeddedMongo({ dbPath: target });
    try {
      expect(() => restoreDatabase(target, backupFile)).toThrow(`a server is running on ${target}`);
    } finally {
      await server.stop();
    }
  });
});
