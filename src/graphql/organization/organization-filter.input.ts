import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows `organizations`.' })
export class OrganizationFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Names or aliases with a word starting with this text (case and accents ignored), e.g. `kdp`.',
  })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only organizations named in this article (an Article id).' })
  articleId?: string | null;
}
