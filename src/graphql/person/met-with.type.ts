import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/page-info.type';
import { Person } from './person.type';

@ObjectType({
  simpleResolvers: true,
  description: 'A person someone met, with the meetings they shared: one edge of the who-met-whom graph.',
})
export class PersonMetWithEdge {
  @Field({ description: 'Opaque cursor of this edge, for `after` or `before`.' })
  cursor!: string;

  @Field(() => Person, { description: 'The person met.' })
  node!: Person;

  @Field(() => Int, { description: 'How many meetings both took part in.' })
  sharedMeetingCount!: number;

  /** The person whose edges these are, for the shared-meetings resolver. */
  personId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A page of the people someone met, those met most often first.' })
export class PersonMetWithConnection {
  @Field(() => [PersonMetWithEdge], { description: 'The people of this page with their shared meetings and cursors.' })
  edges!: PersonMetWithEdge[];

  @Field(() => [Person], { description: 'The people of this page, without the shared meetings.' })
  nodes!: Person[];

  @Field(() => PageInfo, { description: 'How to reach the neighbouring pages.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many different people they met.' })
  totalCount!: number | Promise<number>;
}
