/**
 * Checks that the server can listen where it is configured to, before it starts the database and
 * loads anything, so that a port in use costs the user a second and says which variable to change.
 * It listens for a moment and lets go; the server itself listens moments later.
 */
import { createServer } from 'node:net';

/** Why `host:port` cannot be listened on, with what to do about it; null when it can. */
export async function listenProblem(host: string, port: number): Promise<string | null> {
  if (port === 0) return null;
  const probe = createServer();
  const failure = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    probe.once('error', resolve);
    probe.listen({ host, port, exclusive: true }, () => resolve(null));
  });
  if (!failure) {
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return null;
  }
  switch (failure.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use (another newsgraph still running?). Stop that program, or set PORT to a free port (PORT=${port + 1} npm start; PORT=0 picks any)`;
    case 'EACCES':
      return `port ${port} needs privileges this user does not have; choose one above 1023, e.g. PORT=4000`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `HOST=${host} is not an address of this machine; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)`;
    default:
      return `cannot listen on ${host}:${port} (PORT, HOST): ${failure.message}`;
  }
}
