/** server: the HTTP entry point serving the GraphQL API with health and readiness probes. */
export { startApiServer, type RunningApiServer } from './api.server';
export { DEFAULT_RESPONSE_CACHE_MB, type ApiServerOptions } from './api-server.options';
export { QUERY_LIMITS } from './query.limits';
export { explorerAssets, type ExplorerAssets } from './explorer';
