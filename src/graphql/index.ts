/** graphql: the TypeGraphQL schema (types, resolvers mapping store documents to them), request context and error policy. */
export { buildGraphQLSchema, printSortedSchema } from './schema.builder';
export { authenticate, createRequestContext, type CallerAuth, type RequestContext } from './request.context';
export { createErrorFormatter } from './error.formatter';
export { queriesAndMutationsOnly } from './operation-kind.rule';
