import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../common/connection.args';
import { OrderDirection } from '../common/order-direction.type';

@ArgsType()
export class DatedMeetingsArgs extends ConnectionArgs {
  @Field(() => OrderDirection, {
    nullable: true,
    description: 'Order by date; latest first (DESC) when not given. Undated meetings come last.',
  })
  direction?: OrderDirection | null;
}
