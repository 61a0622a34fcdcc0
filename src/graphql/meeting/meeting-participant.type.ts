import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { MeetingParticipantDocument } from '../../store';
import type { Meeting } from './meeting.type';
import type { Organization } from '../organization/organization.type';
import { Participant } from './participant.type';
import type { Person } from '../person/person.type';
import { Support } from '../support/support.type';

export enum ParticipantRole {
  HOST = 'HOST',
  VISITOR = 'VISITOR',
  ATTENDEE = 'ATTENDEE',
}

registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'The part someone plays in a meeting, where the text gives it.',
  valuesConfig: {
    HOST: { description: 'Receives the others (e.g. "X received Y": X).' },
    VISITOR: { description: 'Comes to the host (e.g. "X received Y": Y).' },
    ATTENDEE: { description: 'Present without hosting or visiting (e.g. "attended by").' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A participant of a meeting with the role the text gives them.' })
export class MeetingParticipant {
  @Field(() => ParticipantRole, { nullable: true, description: 'Their role; null when the text does not give one.' })
  role!: ParticipantRole | null;

  @Field(() => Support, {
    description:
      'The articles that state this participation: those reporting the meeting, since its participants are part of what identifies it.',
  })
  support!: Support;

  /**
   * Read for every participant of the meeting at once by `Meeting.participants`, when the query
   * selects it (so it is never asked for unread).
   */
  @Field(() => Participant, {
    nullable: true,
    description: 'The person or organization; null only if it was removed while this was being read.',
  })
  participant?: Person | Organization | null;

  /** The stored reference to the person or organization. */
  ref!: MeetingParticipantDocument;

  static from(ref: MeetingParticipantDocument, meeting: Meeting): MeetingParticipant {
    return Object.assign(new MeetingParticipant(), {
      role: ref.role ? (ref.role.toUpperCase() as ParticipantRole) : null,
      support: meeting.support,
      ref,
    });
  }
}
