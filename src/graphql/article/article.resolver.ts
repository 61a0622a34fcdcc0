import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { findArticlesPage, loadExisting, orderMeetingsByDate, pageFromArray, type ArticleText } from '../../store';
import { ArticleOrderField } from './article-order.input';
import { Article } from './article.type';
import { ArticlesArgs } from './articles.args';
import { ConnectionArgs } from '../common/connection.args';
import { toConnection, type ConnectionValue } from '../common/connection.type';
import { ArticleConnection, MeetingConnection, OfficeConnection, PersonConnection } from '../common/connections.type';
import { storeIdOf } from '../common/global-id.codec';
import { Meeting } from '../meeting/meeting.type';
import { Office } from '../office/office.type';
import { OrderDirection, toSortDirection } from '../common/order-direction.type';
import { Person } from '../person/person.type';
import type { RequestContext } from '../common/request.context';
import { requireExactlyOne } from '../common/user-input.error';
import { requireShortTexts } from '../common/input-text.limit';

/** The text is read apart from the rest of the article, so only queries that ask for it pay for it. */
async function loadText(article: Article, ctx: RequestContext): Promise<ArticleText> {
  const text = await ctx.loaders.articleTextById.load(article.doc._id);
  if (!text)
    throw new Error(`the text of article ${article.doc._id} is gone; it was removed while this was being read`);
  return text;
}

/** The facts of the article's published version: those loaded with the text this `Article` shows. */
function ofThisVersion<F extends { version: string }>(article: Article, facts: readonly F[]): F[] {
  return facts.filter((fact) => fact.version === article.doc.version);
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => ArticleConnection, {
    description: 'The articles in the graph, latest publication first unless `orderBy` says otherwise.',
  })
  async articles(@Args() args: ArticlesArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<Article>> {
    requireShortTexts(args.filter, 'filter');
    const order = args.orderBy ?? { field: ArticleOrderField.PUBLISHED_ON, direction: OrderDirection.DESC };
    const page = await findArticlesPage(
      ctx.db,
      args.filter ?? {},
      { field: order.field, direction: toSortDirection(order.direction) },
      args,
    );
    return toConnection(page, Article.from);
  }

  @Query(() => Article, {
    nullable: true,
    description: 'One article by id or by source (give exactly one); null when there is none.',
  })
  async article(
    @Arg('id', () => ID, { nullable: true, description: 'The Article id.' }) id: string | null,
    @Arg('source', () => String, { nullable: true, description: 'The source it was loaded under, e.g. a file name.' })
    source: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Article | null> {
    requireExactlyOne({ id, source }, 'article');
    const storeId = id != null ? storeIdOf(id, 'Article') : null;
    const doc =
      source != null
        ? await ctx.loaders.articleBySource.load(source)
        : storeId
          ? await ctx.loaders.articleById.load(storeId)
          : null;
    return doc && Article.from(doc);
  }

  @FieldResolver(() => String, { description: 'The full text, which `Evidence` offsets index.' })
  async text(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<string> {
    return (await loadText(article, ctx)).text;
  }

  @FieldResolver(() => [String], { description: 'The body paragraphs, without front matter.' })
  async paragraphs(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<string[]> {
    const { text, paragraphs } = await loadText(article, ctx);
    return paragraphs.map((p) => text.slice(p.start, p.end));
  }

  @FieldResolver(() => PersonConnection, { description: 'The people this article names, by name.' })
  async people(
    @Root() article: Article,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Person>> {
    const mentions = ofThisVersion(article, await ctx.loaders.mentionsOfArticle.load(article.doc._id));
    const ids = [...new Set(mentions.filter((m) => m.kind === 'person').map((m) => m.entityId))];
    const people = (await loadExisting(ctx.loaders.personById, ids)).sort(byName);
    return toConnection(
      pageFromArray(people, args, (p) => p._id),
      Person.from,
    );
  }

  @FieldResolver(() => OfficeConnection, { description: 'The offices this article shows someone holding, by title.' })
  async offices(
    @Root() article: Article,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Office>> {
    const holdings = ofThisVersion(article, await ctx.loaders.holdingReportsOfArticle.load(article.doc._id));
    const offices = (await loadExisting(ctx.loaders.officeById, [...new Set(holdings.map((h) => h.officeId))])).sort(
      (a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a._id < b._id ? -1 : 1),
    );
    return toConnection(
      pageFromArray(offices, args, (o) => o._id),
      Office.from,
    );
  }

  @FieldResolver(() => MeetingConnection, { description: 'The meetings this article reports, latest first.' })
  async meetings(
    @Root() article: Article,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Meeting>> {
    const reports = ofThisVersion(article, await ctx.loaders.meetingReportsOfArticle.load(article.doc._id));
    const meetings = await loadExisting(ctx.loaders.meetingById, [...new Set(reports.map((r) => r.meetingId))]);
    return toConnection(
      pageFromArray(orderMeetingsByDate(meetings, -1), args, (m) => m._id),
      Meeting.from,
    );
  }
}
