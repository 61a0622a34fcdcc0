import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { OfficeView } from '../../store';
import { toGlobalId } from '../common/global-id.codec';
import { Node } from '../common/node.type';
import { Support } from '../support/support.type';

export enum JurisdictionKind {
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  ORGANIZATION = 'ORGANIZATION',
}

registerEnumType(JurisdictionKind, {
  name: 'JurisdictionKind',
  description: 'What an office belongs to.',
  valuesConfig: {
    COUNTRY: { description: 'A state (`jurisdictionCode` is its ISO 3166-1 code).' },
    REGION: { description: 'A region, province or city.' },
    ORGANIZATION: { description: 'A party, body or company (an Organization of the graph, by name).' },
  },
});

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'An office (a post such as `Foreign Minister` of `Kenya`): a canonical title of one jurisdiction, with the people shown holding it over time. A holding whose article names no jurisdiction is an office of its holder alone, listed only among that person’s offices.',
})
export class Office extends Node {
  @Field({ description: 'The canonical title most articles give, e.g. `Foreign Minister`.' })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The canonical name of the state, region, party or body the office belongs to; null for an office of its holder alone (no jurisdiction known).',
  })
  jurisdiction!: string | null;

  @Field(() => JurisdictionKind, { nullable: true, description: 'What kind of jurisdiction it is; null when none.' })
  jurisdictionKind!: JurisdictionKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'The ISO 3166 code of a country (or subdivision) jurisdiction, e.g. `US`; null otherwise.',
  })
  jurisdictionCode!: string | null;

  @Field(() => Support, {
    description: 'The articles that show someone in this office: how many, first and last seen, and the sentences.',
  })
  support!: Support;

  /** The stored document, for the relation resolvers. */
  doc!: OfficeView;

  static from(doc: OfficeView): Office {
    return Object.assign(new Office(), {
      id: toGlobalId('Office', doc._id),
      title: doc.title,
      jurisdiction: doc.jurisdiction,
      jurisdictionKind: doc.jurisdictionKind ? (doc.jurisdictionKind.toUpperCase() as JurisdictionKind) : null,
      jurisdictionCode: doc.jurisdictionCode,
      support: Support.from(doc, { kind: 'office', officeId: doc._id }),
      doc,
    });
  }
}
