/**
 * `newsgraph serve` as a user runs it. One `npm start` (two API workers) is started
 * once and checked step by step: it seeds the empty embedded database, serves it and the explorer
 * page, replaces a worker that dies, and stops everything it started when npm is signalled. The
 * start-up refusals each cost a second, since they come before the database starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/cli/database.connection';

const ROOT = path.join(__dirname, '..', '..');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Settles once every process holding the run's output has exited: npm, the server and its workers. */
  closed: Promise<void>;
}

function launch(command: string, args: string[], env: Record<string, string>): Run {
  const { MONGODB_URI: _external, ...inherited } = process.env;
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return { child, output: () => output, exited, closed };
}

const serve = (env: Record<string, string>) =>
  launch(process.execPath, [path.join(ROOT, 'bin', 'newsgraph.js'), 'serve'], env);

async function waitFor(pattern: RegExp, run: Run): Promise<RegExpMatchArray> {
  let done = false;
  void run.exited.then(() => (done = true));
  for (;;) {
    const match = pattern.exec(run.output());
    if (match) return match;
    if (done) throw new Error(`serve exited before printing ${pattern}:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether the process still runs: one that has exited but not yet been reaped (a zombie) does not. */
function isRunning(pid: number): boolean {
  if (existsSync('/proc/self/stat')) {
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
    return stat !== '' && !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  const probe = createServer();
  const free = await new Promise<boolean>((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (free) await new Promise<void>((resolve) => probe.close(() => resolve()));
  return free;
}

async function countArticles(url: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ articles { totalCount } }' }),
  });
  return response.json();
}

describe('npm start', () => {
  let dataDir: string;
  let run: Run;
  let url: string;
  let port: number;
  let mainPid: number;
  const workers: number[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-serve-'));
    run = launch('npm', ['start'], {
      PORT: '0',
      NEWSGRAPH_DATA_DIR: dataDir,
      NEWSGRAPH_WORKERS: '2',
    });
    const started = await waitFor(/2 API workers serving \(pids (\d+), (\d+)\)/, run);
    workers.push(Number(started[1]), Number(started[2]));
    const serving = await waitFor(/GraphQL API at (http:\/\/127\.0\.0\.1:(\d+)\/graphql).*\(process (\d+);/, run);
    [url, port, mainPid] = [serving[1], Number(serving[2]), Number(serving[3])];
  });

  afterAll(async () => {
    if (run.child.exitCode === null) run.child.kill('SIGKILL');
    for (const pid of [mainPid, ...workers]) if (pid && isRunning(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  // npm start runs the build (dist/), which has to find the project's schema/examples for the page.
  it('seeds the empty embedded database, listens on this machine only, and serves the API and the explorer page with its examples', async () => {
    expect(run.output()).toContain('loading articles from');
    expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);
    expect(await countArticles(url)).toEqual({ data: { articles: { totalCount: 1 } } });
    const page = await fetch(url.replace('/graphql', '/'), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('newsgraph-explorer-config');
    expect(html).toContain('"name":"person-with-meetings"');
  });

  it('replaces a worker that dies, and keeps answering', async () => {
    process.kill(workers[0], 'SIGKILL');
    await waitFor(new RegExp(`API worker ${workers[0]} was killed by SIGKILL; starting another`), run);
    const [, replacement] = await waitFor(/API worker (\d+) serving in its place/, run);
    workers.push(Number(replacement));
    for (let i = 0; i < 6; i++) expect(await countArticles(url)).toEqual({ data: { articles: { totalCount: 1 } } });
  });

  // SIGINT is the harder of the two: a shell between npm and the server would wait on through it.
  it('stops everything it started when npm is sent SIGINT: no process left, port and data directory free', async () => {
    run.child.kill('SIGINT');
    await run.closed;
    expect(run.output()).toContain('newsgraph: SIGINT, finishing in-flight requests and shutting down');
    expect(run.output()).toContain('newsgraph: stopped');
    expect([mainPid, ...workers].filter(isRunning)).toEqual([]);
    expect(await portIsFree(port)).toBe(true);
    const reopened = await openDatabase({ mongodbUri: undefined, dataDir, dbName: 'newsgraph', log: () => undefined });
    try {
      expect(await reopened.db.collection('articles').countDocuments()).toBe(1);
    } finally {
      await reopened.close();
    }
  });
});

describe('newsgraph serve refuses to start', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-serve-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when the port is in use, before starting the database, naming PORT', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as { port: number };
    try {
      const run = serve({ PORT: String(port), NEWSGRAPH_DATA_DIR: dataDir });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(run.output()).toMatch(/set PORT to a free port/);
      expect(run.output()).not.toContain('MongoDB:');
    } finally {
      busy.close();
    }
  });

  it('on bad configuration, naming every bad variable', async () => {
    const run = serve({ PORT: 'eighty', NEWSGRAPH_API_KEY: 'short', NEWSGRAPH_DATA_DIR: dataDir });
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/PORT="eighty"/);
    expect(run.output()).toMatch(/NEWSGRAPH_API_KEY/);
  });
});
