import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { findPeoplePage, loadExisting, orderMeetingsByDate, pageFromArray, type MeetingView } from '../store';
import { Article } from './article.type';
import { ConnectionArgs } from './connection.args';
import { pageInfoOf, toConnection, toLoadedConnection, type ConnectionValue } from './connection.type';
import { ArticleConnection, EvidenceConnection, MeetingConnection, PersonConnection } from './connections.type';
import { DatedMeetingsArgs } from './dated-meetings.args';
import { Evidence } from './evidence.type';
import { requireStoreId, storeIdOf } from './global-id.codec';
import { Meeting } from './meeting.type';
import { PersonMetWithConnection, type PersonMetWithEdge } from './met-with.type';
import { compareHoldingsByRecency, OfficeHolding } from './office-holding.type';
import { OrderDirection, toSortDirection } from './order-direction.type';
import { Organization } from './organization.type';
import { PeopleArgs } from './people.args';
import { PersonOrderField } from './person-order.input';
import { Person } from './person.type';
import type { RequestContext } from './request.context';
import { requireExactlyOne } from './user-input.error';
import { requireShortTexts } from './input-text.limit';

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
    description: 'The offices the articles show this person holding, latest first.',
  })
  async offices(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<OfficeHolding[]> {
    const offices = await ctx.loaders.officesByHolder.load(person.doc._id);
    return offices
      .flatMap((office) => office.holders.filter((m) => m.personId === person.doc._id).map((m) => ({ office, m })))
      .sort((a, b) => compareHoldingsByRecency(a.m, b.m))
      .map(({ office, m }) => OfficeHolding.from(office, m));
  }

  @FieldResolver(() => MeetingConnection, {
    description: 'The meetings this person took part in, latest first unless `direction` says otherwise.',
  })
  async meetings(
    @Root() person: Person,
    @Args() args: DatedMeetingsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Meeting>> {
    const meetings = await ctx.loaders.meetingsByPerson.load(person.doc._id);
    const ordered = orderMeetingsByDate(meetings, toSortDirection(args.direction ?? OrderDirection.DESC));
    return toConnection(
      pageFromArray(ordered, args, (m) => m._id),
      Meeting.from,
    );
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
    const own = person.doc._id;
    const shared = new Map<string, MeetingView[]>();
    for (const meeting of orderMeetingsByDate(await ctx.loaders.meetingsByPerson.load(own), -1)) {
      for (const other of new Set(meeting.personIds)) {
        if (other !== own) shared.set(other, [...(shared.get(other) ?? []), meeting]);
      }
    }
    const ranked = [...shared].sort(([idA, a], [idB, b]) => b.length - a.length || (idA < idB ? -1 : 1));
    const page = pageFromArray(ranked, args, ([id]) => id);
    const people = await ctx.loaders.personById.loadMany(page.edges.map((edge) => edge.node[0]));
    const edges = page.edges.flatMap((edge, i): PersonMetWithEdge[] => {
      const doc = people[i];
      if (doc instanceof Error) throw doc;
      if (doc === null) return [];
      const meetings = edge.node[1];
      return [
        {
          cursor: edge.cursor,
          node: Person.from(doc),
          sharedMeetings: meetings.map(Meeting.from),
          sharedMeetingCount: meetings.length,
        },
      ];
    });
    return { edges, nodes: edges.map((edge) => edge.node), pageInfo: pageInfoOf(page), totalCount: ranked.length };
  }

  @FieldResolver(() => [Organization], {
    description:
      'The organizations this person holds an office of (an office whose jurisdiction is the organization, e.g. leader of a party).',
  })
  async organizations(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<Organization[]> {
    const offices = await ctx.loaders.officesByHolder.load(person.doc._id);
    const jurisdictions = [...new Set(offices.flatMap((office) => (office.jurisdiction ? [office.jurisdiction] : [])))];
    const found = (await loadExisting(ctx.loaders.organizationsByName, jurisdictions)).flat();
    return [...new Map(found.map((doc) => [doc._id, doc])).values()].map(Organization.from);
  }

  @FieldResolver(() => ArticleConnection, { description: 'The articles that name this person.' })
  articles(
    @Root() person: Person,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Article>> {
    return toLoadedConnection(
      pageFromArray(person.doc.articleIds, args, (id) => id),
      ctx.loaders.articleById,
      Article.from,
    );
  }

  @FieldResolver(() => EvidenceConnection, { description: 'The sentences that name this person, in article order.' })
  async evidence(
    @Root() person: Person,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Evidence>> {
    // Read apart from the person: it is most of their document, and few queries ask for it.
    const evidence = (await ctx.loaders.personEvidenceById.load(person.doc._id))?.evidence ?? [];
    const page = pageFromArray(evidence, args, (e) => `${e.articleId}:${e.start}:${e.end}`);
    return toConnection(page, Evidence.from);
  }
}
