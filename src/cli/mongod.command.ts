/**
 * `newsgraph mongod` (also `npx newsgraph-mongod`): the embedded MongoDB-compatible server on
 * its own, like mongod, for mongosh, Compass or any driver. Runs until SIGINT/SIGTERM.
 */
import { startEmbeddedMongo } from '../mongo-embedded';

const DEFAULT_PORT = 27018;

const USAGE = `usage: newsgraph-mongod [--port P] [--dbpath DIR | --memory] [--bind_ip HOST]

  --port P        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --dbpath DIR    keep data durably in DIR (SQLite); the default is ./data
  --memory        keep data in memory only; it is gone when the server stops
  --bind_ip HOST  address to listen on (default 127.0.0.1)
  --readTimeoutMS MS        close a connection whose message stops arriving for MS ms (default 30000)
  --maxIncomingBytes BYTES  unfinished messages held across connections before large ones are
                            refused (default 268435456, 256 MiB)
`;

interface MongodArguments {
  port: number;
  dbPath?: string;
  memory: boolean;
  host: string;
  readTimeoutMS?: number;
  maxIncomingBytes?: number;
}

function parseArguments(args: string[]): MongodArguments | string {
  const parsed: MongodArguments = { port: DEFAULT_PORT, memory: false, host: '127.0.0.1' };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = (): string | undefined => args[++i];
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
    } else return `unknown option "${arg}"`;
  }
  if (parsed.memory && parsed.dbPath) return 'use either --dbpath or --memory, not both';
  return parsed;
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
  const storage = parsed.memory ? { memory: true as const } : { dbPath: parsed.dbPath ?? './data' };
  const server = await startEmbeddedMongo({
    ...storage,
    port: parsed.port,
    host: parsed.host,
    readTimeoutMS: parsed.readTimeoutMS,
    maxIncomingBytes: parsed.maxIncomingBytes,
  });
  const where = parsed.memory ? 'in memory' : `with data in ${parsed.dbPath ?? './data'}`;
  process.stdout.write(`newsgraph-mongod listening on ${server.uri} (${where})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.stop();
  process.stdout.write('newsgraph-mongod stopped\n');
  return 0;
}
