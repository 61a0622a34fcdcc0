import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from './connection.args';
import { OrderDirection } from './order-direction.type';

@ArgsType()
export class DatedMeetingsArgs extends ConnectionArgs {
  @Field(() => OrderDirection, {
    nullable: true,
    description: 'Order by date; latest first (DESC) when not given. Undated meetings come last.',
  })
  direction?: OrderDirection | null;
}
