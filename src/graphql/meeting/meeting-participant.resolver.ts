import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadExisting, type RequestLoaders } from '../../store';
import { MeetingParticipant } from './meeting-participant.type';
import { Organization } from '../organization/organization.type';
import { Participant } from './participant.type';
import { Person } from '../person/person.type';
import type { RequestContext } from '../common/request.context';

/**
 * The participants with their people and organizations read, all in the same two lookups: each
 * `participant` is then answered at once, where a lookup of its own would leave the query
 * waiting on every participant separately.
 */
export async function withParticipants(
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
    participant.resolved = found.get(`${participant.ref.kind}:${participant.ref.refId}`) ?? null;
  }
  return participants;
}

@Resolver(() => MeetingParticipant)
export class MeetingParticipantResolver {
  @FieldResolver(() => Participant, {
    nullable: true,
    description: 'The person or organization; null only if it was removed while this was being read.',
  })
  participant(
    @Root() participant: MeetingParticipant,
    @Ctx() ctx: RequestContext,
  ): Person | Organization | null | Promise<Person | Organization | null> {
    if (participant.resolved !== undefined) return participant.resolved;
    return withParticipants([participant], ctx.loaders).then(([read]) => read.resolved ?? null);
  }
}
