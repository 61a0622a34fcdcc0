/**
 * The worker-thread side of `startEmbeddedMongoThread`: starts the server with the options it
 * was given, reports its address or why it could not start, and on request closes the server
 * and its storage so the thread can end on its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { STOP_REQUEST, type ThreadStartReport } from './embedded-thread.launcher';
import { startEmbeddedMongo, type EmbeddedMongoOptions } from '../index';

async function serve(parent: NonNullable<typeof parentPort>, options: EmbeddedMongoOptions): Promise<void> {
  let report: ThreadStartReport;
  try {
    const server = await startEmbeddedMongo(options);
    parent.on('message', (message: unknown) => {
      if (message !== STOP_REQUEST) return;
      // A failure to close is left unhandled on purpose: it ends the thread with an error the launcher reports.
      void server.stop().then(() => parent.close());
    });
    report = { kind: 'listening', uri: server.uri, port: server.port };
  } catch (err) {
    const error = err as NodeJS.ErrnoException;
    report = {
      kind: 'failed',
      message: error.message,
      ...(typeof error.code === 'string' ? { code: error.code } : {}),
    };
  }
  parent.postMessage(report);
}

if (!parentPort)
  throw new Error('embedded-thread.worker runs inside a worker thread started by startEmbeddedMongoThread');
void serve(parentPort, workerData as EmbeddedMongoOptions);
