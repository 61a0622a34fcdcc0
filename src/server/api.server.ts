/**
 * The HTTP server: Apollo Server on plain node:http, GraphQL at `/` and `/graphql` (the explorer
 * page for browsers at `/` when enabled, CORS open to any origin), `GET /healthz` (the
 * process answers) and `GET /readyz` (MongoDB answers a ping). Stopping drains in-flight requests first.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Db } from 'mongodb';
import {
  authenticate,
  buildGraphQLSchema,
  createErrorFormatter,
  createRequestContext,
  queriesAndMutationsOnly,
  type RequestContext,
} from '../graphql';
import { databaseAnswers } from '../store';
import { IdleCollectionScheduler } from './idle-collection.scheduler';
import type { ApiServerOptions } from './api-server.options';
import { explorerRoute } from './explorer';
import { ARMOR_CONFIG, QUERY_LIMITS } from './query.limits';
import { readRequestBody, RequestBodyError } from './request-body.reader';
import { responseCachePlugins } from './response-cache.plugin';

export interface RunningApiServer {
  /** `http://host:port/` as reachable from this machine. */
  url: string;
  port: number;
  /** Stops accepting requests, lets in-flight ones finish, then closes. Does not close the database. */
  stop(): Promise<void>;
}

const GRAPHQL_PATHS = new Set(['/', '/graphql']);

/**
 * Any origin may call the API: it uses no cookies (mutations need a bearer key a page cannot
 * borrow), so allowing browsers from other origins exposes nothing a plain HTTP client could not get.
 */
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
  'access-control-max-age': '86400',
  // A busy ingest answers 503 with Retry-After; browsers show it to the page only when exposed.
  'access-control-expose-headers': 'retry-after',
};
const READY_TIMEOUT_MS = 2000;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startApiServer({
  db,
  options,
}: {
  db: Db;
  options: ApiServerOptions;
}): Promise<RunningApiServer> {
  const httpServer = createServer();
  const armor = new ApolloArmor(ARMOR_CONFIG).protect();
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildGraphQLSchema(),
    introspection: options.introspection,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The process owner (the serve command) handles signals; Apollo's own handler would re-raise
    // SIGTERM and kill the process before the database is closed.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: options.stackTraces,
    formatError: createErrorFormatter(options.production),
    validationRules: [...armor.validationRules, queriesAndMutationsOnly],
    // No per-field cache hints are used (the response cache keys on the store's version instead);
    // without the cache-control plugin Apollo does not wrap every resolver.
    plugins: [
      ...armor.plugins,
      // The explorer page is served below, outside Apollo, so that it can set its own security policy.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...responseCachePlugins(options.responseCacheMB),
    ],
  });
  await apollo.start();
  const explorer = options.explorer
    ? explorerRoute({
        pagePaths: GRAPHQL_PATHS,
        config: {
          endpointPath: '/graphql',
          mutationsEnabled: options.apiKey !== undefined,
          introspection: options.introspection,
        },
      })
    : null;

  async function handleGraphQL(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = request.method === 'POST' ? await readRequestBody(request, QUERY_LIMITS.maxBodyBytes) : undefined;
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => createRequestContext(db, authenticate(headers.get('authorization'), options.apiKey)),
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  const idleCollection = new IdleCollectionScheduler();
  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    idleCollection.requestStarted();
    response.once('close', () => idleCollection.requestEnded());
    const url = new URL(request.url ?? '/', 'http://localhost');
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
    const route = async (): Promise<void> => {
      if (request.method === 'OPTIONS') {
        response.writeHead(204).end();
        return;
      }
      if (url.pathname === '/healthz' && request.method === 'GET') return sendJson(response, 200, { status: 'ok' });
      if (url.pathname === '/readyz' && request.method === 'GET') {
        const ready = await databaseAnswers(db, READY_TIMEOUT_MS);
        return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
      }
      if (explorer?.handles(request, url)) return explorer.serve(request, response, url);
      if (GRAPHQL_PATHS.has(url.pathname)) return handleGraphQL(request, response, url);
      sendJson(response, 404, { error: `no route ${url.pathname}; GraphQL is served at / and /graphql` });
    };
    route().catch((err: unknown) => {
      if (response.headersSent) return response.destroy();
      if (err instanceof RequestBodyError)
        return sendJson(response, err.status, { errors: [{ message: err.message }] });
      sendJson(response, 500, { errors: [{ message: options.production ? 'Internal server error' : String(err) }] });
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await apollo.stop();
    throw err;
  }
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    stop: () => apollo.stop(),
  };
}
