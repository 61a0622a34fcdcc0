/**
 * `newsgraph mongod` (also `npx newsgraph-mongod`): the embedded MongoDB-compatible server on
 * its own, like mongod, for mongosh, Compass or any driver; and the data directory's tools
 * (check, backup, restore). The server runs on a worker thread, so that SIGINT/SIGTERM stop it
 * whatever a command is doing: it gets a few seconds to finish, then its thread is terminated.
 */
import {
  backupDatabase,
  checkDatabase,
  DEFAULT_CACHE_SIZE_MB,
  restoreDatabase,
  startEmbeddedMongoThread,
  StopTimeoutError,
} from '../mongo-embedded';

const DEFAULT_PORT = 27018;
const DEFAULT_DB_PATH = './data';
/** How long a stopping server may finish what it is doing before its thread is terminated. */
const STOP_GRACE_MS = 3_000;

const USAGE = `usage: newsgraph-mongod [--port P] [--dbpath DIR | --memory] [--bind_ip HOST] [--cacheSizeMB N]
       newsgraph-mongod --check [--dbpath DIR]
       newsgraph-mongod --backup FILE [--dbpath DIR]
       newsgraph-mongod --restore FILE [--dbpath DIR]

  --port P          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --dbpath DIR      keep data durably in DIR (SQLite); the default is ${DEFAULT_DB_PATH}
  --memory          keep data in memory only; it is gone when the server stops
  --bind_ip HOST    address to listen on (default 127.0.0.1)
  --cacheSizeMB N   MiB of stored documents kept decoded in memory (default ${DEFAULT_CACHE_SIZE_MB})
  --check           check every page, document and index of DIR (the server must be stopped)
  --backup FILE     copy DIR's database to FILE, consistently, through the running server if
                    there is one; FILE must not exist
  --restore FILE    make the backup FILE the database of DIR (the server must be stopped);
                    the database it replaces is kept beside it
  --readTimeoutMS MS        close a connection whose message stops arriving for MS ms (default 30000)
  --maxIncomingBytes BYTES  unfinished messages held across connections before large ones are
                            refused (default 268435456, 256 MiB)
`;

interface MongodArguments {
  action: 'serve' | 'check' | 'backup' | 'restore';
  file?: string;
  port: number;
  dbPath?: string;
  memory: boolean;
  host: string;
  readTimeoutMS?: number;
  maxIncomingBytes?: number;
  cacheSizeMB?: number;
}

function parseArguments(args: string[]): MongodArguments | string {
  const parsed: MongodArguments = { action: 'serve', port: DEFAULT_PORT, memory: false, host: '127.0.0.1' };
  const setAction = (action: MongodArguments['action'], file?: string): string | undefined => {
    if (parsed.action !== 'serve') return `use one of --check, --backup and --restore at a time`;
    parsed.action = action;
    parsed.file = file;
    return undefined;
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = (): string | undefined => args[++i];
    let problem: string | undefined;
    if (arg === '--memory') parsed.memory = true;
    else if (arg === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port needs a port number (0-65535)`;
      parsed.port = port;
    } else if (arg === '--dbpath') {
      const dir = value();
      if (!dir) return '--dbpath needs a directory';
      parsed.dbPath = dir;
    } else if (arg === '--bind_ip') {
      const host = value();
      if (!host) return '--bind_ip needs an address';
      parsed.host = host;
    } else if (arg === '--readTimeoutMS' || arg === '--maxIncomingBytes') {
      const amount = Number(value());
      if (!Number.isInteger(amount) || amount <= 0) return `${arg} needs a positive whole number`;
      parsed[arg === '--readTimeoutMS' ? 'readTimeoutMS' : 'maxIncomingBytes'] = amount;
    } else if (arg === '--cacheSizeMB') {
      const megabytes = Number(value());
      if (!Number.isFinite(megabytes) || megabytes <= 0) return '--cacheSizeMB needs a positive number of MiB';
      parsed.cacheSizeMB = megabytes;
    } else if (arg === '--check') problem = setAction('check');
    else if (arg === '--backup' || arg === '--restore') {
      const file = value();
      if (!file) return `${arg} needs a file`;
      problem = setAction(arg === '--backup' ? 'backup' : 'restore', file);
    } else return `unknown option "${arg}"`;
    if (problem) return problem;
  }
  if (parsed.memory && parsed.dbPath) return 'use either --dbpath or --memory, not both';
  if (parsed.memory && parsed.action !== 'serve') return `--${parsed.action} works on a data directory, not --memory`;
  return parsed;
}

async function serve(parsed: MongodArguments): Promise<number> {
  const dbPath = parsed.dbPath ?? DEFAULT_DB_PATH;
  const storage = parsed.memory ? { memory: true as const } : { dbPath };
  const server = await startEmbeddedMongoThread({
    ...storage,
    port: parsed.port,
    host: parsed.host,
    cacheSizeMB: parsed.cacheSizeMB,
    readTimeoutMS: parsed.readTimeoutMS,
    maxIncomingBytes: parsed.maxIncomingBytes,
    stopTimeoutMs: STOP_GRACE_MS,
    onCrash(error) {
      process.stderr.write(`newsgraph-mongod: the server failed: ${error.message}\n`);
      process.exit(1);
    },
  });
  const where = parsed.memory ? 'in memory' : `with data in ${dbPath}`;
  process.stdout.write(`newsgraph-mongod listening on ${server.uri} (${where})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  try {
    await server.stop();
    process.stdout.write('newsgraph-mongod stopped\n');
  } catch (err) {
    if (!(err instanceof StopTimeoutError)) throw err;
    process.stdout.write(`newsgraph-mongod stopped (${err.message})\n`);
  }
  return 0;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function check(dbPath: string): number {
  const report = checkDatabase(dbPath);
  const counts = [
    count(report.collections, 'collection'),
    count(report.documents, 'document'),
    count(report.indexes, 'index', 'indexes'),
  ].join(', ');
  if (report.problems.length === 0) {
    process.stdout.write(`${report.file}: no problems found (${counts})\n`);
    return 0;
  }
  process.stdout.write(`${report.file}: ${count(report.problems.length, 'problem')} found (${counts})\n`);
  for (const problem of report.problems) process.stdout.write(`  - ${problem}\n`);
  return 1;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`newsgraph-mongod: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  const dbPath = parsed.dbPath ?? DEFAULT_DB_PATH;
  try {
    switch (parsed.action) {
      case 'serve':
        return await serve(parsed);
      case 'check':
        return check(dbPath);
      case 'backup': {
        const backup = await backupDatabase(dbPath, parsed.file!);
        process.stdout.write(`backed up ${backup.source} to ${backup.file} (${backup.bytes} bytes)\n`);
        return 0;
      }
      case 'restore': {
        const { kept } = restoreDatabase(dbPath, parsed.file!);
        const previous = kept ? `; the database it replaced is kept as ${kept}` : '';
        process.stdout.write(`restored ${parsed.file} into ${dbPath}${previous}\n`);
        return 0;
      }
    }
  } catch (err) {
    process.stderr.write(`newsgraph-mongod: ${(err as Error).message}\n`);
    return 1;
  }
}
