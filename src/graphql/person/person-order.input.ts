import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../common/order-direction.type';

export enum PersonOrderField {
  NAME = 'name',
  MENTION_COUNT = 'mentionCount',
}

registerEnumType(PersonOrderField, {
  name: 'PersonOrderField',
  description: 'Fields people can be ordered by.',
  valuesConfig: {
    NAME: { description: 'By name.' },
    MENTION_COUNT: { description: 'By number of mentions over all articles.' },
  },
});

@InputType({ description: 'Ordering of a list of people.' })
export class PersonOrder {
  @Field(() => PersonOrderField, { description: 'The field to order by.' })
  field!: PersonOrderField;

  @Field(() => OrderDirection, { description: 'The direction.' })
  direction!: OrderDirection;
}
