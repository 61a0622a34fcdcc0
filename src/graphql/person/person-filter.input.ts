import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows `people`.' })
export class PersonFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Names or aliases with a word starting with this text (case and accents ignored), e.g. `barz`.',
  })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only people named in this article (an Article id).' })
  articleId?: string | null;
}
