/**
 * Guards `@Authorized()` fields (the mutations): they need the configured API key as a bearer
 * token. The errors tell the caller exactly what to do, including when the server has no key.
 */
import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from './request.context';

export const apiKeyAuthChecker: AuthChecker<RequestContext> = ({ context }) => {
  const { auth } = context;
  if (!auth.keyConfigured) {
    throw new GraphQLError(
      'Mutations are disabled because this server has no API key. Start it with NEWSGRAPH_API_KEY=<secret> and send the header `Authorization: Bearer <secret>`.',
      { extensions: { code: 'FORBIDDEN' } },
    );
  }
  if (!auth.authorized) {
    throw new GraphQLError(
      auth.presented
        ? 'The Authorization header does not carry the API key; send `Authorization: Bearer <NEWSGRAPH_API_KEY>`.'
        : 'Mutations need the API key: send `Authorization: Bearer <NEWSGRAPH_API_KEY>`.',
      { extensions: { code: 'UNAUTHENTICATED' } },
    );
  }
  return true;
};
