/**
 * The benchmarks run from the build (`npm run bench` runs `dist/bench`) and, under Jest or
 * `node -r @swc-node/register`, from their TypeScript sources. A child process they start runs
 * a file of the same kind: a source needs SWC's require hook, the build's JavaScript does not
 * (the hook loads the TypeScript compiler into every process, as `npm start` does not).
 */
import path from 'node:path';

export function typescriptHookArgs(file: string): string[] {
  return path.extname(file) === '.ts' ? ['-r', require.resolve('@swc-node/register')] : [];
}
