/**
 * One API worker of the cluster: serves the assignment the primary put in its environment and
 * stops when the primary says so, or when the primary is gone.
 */
import cluster from 'node:cluster';
import { MongoClient } from 'mongodb';
import {
  API_WORKER_ASSIGNMENT_VARIABLE,
  type ApiWorkerAssignment,
  type ApiWorkerMessage,
} from './api-cluster.supervisor';
import { startApiProcess } from './api-process.starter';

export async function serveAsApiWorker(): Promise<number> {
  const raw = process.env[API_WORKER_ASSIGNMENT_VARIABLE];
  if (!raw || !process.send || !cluster.worker)
    throw new Error('an API worker is started by `newsgraph serve`, not on its own');
  const assignment = JSON.parse(raw) as ApiWorkerAssignment;

  // A terminal's Ctrl-C reaches every process of the group: the primary alone decides, so that
  // workers drain in order and the database closes last.
  const ignore = (): void => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', ignore);
  const stopAsked = new Promise<void>((resolve) => {
    process.on('message', (message: ApiWorkerMessage) => {
      if (message.kind === 'stop') resolve();
    });
    process.on('disconnect', resolve);
  });

  // Connected to the primary, a worker would outlive its own failure: leaving the channel lets it exit.
  try {
    const client = await new MongoClient(assignment.databaseUri).connect();
    try {
      const server = await startApiProcess({
        db: client.db(assignment.dbName),
        options: assignment.options,
        log: (message) => process.stderr.write(`${message} (API worker ${process.pid})\n`),
      });
      process.send({ kind: 'listening', url: server.url } satisfies ApiWorkerMessage);
      await stopAsked;
      await server.stop();
    } finally {
      await client.close();
    }
  } finally {
    // Leaving through the cluster marks the exit as intended, so it keeps its exit code.
    if (cluster.worker?.isConnected()) cluster.worker.disconnect();
  }
  return 0;
}
