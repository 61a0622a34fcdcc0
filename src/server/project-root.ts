/**
 * Where the project's files are, whether this code runs from its sources (`src/`) or from the
 * build (`dist/src/`): the explorer reads `schema/examples` and bundles its browser sources, and
 * the benchmarks read and write files of the project, which only the project folder holds.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function folderWithPackageJson(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PROJECT_ROOT = folderWithPackageJson(__dirname);
