/**
 * `newsgraph backup FILE` (`npm run backup -- FILE`): a consistent copy of the embedded server's
 * database (in NEWSGRAPH_DATA_DIR) in FILE, taken through the running server when there is one
 * (writes may go on meanwhile), otherwise from the file itself. See the README for restoring it.
 */
import { backupDatabase } from '../mongo-embedded';
import { loadConfigOrReport } from './config';

const USAGE = `usage: npm run backup -- FILE

Copies the embedded server's database (NEWSGRAPH_DATA_DIR, default ./data) to FILE, a new file.
Restore it with: npx newsgraph-mongod --restore FILE --dbpath DIR (with the server stopped).
`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.length !== 1 || args[0].startsWith('-')) {
    process.stderr.write(`newsgraph backup: name one backup file\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfigOrReport(process.env, (message) => process.stderr.write(`${message}\n`));
  if (!config) return 2;
  if (config.mongodbUri) {
    process.stderr.write(
      "newsgraph backup: MONGODB_URI is set, so the data is in that MongoDB: back it up with its own tools (mongodump, or your provider's backups); this command copies the embedded server's data\n",
    );
    return 2;
  }
  try {
    const backup = await backupDatabase(config.dataDir, args[0]);
    process.stdout.write(`backed up ${backup.source} to ${backup.file} (${backup.bytes} bytes)\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`newsgraph backup: ${(err as Error).message}\n`);
    return 1;
  }
}
