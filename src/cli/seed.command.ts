/**
 * `newsgraph seed [--dir DIR] [--reset] [--json]` (`npm run seed`): loads every article file
 * under DIR (default: NEWSGRAPH_SEEDS_DIR, else ./seeds) into the store. Progress goes to
 * stderr (a bar on a terminal, a line per file otherwise); the summary to stdout, as tables or
 * with --json as JSON. Exit code 1 when any file could not be loaded.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { requireSeedDirectory, seedDirectory, type SeedProgress } from '../ingest';
import { loadConfigOrReport } from './config';
import { openDatabase } from './database.connection';
import { renderSeedSummary } from './seed-summary.table';

const USAGE = `usage: newsgraph seed [--dir DIR] [--reset] [--json]
  --dir DIR   directory of article files (default: $NEWSGRAPH_SEEDS_DIR or ./seeds)
  --reset     empty the store first and reload everything
  --json      print the summary as JSON on stdout
`;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A bar on a terminal; elsewhere (CI logs, pipes) one plain line per file. */
function progressReporter(): { onProgress: (event: SeedProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    return {
      onProgress(event) {
        if (event.kind === 'start') log(`seed: ${event.total} file(s)`);
        else
          log(
            `seed: [${event.done}/${event.total}] ${event.source}: ${event.outcome}${event.error ? ` (${event.error})` : ''}`,
          );
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'seed [{bar}] {value}/{total} {source}',
    hideCursor: true,
    clearOnComplete: true,
  });
  return {
    onProgress(event) {
      if (event.kind === 'start') bar.start(event.total, 0, { source: '' });
      else bar.update(event.done, { source: event.source });
    },
    stop: () => bar.stop(),
  };
}

export async function run(args: string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args,
      options: {
        dir: { type: 'string' },
        reset: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    process.stderr.write(`newsgraph seed: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = loadConfigOrReport(process.env, log);
  if (!config) return 2;
  const dir = options.dir ? path.resolve(options.dir) : config.seedsDir;
  try {
    await requireSeedDirectory(dir);
  } catch (err) {
    log(`newsgraph seed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const database = await openDatabase({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    cacheSizeMB: config.cacheSizeMB,
    dbName: config.dbName,
    log,
  });
  const progress = progressReporter();
  try {
    const summary = await seedDirectory(database.db, { dir, reset: options.reset, onProgress: progress.onProgress });
    progress.stop();
    if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else process.stdout.write(renderSeedSummary(summary, process.stdout.isTTY === true));
    return summary.failed.length ? 1 : 0;
  } finally {
    progress.stop();
    await database.close();
  }
}
