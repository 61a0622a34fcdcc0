import { Field, ObjectType } from 'type-graphql';
import type { MeetingView } from '../../store';
import { toGlobalId } from '../common/global-id.codec';
import { Node } from '../common/node.type';
import { PartialDate } from '../support/partial-date.type';
import { Support } from '../support/support.type';

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'A meeting between people or organizations (Popolo: Event): one Meeting however many articles report it.',
})
export class Meeting extends Node {
  @Field(() => PartialDate, {
    nullable: true,
    description: 'When the meeting took place, to the precision the articles give; null when they do not say.',
  })
  date!: PartialDate | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the meeting took place (a city or place name); null when the articles do not say.',
  })
  location!: string | null;

  @Field(() => Support, {
    description:
      'The articles that report this meeting: how many, first and last seen, and the sentences. Its participants are part of what identifies it, so this is also each participation’s support.',
  })
  support!: Support;

  /** The stored document, for the relation resolvers. */
  doc!: MeetingView;

  static from(doc: MeetingView): Meeting {
    return Object.assign(new Meeting(), {
      id: toGlobalId('Meeting', doc._id),
      date: PartialDate.from(doc.date, doc.datePrecision),
      location: doc.location,
      support: Support.from(doc, { kind: 'meeting', meetingId: doc._id }),
      doc,
    });
  }
}
