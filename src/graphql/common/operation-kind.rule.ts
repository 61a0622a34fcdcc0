import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * The API answers queries and mutations over HTTP; it has no subscriptions. graphql-js 16 only
 * finds that out while executing (an internal error); refusing it while validating makes it a
 * client error, HTTP 400 GRAPHQL_VALIDATION_FAILED, like any other operation the schema cannot run.
 */
export const queriesAndMutationsOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') return;
    context.reportError(
      new GraphQLError('subscriptions are not supported: this API answers queries and mutations', { nodes: node }),
    );
  },
});
