import { Field, ObjectType } from 'type-graphql';
import { MAX_ALIASES, type OrganizationView } from '../../store';
import { toGlobalId } from '../common/global-id.codec';
import { Node } from '../common/node.type';
import { Support } from '../support/support.type';

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'An organization (party, government, ministry, agency) named in the articles.',
})
export class Organization extends Node {
  @Field({ description: 'The form of the name most articles use (fuller forms win ties).' })
  name!: string;

  @Field(() => [String], {
    description: `Acronyms and other names the articles use (e.g. \`NATO\`): the ${MAX_ALIASES} most used, alphabetically.`,
  })
  aliases!: string[];

  @Field({ description: 'URL-friendly unique key derived from the name, usable in `organization(slug:)`.' })
  slug!: string;

  @Field(() => Support, {
    description: 'The articles that name the organization: how many, first and last seen, and the sentences.',
  })
  support!: Support;

  /** The stored document, for the relation resolvers. */
  doc!: OrganizationView;

  static from(doc: OrganizationView): Organization {
    return Object.assign(new Organization(), {
      id: toGlobalId('Organization', doc._id),
      name: doc.name,
      aliases: doc.aliases,
      slug: doc.slug,
      support: Support.from(doc, { kind: 'entity', entityId: doc._id }),
      doc,
    });
  }
}
