/** `newsgraph serve` as a user runs it: checks its configuration, seeds an empty database, serves, and stops cleanly on SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function serve(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const { MONGODB_URI: _external, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'newsgraph.js'), 'serve'], {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(pattern: RegExp, output: () => string, exited: Promise<unknown>): Promise<RegExpMatchArray> {
  let done = false;
  void exited.then(() => (done = true));
  for (;;) {
    const match = pattern.exec(output());
    if (match) return match;
    if (done) throw new Error(`serve exited before printing ${pattern}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('newsgraph serve', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-serve-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const countArticles = async (url: string): Promise<unknown> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    return response.json();
  };
  const isRunning = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('seeds the empty embedded database, serves it, and shuts down on SIGTERM', async () => {
    const run = serve({ PORT: '0', HOST: '127.0.0.1', NEWSGRAPH_DATA_DIR: dataDir, NEWSGRAPH_WORKERS: '1' });
    try {
      const [, url] = await waitFor(/GraphQL API at (http:\/\/\S+\/graphql)/, run.output, run.exited);
      expect(run.output()).toContain('loading articles from');
      expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);
      expect(await countArticles(url)).toEqual({ data: { articles: { totalCount: 1 } } });
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('newsgraph: stopped');
  });

  it('serves from several worker processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    const run = serve({ PORT: '0', HOST: '127.0.0.1', NEWSGRAPH_DATA_DIR: dataDir, NEWSGRAPH_WORKERS: '2' });
    const workers: number[] = [];
    try {
      const started = await waitFor(/2 API workers serving \(pids (\d+), (\d+)\)/, run.output, run.exited);
      workers.push(Number(started[1]), Number(started[2]));
      const [, url] = await waitFor(/GraphQL API at (http:\/\/\S+\/graphql)/, run.output, run.exited);
      expect(await countArticles(url)).toEqual({ data: { articles: { totalCount: 1 } } });

      process.kill(workers[0], 'SIGKILL');
      await waitFor(
        new RegExp(`API worker ${workers[0]} was killed by SIGKILL; starting another`),
        run.output,
        run.exited,
      );
      const [, replacement] = await waitFor(/API worker (\d+) serving in its place/, run.output, run.exited);
      workers.push(Number(replacement));
      // Whichever worker takes them, requests keep being answered.
      for (let i = 0; i < 6; i++) expect(await countArticles(url)).toEqual({ data: { articles: { totalCount: 1 } } });
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('newsgraph: stopped');
    expect(workers.filter(isRunning)).toEqual([]);
  });

  it('exits 1, naming the cause, when its workers cannot listen', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as { port: number };
    try {
      const run = serve({ PORT: String(port), HOST: '127.0.0.1', NEWSGRAPH_DATA_DIR: dataDir, NEWSGRAPH_WORKERS: '2' });
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(/EADDRINUSE/);
      expect(run.output()).toMatch(/API worker \d+ exited with code 1 before it listened/);
    } finally {
      busy.close();
    }
  });

  it('refuses to start on bad configuration, naming every bad variable', async () => {
    const run = serve({ PORT: 'eighty', NEWSGRAPH_API_KEY: 'short', NEWSGRAPH_DATA_DIR: dataDir });
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/PORT="eighty"/);
    expect(run.output()).toMatch(/NEWSGRAPH_API_KEY/);
  });
});
