/**
 * The API server on a free loopback port over a test database, and a small client that posts
 * GraphQL the way a browser app would (JSON body, so CSRF prevention lets it through).
 */
import type { Db } from 'mongodb';
import {
  DEFAULT_RESPONSE_CACHE_MB,
  startApiServer,
  type ApiServerOptions,
  type RunningApiServer,
} from '../../src/server';

export interface GraphQLResponse<TData = any> {
  status: number;
  data?: TData;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, any> }>;
}

export interface TestApi {
  server: RunningApiServer;
  url: string;
  post<TData = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
  stop(): Promise<void>;
}

export const TEST_API_KEY = 'test-api-key-0123456789abcdef';

export async function startTestApi(db: Db, options: Partial<ApiServerOptions> = {}): Promise<TestApi> {
  const server = await startApiServer({
    db,
    options: {
      port: 0,
      host: '127.0.0.1',
      apiKey: undefined,
      production: false,
      introspection: true,
      explorer: true,
      stackTraces: false,
      responseCacheMB: DEFAULT_RESPONSE_CACHE_MB,
      ...options,
    },
  });
  const url = `http://127.0.0.1:${server.port}/graphql`;
  return {
    server,
    url,
    async post(query, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    stop: () => server.stop(),
  };
}
