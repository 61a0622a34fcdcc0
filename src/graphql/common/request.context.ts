/** What every resolver of one request sees: the database, the request's batch loaders, and who is calling. */
import { timingSafeEqual } from 'node:crypto';
import type { Db } from 'mongodb';
import { createRequestLoaders, type RequestLoaders } from '../../store';

export interface CallerAuth {
  /** Whether the server has an API key at all; without one, mutations are off. */
  keyConfigured: boolean;
  /** Whether the request sent `Authorization: Bearer <key>` with the configured key. */
  authorized: boolean;
  /** Whether the request sent an Authorization header at all. */
  presented: boolean;
}

export interface RequestContext {
  db: Db;
  loaders: RequestLoaders;
  auth: CallerAuth;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function authenticate(authorizationHeader: string | undefined, apiKey: string | undefined): CallerAuth {
  const token = /^Bearer\s+(.+)$/i.exec(authorizationHeader?.trim() ?? '')?.[1];
  return {
    keyConfigured: Boolean(apiKey),
    presented: authorizationHeader !== undefined,
    authorized: Boolean(apiKey && token && sameSecret(token, apiKey)),
  };
}

export function createRequestContext(db: Db, auth: CallerAuth): RequestContext {
  return { db, loaders: createRequestLoaders(db), auth };
}
