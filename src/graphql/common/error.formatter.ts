/**
 * How errors leave the API: store and article input errors become BAD_USER_INPUT with their
 * message; a load the store could not apply now becomes STORE_BUSY (retrying is safe); in
 * production, unexpected errors lose their message (it may name internals) and every error its
 * stack trace, while errors with a deliberate code keep their message.
 */
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArticleInputError } from '../../ingest';
import { StoreBusyError, StoreInputError } from '../../store';

/** The code of a load the store could not apply now: sending the same request again is safe. */
export const STORE_BUSY = 'STORE_BUSY';

export function createErrorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof StoreInputError || original instanceof ArticleInputError) {
      return { ...formatted, message: original.message, extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT } };
    }
    if (original instanceof StoreBusyError) {
      return { ...formatted, message: original.message, extensions: { code: STORE_BUSY, retryable: true } };
    }
    if (production && formatted.extensions?.code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR) {
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
      };
    }
    return formatted;
  };
}
