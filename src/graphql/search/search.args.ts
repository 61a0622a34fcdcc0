import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../common/connection.args';

@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field({
    description:
      'Text to look for at the start of any word of names, aliases, titles and jurisdictions (case and accents ignored; at least 2 letters).',
  })
  text!: string;
}
