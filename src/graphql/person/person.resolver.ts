import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { entityMeetingsPage, findPeoplePage, keyedPage, listedHoldings, loadExisting } from '../../store';
import { Affiliation } from '../organization/affiliation.type';
import { Article } from '../article/article.type';
import { ConnectionArgs } from '../common/connection.args';
import { pageInfoOf, toConnection, type ConnectionValue } from '../common/connection.type';
import { ArticleConnection, EvidenceConnection, MeetingConnection, PersonConnection } from '../common/connections.type';
import { DatedMeetingsArgs } from '../meeting/dated-meetings.args';
import { Evidence } from '../support/evidence.type';
import { requireStoreId, storeIdOf } from '../common/global-id.codec';
import { Meeting } from '../meeting/meeting.type';
import { PersonMetWithConnection, type PersonMetWithEdge } from './met-with.type';
import {
  checkMinArticles,
  checkMinShare,
  DEFAULT_MIN_ARTICLES,
  DEFAULT_MIN_SHARE,
  MIN_ARTICLES_DESCRIPTION,
  MIN_SHARE_DESCRIPTION,
} from '../common/min-articles.arg';
import { OfficeHolding } from '../office/office-holding.type';
import { OrderDirection, toSortDirection } from '../common/order-direction.type';
import { Organization } from '../organization/organization.type';
import { PeopleArgs } from './people.args';
import { PersonOrderField } from './person-order.input';
import { Person } from './person.type';
import type { RequestContext } from '../common/request.context';
import { compareBySupport } from '../support/support.order';
import { supportArticles, supportEvidence } from '../support/support.resolver';
import { requireExactlyOne } from '../common/user-input.error';
import { requireShortTexts } from '../common/input-text.limit';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, {
    description: 'People named in the articles, by name unless `orderBy` says otherwise.',
  })
  async people(@Args() args: PeopleArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<Person>> {
    requireShortTexts(args.filter, 'filter');
    const order = args.orderBy ?? { field: PersonOrderField.NAME, direction: OrderDirection.ASC };
    const articleId =
      args.filter?.articleId != null ? requireStoreId(args.filter.articleId, 'Article', 'filter.articleId') : null;
    const page = await findPeoplePage(
      ctx.db,
      { name: args.filter?.name, articleId },
      { field: order.field, direction: toSortDirection(order.direction) },
      args,
    );
    return toConnection(page, Person.from);
  }

  @Query(() => Person, {
    nullable: true,
    description: 'One person by id or by slug (give exactly one); null when there is none.',
  })
  async person(
    @Arg('id', () => ID, { nullable: true, description: 'The Person id.' }) id: string | null,
    @Arg('slug', () => String, { nullable: true, description: 'The slug, e.g. `masrour-barzani`.' })
    slug: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Person | null> {
    requireExactlyOne({ id, slug }, 'person');
    const storeId = id != null ? storeIdOf(id, 'Person') : null;
    const doc =
      slug != null
        ? await ctx.loaders.personBySlug.load(slug)
        : storeId
          ? await ctx.loaders.personById.load(storeId)
          : null;
    return doc && Person.from(doc);
  }

  @FieldResolver(() => [OfficeHolding], {
    description:
      'The offices the articles show this person holding, the best supported first (most articles), then the latest shown.',
  })
  async offices(
    @Root() person: Person,
    @Arg('minArticles', () => Int, { defaultValue: DEFAULT_MIN_ARTICLES, description: MIN_ARTICLES_DESCRIPTION })
    minArticles: number,
    @Arg('minShare', () => Float, { defaultValue: DEFAULT_MIN_SHARE, description: MIN_SHARE_DESCRIPTION })
    minShare: number,
    @Ctx() ctx: RequestContext,
  ): Promise<OfficeHolding[]> {
    checkMinArticles(minArticles);
    checkMinShare(minShare);
    const holdings = [...(await ctx.loaders.holdingsOfPerson.load(person.doc._id))].sort(
      compareBySupport((h) => h.officeId),
    );
    const offices = new Map(
      (
        await loadExisting(
          ctx.loaders.officeById,
          holdings.map((h) => h.officeId),
        )
      ).map((o) => [o._id, o]),
    );
    const listed = listedHoldings(
      holdings.flatMap((holding) => {
        const office = offices.get(holding.officeId);
        return office ? [{ office, holding }] : [];
      }),
      { minArticles, minShare },
    );
    return listed.map(({ office, holding }) => OfficeHolding.from(office, holding));
  }

  @FieldResolver(() => [Affiliation], {
    description:
      'The parties and bodies this person belongs to (`Labour MP`, `Republican Senator`), the best supported first.',
  })
  async affiliations(
    @Root() person: Person,
    @Arg('minArticles', () => Int, { defaultValue: DEFAULT_MIN_ARTICLES, description: MIN_ARTICLES_DESCRIPTION })
    minArticles: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Affiliation[]> {
    checkMinArticles(minArticles);
    return (await ctx.loaders.affiliationsOfPerson.load(person.doc._id))
      .filter((a) => a.articleCount >= minArticles)
      .sort(compareBySupport((a) => a.organizationId))
      .map(Affiliation.from);
  }

  @FieldResolver(() => MeetingConnection, {
    description:
      'The meetings this person took part in, latest first unless `direction` says otherwise (undated ones come last when latest first, first otherwise).',
  })
  async meetings(
    @Root() person: Person,
    @Args() args: DatedMeetingsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Meeting>> {
    const direction = toSortDirection(args.direction ?? OrderDirection.DESC);
    const page = await entityMeetingsPage(ctx.loaders, ctx.loaders.meetingsOfPerson, person.doc, direction, args);
    return toConnection(page, Meeting.from);
  }

  @FieldResolver(() => PersonMetWithConnection, {
    description:
      'The people this person met, each with the meetings they shared, those met most often first: the who-met-whom graph.',
  })
  async metWith(
    @Root() person: Person,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonMetWithConnection> {
    const page = await keyedPage(
      ctx.loaders.encountersOfPerson,
      person.doc._id,
      { field: 'sharedMeetingCount', direction: -1 },
      args,
      async () => person.doc.metCount,
    );
    const people = await ctx.loaders.personById.loadMany(page.edges.map((edge) => edge.node.otherId));
    const edges = page.edges.flatMap((edge, i): PersonMetWithEdge[] => {
      const doc = people[i];
      if (doc instanceof Error) throw doc;
      if (doc === null) return [];
      return [
        {
          cursor: edge.cursor,
          node: Person.from(doc),
          sharedMeetingCount: edge.node.sharedMeetingCount,
          personId: person.doc._id,
        },
      ];
    });
    return {
      edges,
      nodes: edges.map((edge) => edge.node),
      pageInfo: pageInfoOf(page),
      totalCount: page.totalCount(),
    };
  }

  @FieldResolver(() => [Organization], {
    description:
      'The organizations this person belongs to (affiliations) or holds an office of (an office whose jurisdiction is the organization, e.g. leader of a party), by name.',
  })
  async organizations(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<Organization[]> {
    const [holdings, affiliations] = await Promise.all([
      ctx.loaders.holdingsOfPerson.load(person.doc._id),
      ctx.loaders.affiliationsOfPerson.load(person.doc._id),
    ]);
    const offices = await loadExisting(
      ctx.loaders.officeById,
      holdings.map((h) => h.officeId),
    );
    const jurisdictions = [
      ...new Set(
        offices.flatMap((o) => (o.jurisdictionKind === 'organization' && o.jurisdiction ? [o.jurisdiction] : [])),
      ),
    ];
    const [named, affiliated] = await Promise.all([
      loadExisting(ctx.loaders.organizationsByName, jurisdictions),
      loadExisting(
        ctx.loaders.organizationById,
        affiliations.map((a) => a.organizationId),
      ),
    ]);
    const all = new Map([...named.flat(), ...affiliated].map((doc) => [doc._id, doc]));
    return [...all.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(Organization.from);
  }

  @FieldResolver(() => ArticleConnection, { description: 'The articles that name this person, latest first.' })
  articles(
    @Root() person: Person,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Article>> {
    return supportArticles(person.support, args, ctx);
  }

  @FieldResolver(() => EvidenceConnection, {
    description: 'The sentences that name this person, latest article first.',
  })
  evidence(
    @Root() person: Person,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Evidence>> {
    return supportEvidence(person.support, args, ctx);
  }
}
