/**
 * Serving from several processes. One Node.js thread runs all of a request's GraphQL execution
 * and driver work, so one process cannot use more than one core however many requests wait;
 * the API keeps no state between requests, so N identical processes (node:cluster workers
 * sharing the listening port) serve N times the work. The primary keeps the database (the
 * embedded server lives here) and only supervises: it starts the workers, replaces one that
 * dies, and on stop lets each drain its requests before the database closes.
 */
import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { typescriptHookArgs } from '../ingest';
import type { ApiServerOptions } from '../server';

/** What a worker is told to serve: given through its environment, already validated by the primary. */
export interface ApiWorkerAssignment {
  databaseUri: string;
  dbName: string;
  options: ApiServerOptions;
}

export const API_WORKER_ASSIGNMENT_VARIABLE = 'NEWSGRAPH_API_WORKER_ASSIGNMENT';

export type ApiWorkerMessage = { kind: 'listening'; url: string } | { kind: 'stop' };

export interface ServingApi {
  url: string;
  /** Settles when the API can no longer serve (workers keep dying); serving stops then. */
  failed: Promise<Error>;
  stop(): Promise<void>;
}

/**
 * The workers run the CLI's own `serve`, which serves as a worker when started by the cluster:
 * the build's `main.js`, or from the TypeScript sources `main.ts` through SWC's require hook.
 */
const WORKER_ENTRY = path.join(__dirname, `main${path.extname(__filename)}`);
const WORKER_EXEC_ARGV = [...process.execArgv, ...typescriptHookArgs(WORKER_ENTRY)];
/** A worker that dies this soon after starting is failing to start, not crashing under load. */
const START_FAILURE_WINDOW_MS = 10_000;
const MAX_START_FAILURES_IN_A_ROW = 3;
const DRAIN_TIMEOUT_MS = 30_000;

function exitDescription(code: number | null, signal: string | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

/** Starts `count` workers and resolves once every one is listening; rejects if one dies first. */
export async function startApiCluster({
  count,
  assignment,
  log,
}: {
  count: number;
  assignment: ApiWorkerAssignment;
  log: (message: string) => void;
}): Promise<ServingApi> {
  cluster.setupPrimary({ exec: WORKER_ENTRY, execArgv: WORKER_EXEC_ARGV, args: ['serve'] });
  const env = { [API_WORKER_ASSIGNMENT_VARIABLE]: JSON.stringify(assignment) };
  const live = new Set<Worker>();
  let stopping = false;
  let startFailuresInARow = 0;
  let reportFailure: (error: Error) => void = () => undefined;
  const failed = new Promise<Error>((resolve) => (reportFailure = resolve));

  /** Forks a worker; resolves with its URL once it listens, rejects if it exits before. */
  function fork(): Promise<{ url: string; pid: number | undefined }> {
    const worker = cluster.fork(env);
    const startedAt = Date.now();
    live.add(worker);
    // A message to a worker that is just leaving fails; its exit is what matters, and is handled below.
    worker.on('error', () => undefined);
    return new Promise((resolve, reject) => {
      let listening = false;
      worker.on('message', (message: ApiWorkerMessage) => {
        if (message.kind !== 'listening') return;
        listening = true;
        startFailuresInARow = 0;
        resolve({ url: message.url, pid: worker.process.pid });
      });
      worker.on('exit', (code, signal) => {
        live.delete(worker);
        const failure = new Error(
          `API worker ${worker.process.pid} ${exitDescription(code, signal)}${listening ? '' : ' before it listened'}`,
        );
        if (!listening) reject(failure);
        if (stopping || !listening) return;
        log(`newsgraph: ${failure.message}; starting another`);
        replace(Date.now() - startedAt < START_FAILURE_WINDOW_MS);
      });
    });
  }

  function replace(diedYoung: boolean): void {
    if (diedYoung && ++startFailuresInARow >= MAX_START_FAILURES_IN_A_ROW) {
      reportFailure(
        new Error(`API workers keep dying within ${START_FAILURE_WINDOW_MS / 1000} s of starting; not starting more`),
      );
      return;
    }
    fork().then(
      ({ pid }) => log(`newsgraph: API worker ${pid} serving in its place`),
      (error: Error) => {
        if (stopping) return;
        log(`newsgraph: ${error.message}`);
        replace(true);
      },
    );
  }

  async function stop(): Promise<void> {
    stopping = true;
    const exits = [...live].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          const timer = setTimeout(() => worker.kill('SIGKILL'), DRAIN_TIMEOUT_MS);
          worker.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          // A worker that has left the channel is already on its way out.
          if (worker.isConnected()) worker.send({ kind: 'stop' } satisfies ApiWorkerMessage);
        }),
    );
    await Promise.all(exits);
  }

  try {
    const [{ url }] = await Promise.all(Array.from({ length: count }, fork));
    log(`newsgraph: ${count} API workers serving (pids ${[...live].map((w) => w.process.pid).join(', ')})`);
    return { url, failed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
