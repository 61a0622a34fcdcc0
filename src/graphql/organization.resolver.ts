import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { findOrganizationsPage, loadExisting, orderMeetingsByDate, pageFromArray } from '../store';
import { ConnectionArgs } from './connection.args';
import { toConnection, toLoadedConnection, type ConnectionValue } from './connection.type';
import { MeetingConnection, OrganizationConnection, PersonConnection } from './connections.type';
import { DatedMeetingsArgs } from './dated-meetings.args';
import { requireStoreId, storeIdOf } from './global-id.codec';
import { Meeting } from './meeting.type';
import { compareHoldingsByRecency } from './office-holding.type';
import { OrderDirection, toSortDirection } from './order-direction.type';
import { OrganizationOrderField } from './organization-order.input';
import { Organization } from './organization.type';
import { OrganizationsArgs } from './organizations.args';
import { Person } from './person.type';
import type { RequestContext } from './request.context';
import { requireExactlyOne } from './user-input.error';
import { requireShortTexts } from './input-text.limit';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'Organizations named in the articles, by name.' })
  async organizations(
    @Args() args: OrganizationsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Organization>> {
    requireShortTexts(args.filter, 'filter');
    const order = args.orderBy ?? { field: OrganizationOrderField.NAME, direction: OrderDirection.ASC };
    const articleId =
      args.filter?.articleId != null ? requireStoreId(args.filter.articleId, 'Article', 'filter.articleId') : null;
    const page = await findOrganizationsPage(
      ctx.db,
      { name: args.filter?.name, articleId },
      { field: order.field, direction: toSortDirection(order.direction) },
      args,
    );
    return toConnection(page, Organization.from);
  }

  @Query(() => Organization, {
    nullable: true,
    description: 'One organization by id or by slug (give exactly one); null when there is none.',
  })
  async organization(
    @Arg('id', () => ID, { nullable: true, description: 'The Organization id.' }) id: string | null,
    @Arg('slug', () => String, { nullable: true, description: 'The slug, e.g. `kurdistan-democratic-party`.' })
    slug: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization | null> {
    requireExactlyOne({ id, slug }, 'organization');
    const storeId = id != null ? storeIdOf(id, 'Organization') : null;
    const doc =
      slug != null
        ? await ctx.loaders.organizationBySlug.load(slug)
        : storeId
          ? await ctx.loaders.organizationById.load(storeId)
          : null;
    return doc && Organization.from(doc);
  }

  @FieldResolver(() => PersonConnection, {
    description:
      'People holding an office of this organization (an office whose jurisdiction is its name or an alias), most recently shown first.',
  })
  async members(
    @Root() organization: Organization,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Person>> {
    const names = [organization.doc.name, ...organization.doc.aliases];
    const offices = (await loadExisting(ctx.loaders.officesByJurisdiction, names)).flat();
    const holdings = offices.flatMap((office) => office.holders).sort(compareHoldingsByRecency);
    const personIds = [...new Set(holdings.map((m) => m.personId))];
    return toLoadedConnection(
      pageFromArray(personIds, args, (id) => id),
      ctx.loaders.personById,
      Person.from,
    );
  }

  @FieldResolver(() => MeetingConnection, {
    description: 'Meetings this organization took part in as a side, latest first unless `direction` says otherwise.',
  })
  async meetings(
    @Root() organization: Organization,
    @Args() args: DatedMeetingsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Meeting>> {
    const meetings = await ctx.loaders.meetingsByOrganization.load(organization.doc._id);
    const ordered = orderMeetingsByDate(meetings, toSortDirection(args.direction ?? OrderDirection.DESC));
    return toConnection(
      pageFromArray(ordered, args, (m) => m._id),
      Meeting.from,
    );
  }
}
