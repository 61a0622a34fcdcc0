import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'An article to extract facts from and store.' })
export class IngestArticleInput {
  @Field({
    description:
      'A unique name for the article (e.g. a URL or file name); ingesting the same source again replaces its facts.',
  })
  source!: string;

  @Field({ description: 'The article text, at most 5 MB.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'The headline, if known.' })
  title?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The publication day, if known; it dates meetings the text gives without a year.',
  })
  publishedOn?: string | null;
}
