import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ingestArticle } from '../ingest';
import { Article } from './article.type';
import { IngestArticleInput } from './ingest-article.input';
import { IngestArticlePayload } from './ingest-article.payload';
import { IngestStatus } from './ingest-status.type';
import type { RequestContext } from './request.context';

@Resolver()
export class IngestResolver {
  @Authorized()
  @Mutation(() => IngestArticlePayload, {
    description:
      'Extracts people, offices, organizations and meetings from one article and stores them, exactly as the seed loader does. Needs `Authorization: Bearer <NEWSGRAPH_API_KEY>`.',
  })
  async ingestArticle(
    @Arg('input', () => IngestArticleInput, { description: 'The article.' }) input: IngestArticleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<IngestArticlePayload> {
    const result = await ingestArticle(ctx.db, input);
    const doc = await ctx.loaders.articleById.load(result.articleId);
    if (!doc) throw new Error(`article ${result.articleId} was stored but cannot be read back`);
    return { article: Article.from(doc), status: result.status.toUpperCase() as IngestStatus };
  }
}
