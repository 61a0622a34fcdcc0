/**
 * `startEmbeddedMongoThread`: the embedded server on a worker thread of this process, so its
 * CPU work (decoding, matching, sorting, SQLite commits) does not queue behind the caller's
 * own work on one event loop, while the program stays one process that one Ctrl-C stops.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbeddedMongo, EmbeddedMongoOptions } from '../index';
import { removeServerRecord } from '../storage/server-record';

export type EmbeddedMongoThreadOptions = EmbeddedMongoOptions & {
  /**
   * Called when the thread ends without `stop()` having been asked for: the server is gone and
   * every later command will fail. Without it, the error is thrown from the event handler, which
   * ends the process with that message, the right outcome for a program that needs its database.
   */
  onCrash?: (error: Error) => void;
  /**
   * How long `stop()` waits for the server to close before terminating its thread (default 10 s).
   * A read stops at its next pause; only a command stuck in one long computation needs the terminate.
   */
  stopTimeoutMs?: number;
};

/** What the worker posts back once, after trying to start the server. */
export type ThreadStartReport =
  { kind: 'listening'; uri: string; port: number } | { kind: 'failed'; message: string; code?: string };

/** The message asking the worker to close the server and its storage, then end. */
export const STOP_REQUEST = 'stop';

/** Closing flushes nothing that is not already committed, so this only guards against a wedged thread. */
const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/**
 * Worker threads do not inherit the require hook that lets Node load TypeScript, so when this
 * runs from sources (`node -r @swc-node/register`, or Jest) the thread installs it itself.
 */
function workerSource(): string {
  const workerFile = path.join(__dirname, `embedded-thread.worker${path.extname(__filename)}`);
  const loadWorker = `require(${JSON.stringify(workerFile)});`;
  if (path.extname(__filename) !== '.ts') return loadWorker;
  return `require(${JSON.stringify(require.resolve('@swc-node/register'))});\n${loadWorker}`;
}

/** The server thread was still busy when its time to stop ran out, and was terminated. */
export class StopTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(
      `the embedded MongoDB server thread was still running a command ${timeoutMs / 1000} s after being asked to stop, and was terminated`,
    );
  }
}

export function startEmbeddedMongoThread(options: EmbeddedMongoThreadOptions): Promise<EmbeddedMongo> {
  const { onCrash, stopTimeoutMs = DEFAULT_STOP_TIMEOUT_MS, ...serverOptions } = options;
  const worker = new Worker(workerSource(), { eval: true, workerData: serverOptions });
  let state: 'starting' | 'running' | 'failed' | 'stopping' | 'exited' = 'starting';
  let threadError: Error | undefined;
  let stopped: Promise<void> | undefined;
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  worker.on('error', (error) => {
    threadError = error;
  });

  function stop(): Promise<void> {
    stopped ??= (async () => {
      if (state === 'exited') return;
      state = 'stopping';
      worker.postMessage(STOP_REQUEST);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), stopTimeoutMs);
      });
      const outcome = await Promise.race([exited, timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        // Every acknowledged write is committed already; what the thread was doing is abandoned.
        await worker.terminate();
        if ('dbPath' in serverOptions) removeServerRecord(serverOptions.dbPath);
        throw new StopTimeoutError(stopTimeoutMs);
      }
      if (threadError) throw new Error(`the embedded MongoDB server failed while stopping: ${threadError.message}`);
    })();
    return stopped;
  }

  return new Promise<EmbeddedMongo>((resolve, reject) => {
    worker.once('message', (report: ThreadStartReport) => {
      if (report.kind === 'failed') {
        // The thread ends by itself: nothing was started that would keep it alive.
        state = 'failed';
        reject(Object.assign(new Error(report.message), report.code ? { code: report.code } : {}));
        return;
      }
      state = 'running';
      resolve({ uri: report.uri, port: report.port, stop });
    });
    worker.once('exit', (code) => {
      const previous = state;
      state = 'exited';
      if (previous === 'stopping' || previous === 'failed') return;
      const reason = threadError ? `: ${threadError.stack ?? threadError.message}` : '';
      const error = new Error(`the embedded MongoDB server thread exited unexpectedly (exit code ${code})${reason}`);
      if (previous === 'starting') reject(error);
      else if (onCrash) onCrash(error);
      else throw error;
    });
  });
}
