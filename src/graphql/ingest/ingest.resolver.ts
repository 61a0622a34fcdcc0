import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ExtractionQueueFullError, ingestArticle } from '../../ingest';
import { removeArticle } from '../../store';
import { Article } from '../article/article.type';
import { IngestArticleInput } from './ingest-article.input';
import { IngestArticlePayload } from './ingest-article.payload';
import { IngestStatus } from './ingest-status.type';
import { RemovalStatus, RemoveArticlePayload } from './remove-article.payload';
import type { RequestContext } from '../common/request.context';

/** A full extraction queue is the server's state, not the caller's mistake: HTTP 503 with when to retry. */
function serviceUnavailable(err: ExtractionQueueFullError): GraphQLError {
  return new GraphQLError(err.message, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: err.retryAfterSeconds,
      http: { status: 503, headers: new HeaderMap([['retry-after', String(err.retryAfterSeconds)]]) },
    },
  });
}
const RETRYABLE =
  'Concurrent loads are applied one after another; if the store stays busy the error code is STORE_BUSY and sending the same request again is safe.';

@Resolver()
export class IngestResolver {
  @Authorized()
  @Mutation(() => IngestArticlePayload, {
    description: `Extracts people, offices, affiliations, organizations and meetings from one article and stores them, exactly as the seed loader does; the same source again replaces its facts. Needs \`Authorization: Bearer <NEWSGRAPH_API_KEY>\`. An article whose extraction runs past the time limit is refused (BAD_USER_INPUT) and nothing is stored; when too many articles are waiting the answer is HTTP 503 with \`Retry-After\`. ${RETRYABLE}`,
  })
  async ingestArticle(
    @Arg('input', () => IngestArticleInput, { description: 'The article.' }) input: IngestArticleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<IngestArticlePayload> {
    let result;
    try {
      result = await ingestArticle(ctx.db, input);
    } catch (err) {
      throw err instanceof ExtractionQueueFullError ? serviceUnavailable(err) : err;
    }
    const doc = await ctx.loaders.articleById.load(result.articleId);
    if (!doc) throw new Error(`article ${result.articleId} was stored but cannot be read back`);
    return { article: Article.from(doc), status: result.status.toUpperCase() as IngestStatus };
  }

  @Authorized()
  @Mutation(() => RemoveArticlePayload, {
    description: `Takes an article and exactly its facts out of the graph: entities and facts that only it stated go, the support of the rest drops. Needs \`Authorization: Bearer <NEWSGRAPH_API_KEY>\`. ${RETRYABLE}`,
  })
  async removeArticle(
    @Arg('source', () => String, { description: 'The source the article was loaded under.' }) source: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RemoveArticlePayload> {
    const result = await removeArticle(ctx.db, source);
    return {
      source: source.trim(),
      status: result.status === 'removed' ? RemovalStatus.REMOVED : RemovalStatus.ABSENT,
    };
  }
}
