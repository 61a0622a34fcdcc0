/**
 * A server started by a package manager's script stops when the process that started it is gone,
 * even when nothing signals it (npm killed with SIGKILL, a shell that swallowed the signal).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const WATCHER = path.join(__dirname, '..', '..', 'src', 'cli', 'parent-process.watch.ts');
const FOLLOWER = `
  require(process.env.WATCHER).followParentProcess(process.env, (parent) => {
    console.log('parent ' + parent + ' is gone');
    process.exit(0);
  });
  console.log('following ' + process.ppid);
  setInterval(() => undefined, 60000);
`;

it('notices that its parent is gone, and says which', async () => {
  // The shell forks the follower (a command follows it), as dash does for `npm start`'s script.
  const shell = spawn(
    'sh',
    ['-c', `"${process.execPath}" -r @swc-node/register -e "eval(process.env.FOLLOWER)"; echo unreachable`],
    {
      cwd: path.join(__dirname, '..', '..'),
      env: { ...process.env, WATCHER, FOLLOWER, npm_lifecycle_event: 'start' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  shell.stdout!.on('data', (chunk) => {
    output += chunk;
    if (/following \d+/.test(output) && shell.exitCode === null) shell.kill('SIGKILL');
  });
  // The pipe closes when the follower, its last writer, has exited.
  await new Promise<void>((resolve) => shell.stdout!.on('close', () => resolve()));
  expect(output).toBe(`following ${shell.pid}\nparent ${shell.pid} is gone\n`);
});
