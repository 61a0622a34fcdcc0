/**
 * Builds the explorer page's script, styles and editor workers from the npm packages (GraphiQL,
 * its query builder, React, Monaco) with esbuild, once per version of them: the files go to a
 * cache folder named after a fingerprint of the sources and package versions, so a start after
 * the first finds them there, and nothing is fetched from elsewhere at any point.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';

export interface ExplorerAssets {
  /** Changes whenever any input changes: part of the assets' URLs, so browsers may cache them for good. */
  fingerprint: string;
  dir: string;
  /** The built files by name (`explorer.js`, `explorer.css`, `editor.worker.js`, ...). */
  files: ReadonlySet<string>;
  /** Whether this process built them (rather than finding them built). */
  built: boolean;
}

/** The sources, which the build does not hold: the browser code and the config type it shares with the server. */
const SOURCES_DIR = path.join(PROJECT_ROOT, 'src', 'server', 'explorer');
const BROWSER_DIR = path.join(SOURCES_DIR, 'browser');
const SHARED_SOURCES = [path.join(SOURCES_DIR, 'explorer-config.type.ts')];
/** The packages whose code ends up in the bundle, and the bundler: a new version of any means a new build. */
const BUNDLED_PACKAGES = [
  'esbuild',
  'graphiql',
  '@graphiql/react',
  '@graphiql/plugin-explorer',
  '@graphiql/toolkit',
  'react',
  'react-dom',
  'monaco-editor',
  'monaco-graphql',
  'graphql',
];
/** Monaco and its GraphQL mode are GraphiQL's own dependencies: resolved from where it finds them. */
const graphiqlRequire = createRequire(require.resolve('@graphiql/react/package.json'));

function packageVersion(name: string): string {
  const manifest = graphiqlRequire(`${name}/package.json`) as { version: string };
  return `${name}@${manifest.version}`;
}

async function sourceFiles(): Promise<string[]> {
  const names = await readdir(BROWSER_DIR);
  return [...names.map((name) => path.join(BROWSER_DIR, name)), ...SHARED_SOURCES].sort();
}

async function fingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of BUNDLED_PACKAGES) hash.update(`${packageVersion(name)}\n`);
  for (const file of await sourceFiles()) hash.update(`${path.basename(file)}\n`).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

/** The conventional cache folder of a project's tools; the system's temporary folder when that is read-only. */
async function cacheRoot(): Promise<string> {
  const inProject = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'newsgraph-explorer');
  try {
    await mkdir(inProject, { recursive: true });
    return inProject;
  } catch {
    const inTemp = path.join(os.tmpdir(), `newsgraph-explorer-${os.userInfo().uid}`);
    await mkdir(inTemp, { recursive: true });
    return inTemp;
  }
}

async function bundle(outdir: string): Promise<void> {
  // Loaded only when a build is needed: a start that finds the files built does not pay for it.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [
      { in: path.join(BROWSER_DIR, 'explorer.app.tsx'), out: 'explorer' },
      { in: graphiqlRequire.resolve('monaco-editor/esm/vs/editor/editor.worker.js'), out: 'editor.worker' },
      { in: graphiqlRequire.resolve('monaco-editor/esm/vs/language/json/json.worker.js'), out: 'json.worker' },
      { in: graphiqlRequire.resolve('monaco-graphql/esm/graphql.worker.js'), out: 'graphql.worker' },
    ],
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and images go inside the stylesheet, so the page needs no other request for them.
    loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    logLevel: 'silent',
  });
}

async function builtFiles(dir: string): Promise<Set<string> | null> {
  const names = await readdir(dir).catch(() => null);
  return names?.includes('explorer.js') ? new Set(names) : null;
}

let assets: Promise<ExplorerAssets> | undefined;

/**
 * The explorer's files, built on the first call for these sources and package versions (some
 * seconds), found in the cache afterwards. Processes building at the same time each build into
 * a folder of their own and the first to finish names it; the others use that one.
 */
export function explorerAssets(): Promise<ExplorerAssets> {
  assets ??= (async () => {
    const id = await fingerprint();
    const dir = path.join(await cacheRoot(), id);
    const cached = await builtFiles(dir);
    if (cached) return { fingerprint: id, dir, files: cached, built: false };
    const scratch = `${dir}.building-${process.pid}-${Date.now()}`;
    try {
      await bundle(scratch);
      await rename(scratch, dir).catch(async (err: NodeJS.ErrnoException) => {
        if (!(await stat(dir).catch(() => null))) throw err;
      });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    const files = await builtFiles(dir);
    if (!files) throw new Error(`the explorer page's files are missing from ${dir}`);
    return { fingerprint: id, dir, files, built: true };
  })();
  // A failed build is tried again on the next call rather than remembered.
  assets.catch(() => (assets = undefined));
  return assets;
}
