import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { keyedPage, pairKey } from '../../store';
import { toConnection, type ConnectionValue } from '../common/connection.type';
import { MeetingConnection } from '../common/connections.type';
import { DatedMeetingsArgs } from '../meeting/dated-meetings.args';
import { Meeting } from '../meeting/meeting.type';
import { PersonMetWithEdge } from './met-with.type';
import { OrderDirection, toSortDirection } from '../common/order-direction.type';
import type { RequestContext } from '../common/request.context';

@Resolver(() => PersonMetWithEdge)
export class PersonMetWithEdgeResolver {
  @FieldResolver(() => MeetingConnection, {
    description: 'The meetings both took part in, latest first unless `direction` says otherwise.',
  })
  async sharedMeetings(
    @Root() edge: PersonMetWithEdge,
    @Args() args: DatedMeetingsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Meeting>> {
    const page = await keyedPage(
      ctx.loaders.meetingsOfPair,
      pairKey(edge.personId, edge.node.doc._id),
      { field: 'date', direction: toSortDirection(args.direction ?? OrderDirection.DESC) },
      args,
      async () => edge.sharedMeetingCount,
    );
    return toConnection(page, Meeting.from);
  }
}
