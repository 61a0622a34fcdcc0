/**
 * GraphiQL's editors (Monaco) run their language services in web workers. The workers are built
 * next to this bundle and loaded from this server; GraphiQL's own set-up for browsers without a
 * bundler would fetch them from a CDN.
 */
const bundleUrl = (document.currentScript as HTMLScriptElement).src;
const workerUrl = (name: string): string => new URL(`${name}.worker.js`, bundleUrl).href;

const WORKERS: Record<string, string> = { json: 'json', graphql: 'graphql' };

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: (_workerId: string, label: string): Worker => new Worker(workerUrl(WORKERS[label] ?? 'editor')),
};
