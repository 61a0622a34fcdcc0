import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Article } from '../article/article.type';
import { Evidence } from './evidence.type';
import type { RequestContext } from '../common/request.context';

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Article, {
    nullable: true,
    description: 'The article the sentence is from; null only if it was removed while this was being read.',
  })
  async article(@Root() evidence: Evidence, @Ctx() ctx: RequestContext): Promise<Article | null> {
    const doc = await ctx.loaders.articleById.load(evidence.articleId);
    return doc && Article.from(doc);
  }
}
