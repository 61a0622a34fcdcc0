import { Field, Int, ObjectType } from 'type-graphql';
import type { PersonView } from '../store';
import { toGlobalId } from './global-id.codec';
import { Node } from './node.type';

@ObjectType({
  implements: Node,
  description: 'A person named in the articles: one Person however many articles name them.',
})
export class Person extends Node {
  @Field({ description: 'The fullest form of the name the articles give, without titles.' })
  name!: string;

  @Field(() => [String], { description: 'Other forms of the name the articles use (e.g. the surname alone).' })
  aliases!: string[];

  @Field({ description: 'URL-friendly unique key derived from the name, usable in `person(slug:)`.' })
  slug!: string;

  @Field(() => Int, { description: 'How many times the articles mention the person, over all articles.' })
  mentionCount!: number;

  /** The stored document, for the relation resolvers. */
  doc!: PersonView;

  static from(doc: PersonView): Person {
    return Object.assign(new Person(), {
      id: toGlobalId('Person', doc._id),
      name: doc.name,
      aliases: doc.aliases,
      slug: doc.slug,
      mentionCount: doc.mentionCount,
      doc,
    });
  }
}
