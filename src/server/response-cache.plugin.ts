/**
 * Whole query responses kept in memory under the store's version (Apollo's response cache
 * plugin): a query asked again before anything new is applied to the store is answered without
 * running it, and the first one asked after a load, a removal or a reset, by this process or any
 * other, runs again. Reading the version is one small read per turn of the event loop, shared by
 * every request in it. Mutations are never cached, nor responses with errors.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { readStoreVersion } from '../store';
import type { RequestContext } from '../graphql';

/**
 * Freshness comes from the version in every key, not from an age: this only lets entries that
 * nobody asks for again leave before the least recently used ones would.
 */
const ENTRY_SECONDS = 3600;

/** Every query response may be kept: no field varies by caller (only mutations need the key). */
const everyResponseCacheable: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async executionDidStart({ overallCachePolicy }) {
        overallCachePolicy.restrict({ maxAge: ENTRY_SECONDS, scope: 'PUBLIC' });
      },
    };
  },
};

/** The plugins that cache responses in at most `maxMegabytes` MiB (counted as their JSON); none for 0. */
export function responseCachePlugins(maxMegabytes: number): Array<ApolloServerPlugin<RequestContext>> {
  if (maxMegabytes === 0) return [];
  // A request whose version could not be read (MongoDB unreachable) neither reads nor keeps an
  // answer: it runs, and fails, as it would without the cache.
  const versionOf = new WeakMap<RequestContext, string | null>();
  const versionKnown = async ({ contextValue }: { contextValue: RequestContext }) =>
    Boolean(versionOf.get(contextValue));
  return [
    everyResponseCacheable,
    ApolloServerPluginResponseCache<RequestContext>({
      cache: new InMemoryLRUCache({ maxSize: maxMegabytes * 1024 * 1024 }),
      extraCacheKeyData: async ({ contextValue }) => {
        const storeVersion = await readStoreVersion(contextValue.db).catch(() => null);
        versionOf.set(contextValue, storeVersion);
        return { storeVersion };
      },
      shouldReadFromCache: versionKnown,
      shouldWriteToCache: versionKnown,
    }),
  ];
}
