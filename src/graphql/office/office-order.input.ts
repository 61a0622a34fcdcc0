import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../common/order-direction.type';

export enum OfficeOrderField {
  TITLE = 'title',
  JURISDICTION = 'jurisdiction',
}

registerEnumType(OfficeOrderField, {
  name: 'OfficeOrderField',
  description: 'Fields offices can be ordered by.',
  valuesConfig: {
    TITLE: { description: 'By title.' },
    JURISDICTION: { description: 'By jurisdiction (offices without one first when ascending).' },
  },
});

@InputType({ description: 'Ordering of a list of offices.' })
export class OfficeOrder {
  @Field(() => OfficeOrderField, { description: 'The field to order by.' })
  field!: OfficeOrderField;

  @Field(() => OrderDirection, { description: 'The direction.' })
  direction!: OrderDirection;
}
