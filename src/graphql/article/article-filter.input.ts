import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Narrows `articles`.' })
export class ArticleFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Title or source with a word starting with this text (case and accents ignored).',
  })
  text?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Published on or after this day.' })
  publishedFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Published on or before this day.' })
  publishedTo?: string | null;
}
