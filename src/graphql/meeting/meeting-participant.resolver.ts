import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { MeetingParticipant } from './meeting-participant.type';
import { Organization } from '../organization/organization.type';
import { Participant } from './participant.type';
import { Person } from '../person/person.type';
import type { RequestContext } from '../common/request.context';

@Resolver(() => MeetingParticipant)
export class MeetingParticipantResolver {
  @FieldResolver(() => Participant, {
    nullable: true,
    description: 'The person or organization; null only if it was removed while this was being read.',
  })
  async participant(
    @Root() participant: MeetingParticipant,
    @Ctx() ctx: RequestContext,
  ): Promise<Person | Organization | null> {
    const { kind, refId } = participant.ref;
    if (kind === 'person') {
      const doc = await ctx.loaders.personById.load(refId);
      return doc && Person.from(doc);
    }
    const doc = await ctx.loaders.organizationById.load(refId);
    return doc && Organization.from(doc);
  }
}
