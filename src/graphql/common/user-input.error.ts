import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';

/** An error the caller can fix, reported with Apollo's BAD_USER_INPUT code and no internals. */
export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT } });
}

/** For lookups by one of several keys (`person(id:)` or `person(slug:)`): exactly one must be given. */
export function requireExactlyOne(args: Record<string, unknown>, field: string): void {
  const given = Object.entries(args).filter(([, value]) => value != null);
  if (given.length !== 1) {
    throw badUserInput(
      `\`${field}\` needs exactly one of ${Object.keys(args)
        .map((name) => `\`${name}\``)
        .join(' or ')}`,
    );
  }
}
