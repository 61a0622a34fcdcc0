import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Narrows `offices`.' })
export class OfficeFilter {
  @Field(() => String, { nullable: true, description: 'Exact jurisdiction, e.g. `European Union`.' })
  jurisdiction?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact title, e.g. `Prime Minister`.' })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Title or jurisdiction with a word starting with this text (case and accents ignored).',
  })
  text?: string | null;
}
