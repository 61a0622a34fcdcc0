/**
 * `newsgraph seed` (`npm run seed`): loads an archive into the store: every file under a
 * directory (default: NEWSGRAPH_SEEDS_DIR, else ./seeds), or the files given with --file.
 * Plain-text files are articles; CSV, TSV, JSON Lines and JSON files hold one article per row,
 * with columns mapped by flags. Progress goes to stderr; the summary to stdout, as tables or with
 * --json as JSON. Exit code 1 when any file or row could not be loaded.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_EXTRACTION_BUDGET_MS,
  DEFAULT_FIELD_NAMES,
  requireSeedDirectory,
  seedDirectory,
  seedFiles,
  type FieldNames,
  type SeedOptions,
} from '../ingest';
import { loadConfigOrReport } from './config';
import { DataDirectoryBusyError, openSeedDatabase } from './seed-database.connection';
import { progressReporter } from './seed-progress.reporter';
import { renderSeedSummary } from './seed-summary.table';

const defaults = (field: keyof typeof DEFAULT_FIELD_NAMES) => DEFAULT_FIELD_NAMES[field].join(', ');

const USAGE = `usage: newsgraph seed [--dir DIR | --file FILE...] [options]
  --dir DIR              load every file under DIR (default: $NEWSGRAPH_SEEDS_DIR or ./seeds)
  --file FILE            load this file (repeat for more)
  --reset                empty the store first and reload everything
  --json                 print the summary as JSON on stdout (progress stays on stderr)

Files ending .csv, .tsv, .jsonl/.ndjson or .json hold one article per row (CSV and TSV with a
header row; JSON as an array of objects); any other file is one plain-text article.
Columns (keys) of those rows, by name (case ignored), default the first present of:
  --text-field NAME      the article text (${defaults('text')})
  --title-field NAME     its headline (${defaults('title')})
  --date-field NAME      its publication date (${defaults('date')})
  --url-field NAME       its url (${defaults('url')})
  --id-field NAME        its id (${defaults('id')})
A row is stored under FILE#id=ID, else its url, else FILE#ROW: loading again updates it in place.
  --extract-timeout S    seconds one article may take to extract (default ${DEFAULT_EXTRACTION_BUDGET_MS / 1000})
`;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

const FIELD_FLAGS = ['text', 'title', 'date', 'url', 'id'] as const;

export async function run(args: string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args,
      options: {
        dir: { type: 'string' },
        file: { type: 'string', multiple: true },
        reset: { type: 'boolean' },
        json: { type: 'boolean' },
        'text-field': { type: 'string' },
        'title-field': { type: 'string' },
        'date-field': { type: 'string' },
        'url-field': { type: 'string' },
        'id-field': { type: 'string' },
        'extract-timeout': { type: 'string' },
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
  const usageError = (message: string): number => {
    process.stderr.write(`newsgraph seed: ${message}\n${USAGE}`);
    return 2;
  };
  if (options.dir && options.file) return usageError('give --dir or --file, not both');
  const timeout = options['extract-timeout'] === undefined ? undefined : Number(options['extract-timeout']);
  if (timeout !== undefined && !(timeout > 0 && timeout <= 3600))
    return usageError('--extract-timeout needs a number of seconds (up to 3600)');
  const fields: FieldNames = {};
  for (const field of FIELD_FLAGS) {
    const name = options[`${field}-field`]?.trim();
    if (name) fields[field] = name;
  }

  const config = loadConfigOrReport(process.env, log);
  if (!config) return 2;
  const dir = options.dir ? path.resolve(options.dir) : config.seedsDir;
  if (!options.file) {
    try {
      await requireSeedDirectory(dir);
    } catch (err) {
      log(`newsgraph seed: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
  }
  let database;
  try {
    database = await openSeedDatabase(config, args, log);
  } catch (err) {
    if (!(err instanceof DataDirectoryBusyError)) throw err;
    log(`newsgraph seed: ${err.message}`);
    return 1;
  }
  const progress = progressReporter(process.stderr);
  const seedOptions: SeedOptions = {
    reset: options.reset,
    fields,
    extraction: timeout === undefined ? {} : { budgetMs: timeout * 1000 },
    onProgress: (event) => progress.onProgress(event),
  };
  try {
    const summary = options.file
      ? await seedFiles(database.db, { ...seedOptions, files: options.file })
      : await seedDirectory(database.db, { ...seedOptions, dir });
    progress.stop();
    if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else process.stdout.write(renderSeedSummary(summary, process.stdout.isTTY === true));
    return summary.failed.length ? 1 : 0;
  } finally {
    progress.stop();
    await database.close();
  }
}
