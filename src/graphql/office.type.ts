import { Field, ObjectType } from 'type-graphql';
import type { OfficeView } from '../store';
import { toGlobalId } from './global-id.codec';
import { Node } from './node.type';

@ObjectType({
  implements: Node,
  description:
    'An office (a post such as `Minister of Finance` of `Kenya`), with the people shown holding it over time.',
})
export class Office extends Node {
  @Field({ description: 'The position without its jurisdiction, e.g. `Minister of Interior`.' })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The state, region, party or body the office belongs to; null when unknown.',
  })
  jurisdiction!: string | null;

  /** The stored document, for the relation resolvers. */
  doc!: OfficeView;

  static from(doc: OfficeView): Office {
    return Object.assign(new Office(), {
      id: toGlobalId('Office', doc._id),
      title: doc.title,
      jurisdiction: doc.jurisdiction,
      doc,
    });
  }
}
