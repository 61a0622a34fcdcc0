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
  article(@Root() evidence: Evidence, @Ctx() ctx: RequestContext): Article | Promise<Article | null> {
    // Answered at once when the page read it: a page of sentences then waits on nothing more.
    if (evidence.articleDoc) return Article.from(evidence.articleDoc);
    return ctx.loaders.articleById.load(evidence.articleId).then((doc) => doc && Article.from(doc));
  }
}
