import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { countMembers, entityMeetingsPage, findOrganizationsPage, keyedPage, loadExisting, pairKey } from '../../store';
import { Affiliation } from './affiliation.type';
import { ConnectionArgs } from '../common/connection.args';
import { toConnection, type ConnectionValue } from '../common/connection.type';
import { AffiliationConnection, MeetingConnection, OrganizationConnection } from '../common/connections.type';
import { DatedMeetingsArgs } from '../meeting/dated-meetings.args';
import { requireStoreId, storeIdOf } from '../common/global-id.codec';
import { Meeting } from '../meeting/meeting.type';
import { checkMinArticles, DEFAULT_MIN_ARTICLES, MIN_ARTICLES_DESCRIPTION } from '../common/min-articles.arg';
import { Office } from '../office/office.type';
import { OrderDirection, toSortDirection } from '../common/order-direction.type';
import { OrganizationOrderField } from './organization-order.input';
import { Organization } from './organization.type';
import { OrganizationsArgs } from './organizations.args';
import type { RequestContext } from '../common/request.context';
import { requireExactlyOne } from '../common/user-input.error';
import { requireShortTexts } from '../common/input-text.limit';

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

  @FieldResolver(() => AffiliationConnection, {
    description:
      'The people who belong to this organization (`Labour MP X`: X belongs to Labour), the best supported membership first (most articles), then the latest seen.',
  })
  async members(
    @Root() organization: Organization,
    @Args() args: ConnectionArgs,
    @Arg('minArticles', () => Int, { defaultValue: DEFAULT_MIN_ARTICLES, description: MIN_ARTICLES_DESCRIPTION })
    minArticles: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Affiliation>> {
    checkMinArticles(minArticles);
    const id = organization.doc._id;
    const page = await keyedPage(
      ctx.loaders.membersOfOrganization,
      pairKey(id, String(minArticles)),
      { field: 'supportRank', direction: -1 },
      args,
      async () => (minArticles <= 1 ? organization.doc.memberCount : countMembers(ctx.db, id, minArticles)),
    );
    return toConnection(page, Affiliation.from);
  }

  @FieldResolver(() => [Office], {
    description:
      'The offices of this organization (whose jurisdiction is its name or an alias, e.g. its leader), by title.',
  })
  async offices(@Root() organization: Organization, @Ctx() ctx: RequestContext): Promise<Office[]> {
    const names = [organization.doc.name, ...organization.doc.aliases];
    const offices = (await loadExisting(ctx.loaders.officesByJurisdiction, names)).flat();
    return [...new Map(offices.map((o) => [o._id, o])).values()]
      .filter((o) => o.jurisdictionKind === 'organization')
      .map(Office.from);
  }

  @FieldResolver(() => MeetingConnection, {
    description: 'Meetings this organization took part in as a side, latest first unless `direction` says otherwise.',
  })
  async meetings(
    @Root() organization: Organization,
    @Args() args: DatedMeetingsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Meeting>> {
    const page = await entityMeetingsPage(
      ctx.loaders,
      ctx.loaders.meetingsOfOrganization,
      organization.doc,
      toSortDirection(args.direction ?? OrderDirection.DESC),
      args,
    );
    return toConnection(page, Meeting.from);
  }
}
