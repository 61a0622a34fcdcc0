/**
 * npm runs a script through a shell (`npm` -> `sh -c` -> `node`) and passes SIGTERM and SIGINT
 * on to that shell only. A shell that forked rather than exec'd its command (dash, Debian's sh,
 * does) then dies of SIGTERM, or waits on through SIGINT, without telling the server: the server
 * was left running, holding the port and the data directory. So `npm start` execs the server
 * (npm's signals then reach it), and a server started by a package manager's script also follows
 * its parent: when the parent is gone (its parent process id changes, e.g. npm was killed with
 * SIGKILL), it stops as if signalled. Started directly (`node bin/newsgraph.js serve &`, systemd,
 * a container), it does not, so that a server deliberately left running outlives its shell.
 */

const CHECK_INTERVAL_MS = 500;

/** Calls `onGone` once when this process's parent exits; returns a function that stops watching. */
export function followParentProcess(
  env: Readonly<Record<string, string | undefined>>,
  onGone: (parentPid: number) => void,
): () => void {
  // npm, yarn and pnpm set this for the scripts they run.
  if (!env.npm_lifecycle_event) return () => undefined;
  const parentPid = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parentPid) return;
    clearInterval(timer);
    onGone(parentPid);
  }, CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
