/** `newsgraph-mongod` as a separate process, the way a user runs it: started, its output read, signalled. */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

const BIN = path.join(__dirname, '..', '..', 'bin', 'newsgraph-mongod.js');

export interface MongodProcess {
  uri: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
}

/** Starts the server and resolves once it says where it listens (rejects if it exits first). */
export async function startMongodProcess(args: string[]): Promise<MongodProcess> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const uri = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (mongodb:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => reject(new Error(`newsgraph-mongod exited before listening: ${output}`)));
  });
  return { uri, child, output: () => output, exited };
}

/** Runs one of its tools (`--check`, `--backup`, `--restore`) to the end. */
export function runMongodTool(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
}
