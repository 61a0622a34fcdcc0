import { Field, Int, ObjectType } from 'type-graphql';
import { MAX_ALIASES, type PersonView } from '../../store';
import { toGlobalId } from '../common/global-id.codec';
import { Node } from '../common/node.type';
import { Support } from '../support/support.type';

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A person named in the articles: one Person however many articles name them.',
})
export class Person extends Node {
  @Field({ description: 'The form of the name most articles use (fuller forms win ties), without titles.' })
  name!: string;

  @Field(() => [String], {
    description: `Other forms of the name the articles use (e.g. the surname alone): the ${MAX_ALIASES} most used, alphabetically.`,
  })
  aliases!: string[];

  @Field({ description: 'URL-friendly unique key derived from the name, usable in `person(slug:)`.' })
  slug!: string;

  @Field(() => Int, { description: 'How many times the articles mention the person, over all articles.' })
  mentionCount!: number;

  @Field(() => Support, {
    description: 'The articles that name the person: how many, first and last seen, and the sentences.',
  })
  support!: Support;

  /** The stored document, for the relation resolvers. */
  doc!: PersonView;

  static from(doc: PersonView): Person {
    return Object.assign(new Person(), {
      id: toGlobalId('Person', doc._id),
      name: doc.name,
      aliases: doc.aliases,
      slug: doc.slug,
      mentionCount: doc.mentionCount,
      support: Support.from(doc, { kind: 'entity', entityId: doc._id }),
      doc,
    });
  }
}
