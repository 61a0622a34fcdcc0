/**
 * SQLite's `quick_check` of a database file on a worker thread with a read-only connection of
 * its own: it reads the whole file (about a second per 300 MB here), so the server runs it
 * beside serving rather than before, and hears back only if it finds damage.
 */
import { Worker } from 'node:worker_threads';

/** Plain JavaScript: the thread needs nothing but better-sqlite3. */
const CHECK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let problems;
try {
  const database = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    problems = database.pragma('quick_check').map((row) => Object.values(row)[0]).filter((line) => line !== 'ok');
  } finally {
    database.close();
  }
} catch (err) {
  problems = [(err.code ? err.code + ': ' : '') + err.message];
}
parentPort.postMessage(problems);
`;

/** `could not run`: the thread failed to start; `stopped`: the server stopped before it finished. */
export type CheckState = 'running' | 'passed' | 'damaged' | 'could not run' | 'stopped';

/** What serverStatus reports of the start-up check: `not run` for a server kept in memory. */
export type StartupCheckState = CheckState | 'not run';

export interface RunningCheck {
  readonly state: CheckState;
  /** Ends the check early (the server is stopping). */
  stop(): Promise<void>;
}

/** Starts the check; `onDamage` hears the problems it finds, if any. */
export function quickCheckInBackground(file: string, onDamage: (problems: string[]) => void): RunningCheck {
  const worker = new Worker(CHECK_SOURCE, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3') },
  });
  let state: CheckState = 'running';
  worker.once('message', (problems: string[]) => {
    state = problems.length ? 'damaged' : 'passed';
    if (problems.length) onDamage(problems);
  });
  // A check that cannot run (the thread failed to start) is not damage: the reads' own checks remain.
  worker.once('error', () => {
    state = 'could not run';
  });
  worker.unref();
  return {
    get state() {
      return state;
    },
    async stop() {
      await worker.terminate();
      if (state === 'running') state = 'stopped';
    },
  };
}
