import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  evidencePage,
  keyedPage,
  pairKey,
  publishedFacts,
  type FactView,
  type KeyedRange,
  type Page,
  type PublishedArticle,
  type RequestLoaders,
} from '../../store';
import type DataLoader from 'dataloader';
import { Article } from '../article/article.type';
import { ConnectionArgs } from '../common/connection.args';
import { toConnection, type ConnectionValue } from '../common/connection.type';
import { ArticleConnection, EvidenceConnection } from '../common/connections.type';
import { Evidence } from './evidence.type';
import type { RequestContext } from '../common/request.context';
import { Support, type SupportSource } from './support.type';

/** The facts behind a source, newest article first, and the key the lookup reads them by. */
function factsOf(
  loaders: RequestLoaders,
  source: SupportSource,
): { lookup: DataLoader<KeyedRange, FactView[], string>; key: string } {
  const lookup = (l: unknown) => l as DataLoader<KeyedRange, FactView[], string>;
  switch (source.kind) {
    case 'entity':
      return { lookup: lookup(loaders.mentionsOfEntity), key: source.entityId };
    case 'office':
      return { lookup: lookup(loaders.reportsOfOffice), key: source.officeId };
    case 'holding':
      return { lookup: lookup(loaders.reportsOfHolding), key: pairKey(source.officeId, source.personId) };
    case 'meeting':
      return { lookup: lookup(loaders.reportsOfMeeting), key: source.meetingId };
    case 'affiliation':
      return { lookup: lookup(loaders.reportsOfAffiliation), key: pairKey(source.personId, source.organizationId) };
  }
}

/**
 * How many facts stand behind `support` at most: each states at least one of its sentences. (A
 * load in progress may leave a few facts of unpublished versions beside them, which only makes a
 * whole read a little longer: pages keep the published ones.)
 */
function factsAtMost(support: Support): number {
  return support.evidenceCount;
}

/** The articles of a page of facts (an article stating it twice shows once), as a page of articles. */
async function articlesOfFacts(page: Page<FactView>, ctx: RequestContext): Promise<ConnectionValue<Article>> {
  const { facts, articles } = await publishedFacts(
    ctx.loaders,
    page.edges.map((edge) => edge.node),
  );
  const kept = new Set(facts.map((f) => f._id));
  const seen = new Set<string>();
  const edges = page.edges.filter((edge) => {
    if (!kept.has(edge.node._id) || seen.has(edge.node.articleId)) return false;
    seen.add(edge.node.articleId);
    return true;
  });
  return toConnection(
    { ...page, edges: edges.map((edge) => ({ cursor: edge.cursor, node: articles.get(edge.node.articleId)! })) },
    Article.from,
  );
}

/** The sentences behind `support`, a page at a time. */
export async function supportEvidence(
  support: Support,
  args: ConnectionArgs,
  ctx: RequestContext,
): Promise<ConnectionValue<Evidence>> {
  const { lookup, key } = factsOf(ctx.loaders, support.source);
  // The articles the facts were checked against are those the sentences come from: each sentence keeps its own.
  const articles = new Map<string, PublishedArticle>();
  const page = await evidencePage(
    lookup,
    key,
    args,
    async (facts) => {
      const published = await publishedFacts(ctx.loaders, facts);
      for (const [id, article] of published.articles) articles.set(id, article);
      return published.facts;
    },
    async () => support.evidenceCount,
    factsAtMost(support),
  );
  return toConnection(page, (sentence) => Evidence.from(sentence, articles.get(sentence.articleId)));
}

/** The articles behind `support`, latest first, a page at a time. */
export async function supportArticles(
  support: Support,
  args: ConnectionArgs,
  ctx: RequestContext,
): Promise<ConnectionValue<Article>> {
  const { lookup, key } = factsOf(ctx.loaders, support.source);
  const page = await keyedPage(
    lookup,
    key,
    { field: 'date', direction: -1 },
    args,
    async () => support.articleCount,
    factsAtMost(support),
  );
  return articlesOfFacts(page, ctx);
}

@Resolver(() => Support)
export class SupportResolver {
  @FieldResolver(() => EvidenceConnection, {
    description: 'The sentences that state it, latest article first, each article’s sentences in text order.',
  })
  evidence(
    @Root() support: Support,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Evidence>> {
    return supportEvidence(support, args, ctx);
  }

  @FieldResolver(() => ArticleConnection, { description: 'The articles that state it, latest first.' })
  articles(
    @Root() support: Support,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Article>> {
    return supportArticles(support, args, ctx);
  }
}
