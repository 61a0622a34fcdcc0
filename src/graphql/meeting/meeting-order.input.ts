import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../common/order-direction.type';

export enum MeetingOrderField {
  DATE = 'date',
}

registerEnumType(MeetingOrderField, {
  name: 'MeetingOrderField',
  description: 'Fields meetings can be ordered by.',
  valuesConfig: { DATE: { description: 'By date (undated meetings first when ascending, last when descending).' } },
});

@InputType({ description: 'Ordering of a list of meetings.' })
export class MeetingOrder {
  @Field(() => MeetingOrderField, { description: 'The field to order by.' })
  field!: MeetingOrderField;

  @Field(() => OrderDirection, { description: 'The direction.' })
  direction!: OrderDirection;
}
