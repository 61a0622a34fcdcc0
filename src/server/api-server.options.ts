/** MiB of query responses an API process keeps when not told otherwise (`NEWSGRAPH_RESPONSE_CACHE_MB`). */
export const DEFAULT_RESPONSE_CACHE_MB = 32;

/** What the API server needs to know, already validated (the cli reads and checks the environment). */
export interface ApiServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  /** Bearer key for mutations; undefined turns mutations off. */
  apiKey: string | undefined;
  /** Production hides the message of unexpected errors. */
  production: boolean;
  introspection: boolean;
  /** Serve the GraphQL explorer page at `/` for browsers. */
  explorer: boolean;
  /** Put stack traces in error responses (for debugging; off by default in every environment). */
  stackTraces: boolean;
  /** MiB of whole query responses kept under the store's version (`response-cache.plugin.ts`); 0 turns the cache off. */
  responseCacheMB: number;
}
