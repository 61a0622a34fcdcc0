import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../common/connection.args';
import { OrganizationFilter } from './organization-filter.input';
import { OrganizationOrder } from './organization-order.input';

@ArgsType()
export class OrganizationsArgs extends ConnectionArgs {
  @Field(() => OrganizationFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: OrganizationFilter | null;

  @Field(() => OrganizationOrder, {
    nullable: true,
    description: 'Order of the list; by name, A first, when not given.',
  })
  orderBy?: OrganizationOrder | null;
}
