/**
 * Limits on what one GraphQL operation may ask for, enforced by graphql-armor before execution.
 * Together with `first`/`last` capped at 100 per connection they bound the work of any request.
 * The README's limits table is written from these values.
 */
import type { ApolloArmor } from '@escape.tech/graphql-armor';

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

export const QUERY_LIMITS = {
  /** Nesting of selections: deep enough for person -> meetings -> participants -> their offices. */
  maxDepth: 12,
  /**
   * graphql-armor cost: each object field costs 2 and each scalar 1, weighted by nesting
   * (x1.2 per level). The example operations cost 30 to 7,600.
   */
  maxCost: 10_000,
  costDepthFactor: 1.2,
  maxAliases: 15,
  maxDirectives: 20,
  /** Tokens of the query document (not of the variables), enforced by graphql's own parser. */
  maxTokens: 2000,
  /** Body size of a request; room for one 5 MB article in `ingestArticle` once JSON-escaped. */
  maxBodyBytes: 12 * 1024 * 1024,
} as const;

export const ARMOR_CONFIG: ArmorConfig = {
  maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
  costLimit: {
    maxCost: QUERY_LIMITS.maxCost,
    depthCostFactor: QUERY_LIMITS.costDepthFactor,
    ignoreIntrospection: true,
  },
  // graphql-armor lets `__typename` aliases through by default; each one is still an output field.
  maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [] },
  maxDirectives: { n: QUERY_LIMITS.maxDirectives },
  // graphql-armor's token plugin throws from a plugin hook, which Apollo answers with 500;
  // graphql's parser enforces the same limit as a syntax error (400, GRAPHQL_PARSE_FAILED).
  maxTokens: { enabled: false },
  blockFieldSuggestion: { enabled: true },
};
