import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../common/order-direction.type';

export enum ArticleOrderField {
  PUBLISHED_ON = 'publishedOn',
  SOURCE = 'source',
}

registerEnumType(ArticleOrderField, {
  name: 'ArticleOrderField',
  description: 'Fields articles can be ordered by.',
  valuesConfig: {
    PUBLISHED_ON: { description: 'By publication day (undated articles first when ascending, last when descending).' },
    SOURCE: { description: 'By source name.' },
  },
});

@InputType({ description: 'Ordering of a list of articles.' })
export class ArticleOrder {
  @Field(() => ArticleOrderField, { description: 'The field to order by.' })
  field!: ArticleOrderField;

  @Field(() => OrderDirection, { description: 'The direction.' })
  direction!: OrderDirection;
}
