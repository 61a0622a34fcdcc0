import { Field, ObjectType } from 'type-graphql';
import type { OfficeHolderView, OfficeView } from '../../store';
import { PartialDate } from '../support/partial-date.type';
import { Support } from '../support/support.type';

@ObjectType({
  simpleResolvers: true,
  description:
    'A person holding an office, as the articles show it (Popolo: Membership of a Post), with how well they support it.',
})
export class OfficeHolding {
  @Field(() => PartialDate, {
    nullable: true,
    description:
      'The latest date at which the articles show the person in office (`support.lastSeen`); null when they do not date it.',
  })
  asOf!: PartialDate | null;

  @Field(() => Support, {
    description: 'The articles that show the person in this office: how many, first and last seen, and the sentences.',
  })
  support!: Support;

  /** The stored office and holding, for the relation resolvers. */
  office!: OfficeView;
  holding!: OfficeHolderView;

  static from(office: OfficeView, holding: OfficeHolderView): OfficeHolding {
    return Object.assign(new OfficeHolding(), {
      asOf: PartialDate.from(holding.lastSeen),
      support: Support.from(holding, { kind: 'holding', officeId: holding.officeId, personId: holding.personId }),
      office,
      holding,
    });
  }
}
