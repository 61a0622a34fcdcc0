import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { findOfficesPage, keyedPage } from '../../store';
import { ConnectionArgs } from '../common/connection.args';
import { toConnection, type ConnectionValue } from '../common/connection.type';
import { OfficeConnection, OfficeHoldingConnection } from '../common/connections.type';
import { storeIdOf } from '../common/global-id.codec';
import { OfficeHolding } from './office-holding.type';
import { OfficeOrderField } from './office-order.input';
import { Office } from './office.type';
import { OfficesArgs } from './offices.args';
import { OrderDirection, toSortDirection } from '../common/order-direction.type';
import type { RequestContext } from '../common/request.context';
import { requireShortTexts } from '../common/input-text.limit';

@Resolver(() => Office)
export class OfficeResolver {
  @Query(() => OfficeConnection, {
    description:
      'Offices, narrowed by jurisdiction and title, by title unless `orderBy` says otherwise. Offices of a holder alone (no jurisdiction known) are listed only among that person’s offices.',
  })
  async offices(@Args() args: OfficesArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<Office>> {
    requireShortTexts(args.filter, 'filter');
    const order = args.orderBy ?? { field: OfficeOrderField.TITLE, direction: OrderDirection.ASC };
    const page = await findOfficesPage(
      ctx.db,
      args.filter ?? {},
      { field: order.field, direction: toSortDirection(order.direction) },
      args,
    );
    return toConnection(page, Office.from);
  }

  @Query(() => Office, { nullable: true, description: 'One office by id; null when there is none.' })
  async office(
    @Arg('id', () => ID, { description: 'The Office id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Office | null> {
    const storeId = storeIdOf(id, 'Office');
    const doc = storeId ? await ctx.loaders.officeById.load(storeId) : null;
    return doc && Office.from(doc);
  }

  @FieldResolver(() => OfficeHoldingConnection, {
    description: 'Everyone the articles show holding this office, the latest shown first (undated last).',
  })
  async holders(
    @Root() office: Office,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<OfficeHolding>> {
    const page = await keyedPage(
      ctx.loaders.holdersOfOffice,
      office.doc._id,
      { field: 'lastSeen', direction: -1 },
      args,
      async () => office.doc.holderCount,
    );
    return toConnection(page, (holding) => OfficeHolding.from(office.doc, holding));
  }

  @FieldResolver(() => OfficeHolding, {
    nullable: true,
    description: 'The holder the articles show in office most recently; null when nobody is known to hold it.',
  })
  async currentHolder(@Root() office: Office, @Ctx() ctx: RequestContext): Promise<OfficeHolding | null> {
    const page = await keyedPage(
      ctx.loaders.holdersOfOffice,
      office.doc._id,
      { field: 'lastSeen', direction: -1 },
      { first: 1 },
      async () => office.doc.holderCount,
    );
    const latest = page.edges[0]?.node;
    return latest ? OfficeHolding.from(office.doc, latest) : null;
  }
}
