import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../common/order-direction.type';

export enum OrganizationOrderField {
  NAME = 'name',
}

registerEnumType(OrganizationOrderField, {
  name: 'OrganizationOrderField',
  description: 'Fields organizations can be ordered by.',
  valuesConfig: { NAME: { description: 'By name.' } },
});

@InputType({ description: 'Ordering of a list of organizations.' })
export class OrganizationOrder {
  @Field(() => OrganizationOrderField, { description: 'The field to order by.' })
  field!: OrganizationOrderField;

  @Field(() => OrderDirection, { description: 'The direction.' })
  direction!: OrderDirection;
}
