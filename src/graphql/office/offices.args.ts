import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../common/connection.args';
import { OfficeFilter } from './office-filter.input';
import { OfficeOrder } from './office-order.input';

@ArgsType()
export class OfficesArgs extends ConnectionArgs {
  @Field(() => OfficeFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: OfficeFilter | null;

  @Field(() => OfficeOrder, { nullable: true, description: 'Order of the list; by title, A first, when not given.' })
  orderBy?: OfficeOrder | null;
}
