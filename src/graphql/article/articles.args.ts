import { ArgsType, Field } from 'type-graphql';
import { ArticleFilter } from './article-filter.input';
import { ArticleOrder } from './article-order.input';
import { ConnectionArgs } from '../common/connection.args';

@ArgsType()
export class ArticlesArgs extends ConnectionArgs {
  @Field(() => ArticleFilter, { nullable: true, description: 'Narrows the list.' })
  filter?: ArticleFilter | null;

  @Field(() => ArticleOrder, {
    nullable: true,
    description: 'Order of the list; latest publication first when not given.',
  })
  orderBy?: ArticleOrder | null;
}
