/** graphql: the TypeGraphQL schema (types, resolvers mapping store documents to them), request context and error policy. */
export { buildGraphQLSchema, printSortedSchema } from './common/schema.builder';
export { authenticate, createRequestContext, type CallerAuth, type RequestContext } from './common/request.context';
export { createErrorFormatter } from './common/error.formatter';
export { queriesAndMutationsOnly } from './common/operation-kind.rule';
