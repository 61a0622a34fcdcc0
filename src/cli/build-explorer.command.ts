/**
 * `newsgraph build-explorer`: builds the explorer page's files for this version of its packages,
 * if not built yet. `npm install` runs it, so that the first `npm start` does not wait for it;
 * `serve` builds them itself when they are missing.
 */
import { explorerAssets } from '../server';

export async function run(args: string[]): Promise<number> {
  if (args.length) {
    process.stderr.write('usage: newsgraph build-explorer   (builds the explorer page served at /)\n');
    return 2;
  }
  const started = Date.now();
  const assets = await explorerAssets();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    assets.built
      ? `newsgraph: built the explorer page in ${seconds} s (${assets.dir})\n`
      : `newsgraph: the explorer page is already built (${assets.dir})\n`,
  );
  return 0;
}
