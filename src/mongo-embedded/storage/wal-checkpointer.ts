/**
 * Folding the write-ahead log back into the database file (SQLite's checkpoint) on a thread of
 * its own, with a connection of its own, a few times a second while commands write. Left to the
 * server's connection, a checkpoint runs inside the commit that crosses the log's mark, copying
 * every page written since the last one and syncing both files, while every other command waits.
 * Here a passive checkpoint copies what it can without holding up writers or readers; the
 * server's connection keeps a far higher mark only as a bound on the log should this thread fall
 * behind. A commit is durable once it is in the log, so nothing of durability rests on this.
 */
import { Worker } from 'node:worker_threads';

/** Plain JavaScript: the thread needs nothing but better-sqlite3. */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.file, { fileMustExist: true });
database.pragma('synchronous = NORMAL');
// A writer holding its lock for a moment is waited for rather than failed on.
database.pragma('busy_timeout = 1000');
let written = 0;
let timer;
function checkpoint() {
  const now = Atomics.load(workerData.commits, 0);
  if (now !== written) {
    written = now;
    try {
      database.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      // Busy or failing now: the next round tries again, and the server's own mark bounds the log.
    }
  }
  timer = setTimeout(checkpoint, workerData.intervalMs);
}
timer = setTimeout(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearTimeout(timer);
  database.close();
  parentPort.postMessage('closed');
  parentPort.close();
});
`;

/** How often the thread looks whether anything was committed since its last checkpoint. */
const CHECKPOINT_INTERVAL_MS = 500;

export interface RunningCheckpointer {
  /** Tells the thread a write transaction was committed. */
  committed(): void;
  /** Closes the thread's connection (before the server's last one closes, so that one folds the log back) and ends it. */
  stop(): Promise<void>;
}

export function checkpointInBackground(file: string): RunningCheckpointer {
  const commits = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), commits, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  // A thread that cannot run leaves the checkpoints to the server's connection, as without it.
  worker.once('error', () => undefined);
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    committed() {
      Atomics.add(commits, 0, 1);
    },
    async stop() {
      const closed = new Promise<void>((resolve) => worker.once('message', () => resolve()));
      worker.postMessage('stop');
      await Promise.race([closed, exited]);
      await worker.terminate();
    },
  };
}
