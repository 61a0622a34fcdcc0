import { Field, ObjectType } from 'type-graphql';
import type { OrganizationView } from '../store';
import { toGlobalId } from './global-id.codec';
import { Node } from './node.type';

@ObjectType({
  implements: Node,
  description: 'An organization (party, government, ministry, agency) named in the articles.',
})
export class Organization extends Node {
  @Field({ description: 'The fullest name the articles give.' })
  name!: string;

  @Field(() => [String], { description: 'Acronyms and other names the articles use (e.g. `NATO`).' })
  aliases!: string[];

  @Field({ description: 'URL-friendly unique key derived from the name, usable in `organization(slug:)`.' })
  slug!: string;

  /** The stored document, for the relation resolvers. */
  doc!: OrganizationView;

  static from(doc: OrganizationView): Organization {
    return Object.assign(new Organization(), {
      id: toGlobalId('Organization', doc._id),
      name: doc.name,
      aliases: doc.aliases,
      slug: doc.slug,
      doc,
    });
  }
}
