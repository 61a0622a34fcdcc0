import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { findMeetingsPage, loadExisting, type RequestLoaders } from '../../store';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';
import { Article } from '../article/article.type';
import { ConnectionArgs } from '../common/connection.args';
import { toConnection, type ConnectionValue } from '../common/connection.type';
import { ArticleConnection, EvidenceConnection, MeetingConnection } from '../common/connections.type';
import { Evidence } from '../support/evidence.type';
import { requireStoreId, storeIdOf } from '../common/global-id.codec';
import { MeetingOrderField } from './meeting-order.input';
import { MeetingParticipant } from './meeting-participant.type';
import { selectsField } from '../common/field-selection';
import { Meeting } from './meeting.type';
import { MeetingsArgs } from './meetings.args';
import { OrderDirection, toSortDirection } from '../common/order-direction.type';
import type { RequestContext } from '../common/request.context';
import { requireShortTexts } from '../common/input-text.limit';
import { supportArticles, supportEvidence } from '../support/support.resolver';

/**
 * The participants with their people and organizations read, all in the same two lookups: each
 * `participant` is then a plain value, where a lookup of its own would leave the query waiting
 * on every participant separately.
 */
async function withParticipants(
  participants: MeetingParticipant[],
  loaders: RequestLoaders,
): Promise<MeetingParticipant[]> {
  const idsOf = (kind: string) => participants.filter((p) => p.ref.kind === kind).map((p) => p.ref.refId);
  const [people, organizations] = await Promise.all([
    loadExisting(loaders.personById, idsOf('person')),
    loadExisting(loaders.organizationById, idsOf('organization')),
  ]);
  const found = new Map<string, Person | Organization>([
    ...people.map((doc) => [`person:${doc._id}`, Person.from(doc)] as const),
    ...organizations.map((doc) => [`organization:${doc._id}`, Organization.from(doc)] as const),
  ]);
  for (const participant of participants) {
    participant.participant = found.get(`${participant.ref.kind}:${participant.ref.refId}`) ?? null;
  }
  return participants;
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, {
    description:
      'Meetings, narrowed by participants, organization, place and date range, latest first unless `orderBy` says otherwise.',
  })
  async meetings(@Args() args: MeetingsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<Meeting>> {
    requireShortTexts(args.filter, 'filter');
    const order = args.orderBy ?? { field: MeetingOrderField.DATE, direction: OrderDirection.DESC };
    const filter = args.filter;
    const page = await findMeetingsPage(
      ctx.db,
      {
        personIds: filter?.participantIds?.map((id) => requireStoreId(id, 'Person', 'filter.participantIds')),
        organizationId:
          filter?.organizationId != null
            ? requireStoreId(filter.organizationId, 'Organization', 'filter.organizationId')
            : null,
        location: filter?.location,
        from: filter?.from,
        to: filter?.to,
      },
      { field: order.field, direction: toSortDirection(order.direction) },
      args,
    );
    return toConnection(page, Meeting.from);
  }

  @Query(() => Meeting, { nullable: true, description: 'One meeting by id; null when there is none.' })
  async meeting(
    @Arg('id', () => ID, { description: 'The Meeting id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Meeting | null> {
    const storeId = storeIdOf(id, 'Meeting');
    const doc = storeId ? await ctx.loaders.meetingById.load(storeId) : null;
    return doc && Meeting.from(doc);
  }

  @FieldResolver(() => [MeetingParticipant], {
    description: 'Who took part, with their roles where the articles give them.',
  })
  participants(
    @Root() meeting: Meeting,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): MeetingParticipant[] | Promise<MeetingParticipant[]> {
    const participants = meeting.doc.participants.map((ref) => MeetingParticipant.from(ref, meeting));
    return selectsField(info, 'participant') ? withParticipants(participants, ctx.loaders) : participants;
  }

  @FieldResolver(() => ArticleConnection, { description: 'The articles that report this meeting, latest first.' })
  articles(
    @Root() meeting: Meeting,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Article>> {
    return supportArticles(meeting.support, args, ctx);
  }

  @FieldResolver(() => EvidenceConnection, {
    description: 'The sentences (often photo captions) that report this meeting, latest article first.',
  })
  evidence(
    @Root() meeting: Meeting,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Evidence>> {
    return supportEvidence(meeting.support, args, ctx);
  }
}
