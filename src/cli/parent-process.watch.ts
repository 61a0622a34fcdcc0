/**
 * `npm start` runs the server through a shell (`npm` -> `sh -c` -> `node`). Signalled, npm passes
 * the signal to the shell, and a shell that forked rather than exec'd its command (dash, Debian's
 * sh, does) dies without passing it on: the server was left running, holding the port and the
 * data directory. Started by a package manager's script, the server therefore follows its parent:
 * when the parent is gone (the server's parent process id changes), it stops as if signalled.
 * Started directly (`node bin/newsgraph.js serve &`, systemd, a container), it does not, so that
 * a server deliberately left running outlives the shell that started it.
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
