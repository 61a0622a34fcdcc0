/**
 * Node's arguments for a thread or process that runs `file`: when this code runs from its
 * TypeScript sources (Jest, `node -r @swc-node/register`), a `.ts` file needs SWC's require hook,
 * which threads and child processes do not inherit; the build's JavaScript needs nothing (the
 * hook would load the TypeScript compiler into every thread, as `npm start` does not).
 */
import path from 'node:path';

export function typescriptHookArgs(file: string): string[] {
  return path.extname(file) === '.ts' ? ['-r', require.resolve('@swc-node/register')] : [];
}
