import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../common/connection.args';
import { MeetingFilter } from './meeting-filter.input';
import { MeetingOrder } from './meeting-order.input';

@ArgsType()
export class MeetingsArgs extends ConnectionArgs {
  @Field(() => MeetingFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: MeetingFilter | null;

  @Field(() => MeetingOrder, { nullable: true, description: 'Order of the list; latest first when not given.' })
  orderBy?: MeetingOrder | null;
}
