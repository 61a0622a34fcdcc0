import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows `meetings`. All given conditions must hold.' })
export class MeetingFilter {
  @Field(() => [ID], {
    nullable: true,
    description: 'Meetings in which every one of these people (Person ids) took part.',
  })
  participantIds?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Meetings in which this organization (an Organization id) took part.',
  })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact location, e.g. `Nairobi`.' })
  location?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      'Meetings on or after this day; a meeting dated only to a month or year counts when that month or year reaches it.',
  })
  from?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      'Meetings on or before this day; a meeting dated only to a month or year counts when that month or year reaches it.',
  })
  to?: string | null;
}
