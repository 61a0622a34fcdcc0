import { GraphQLError } from 'graphql';
import { createErrorFormatter } from '../../../src/graphql';
import { ArticleInputError } from '../../../src/ingest';
import { StoreBusyError, StoreInputError } from '../../../src/store';

const located = { locations: [{ line: 1, column: 3 }], path: ['people'] };

describe('createErrorFormatter', () => {
  it('shows input errors from the store and the ingester as BAD_USER_INPUT with their message', () => {
    for (const production of [false, true]) {
      const format = createErrorFormatter(production);
      for (const cause of [
        new StoreInputError('`first` must be between 0 and 100'),
        new ArticleInputError('the article needs a source'),
      ]) {
        const formatted = format(
          {
            message: 'Unexpected error.',
            ...located,
            extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] },
          },
          new GraphQLError(cause.message, { originalError: cause, path: ['people'] }),
        );
        expect(formatted).toEqual({ message: cause.message, ...located, extensions: { code: 'BAD_USER_INPUT' } });
      }
    }
  });

  it('tells a client that a load the store could not apply now may be sent again: STORE_BUSY, in production too', () => {
    const cause = new StoreBusyError('other loads kept the store busy past this load’s patience; try again');
    for (const production of [false, true]) {
      const formatted = createErrorFormatter(production)(
        {
          message: 'Unexpected error.',
          ...located,
          extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] },
        },
        new GraphQLError(cause.message, { originalError: cause, path: ['ingestArticle'] }),
      );
      expect(formatted).toEqual({
        message: cause.message,
        ...located,
        extensions: { code: 'STORE_BUSY', retryable: true },
      });
    }
  });

  it('hides the message and stack of unexpected errors in production only', () => {
    const internal = {
      message: 'connection to 10.0.0.5:27017 lost',
      ...located,
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at ...'] },
    };
    const cause = new GraphQLError(internal.message, { originalError: new Error(internal.message), path: ['people'] });
    expect(createErrorFormatter(true)(internal, cause)).toEqual({
      message: 'Internal server error',
      ...located,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(createErrorFormatter(false)(internal, cause)).toEqual(internal);
  });

  it('keeps errors raised on purpose, with their code, in production', () => {
    const unauthenticated = { message: 'Mutations need the API key', extensions: { code: 'UNAUTHENTICATED' } };
    expect(createErrorFormatter(true)(unauthenticated, new GraphQLError(unauthenticated.message))).toEqual(
      unauthenticated,
    );
  });
});
