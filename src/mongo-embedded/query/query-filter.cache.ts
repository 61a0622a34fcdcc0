/**
 * Compiled mingo queries by filter. Compiling copies mingo's whole operator table, which costs
 * more than matching a small collection, while clients send the same filters over and over
 * (a page query, a loader's batch). Filters whose meaning can change between runs (`$expr`
 * may read `$$NOW`; `$where` and `$function` run client code) are compiled afresh each time.
 */
import { EJSON, type Document } from 'bson';
import { Query } from './mingo.context';
import { isPlainObject } from '../common/bson-value.util';

const CAPACITY = 500;
/**
 * Filters with a long list (a loader's `$in` over many ids) or long values are rarely sent
 * twice, and keying them would cost as much as compiling them.
 */
const LONGEST_LIST = 64;
const LONGEST_KEY = 8_192;
const UNCACHEABLE_OPERATORS = new Set(['$expr', '$where', '$function']);

function cacheable(value: unknown): boolean {
  if (Array.isArray(value)) return value.length <= LONGEST_LIST && value.every(cacheable);
  if (!isPlainObject(value)) return true;
  return Object.keys(value).every((key) => !UNCACHEABLE_OPERATORS.has(key) && cacheable(value[key]));
}

/** Canonical EJSON keeps types apart (5 vs Long(5), an ObjectId vs its hex string). */
function cacheKey(filter: Document, variables: Document | undefined): string | undefined {
  try {
    return EJSON.stringify({ filter, variables: variables ?? null }, { relaxed: false });
  } catch {
    // EJSON cannot write some values (a regex decoded with the BSON library's `g` for dot-all).
    return undefined;
  }
}

export class QueryFilterCache {
  /** In least-recently-used order: a hit moves its entry to the end. */
  private readonly compiled = new Map<string, Query>();

  /** The filter compiled with `options`; callers must have validated the filter. */
  query(filter: Document, options: { variables?: Document }): Query {
    if (!cacheable(filter)) return new Query(filter, options);
    const key = cacheKey(filter, options.variables);
    if (key === undefined || key.length > LONGEST_KEY) return new Query(filter, options);
    let query = this.compiled.get(key);
    if (query) {
      this.compiled.delete(key);
    } else {
      query = new Query(filter, options);
      if (this.compiled.size >= CAPACITY) this.compiled.delete(this.compiled.keys().next().value!);
    }
    this.compiled.set(key, query);
    return query;
  }
}
