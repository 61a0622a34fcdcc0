import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../common/connection.args';
import { PersonFilter } from './person-filter.input';
import { PersonOrder } from './person-order.input';

@ArgsType()
export class PeopleArgs extends ConnectionArgs {
  @Field(() => PersonFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: PersonFilter | null;

  @Field(() => PersonOrder, { nullable: true, description: 'Order of the list; by name, A first, when not given.' })
  orderBy?: PersonOrder | null;
}
