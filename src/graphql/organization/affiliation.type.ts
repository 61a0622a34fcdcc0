import { Field, ObjectType } from 'type-graphql';
import type { AffiliationView } from '../../store';
import { Support } from '../support/support.type';

@ObjectType({
  simpleResolvers: true,
  description:
    'A person’s membership of an organization, a party above all (`Labour MP`, `Republican Senator`; Popolo: Membership), with how well the articles support it.',
})
export class Affiliation {
  @Field(() => Support, {
    description: 'The articles that state the membership: how many, first and last seen, and the sentences.',
  })
  support!: Support;

  /** The stored affiliation, for the relation resolvers. */
  doc!: AffiliationView;

  static from(doc: AffiliationView): Affiliation {
    return Object.assign(new Affiliation(), {
      support: Support.from(doc, { kind: 'affiliation', personId: doc.personId, organizationId: doc.organizationId }),
      doc,
    });
  }
}
