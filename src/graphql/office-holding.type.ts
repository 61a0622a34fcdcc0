import { Field, ObjectType } from 'type-graphql';
import type { MembershipDocument, OfficeView } from '../store';
import { PartialDate } from './partial-date.type';

@ObjectType({ description: 'A person holding an office, as the articles show it (Popolo: Membership of a Post).' })
export class OfficeHolding {
  @Field(() => PartialDate, {
    nullable: true,
    description: 'The latest date at which the articles show the person in office; null when they do not date it.',
  })
  asOf!: PartialDate | null;

  /** The stored office and membership, for the relation resolvers. */
  office!: OfficeView;
  membership!: MembershipDocument;

  static from(office: OfficeView, membership: MembershipDocument): OfficeHolding {
    return Object.assign(new OfficeHolding(), { asOf: PartialDate.from(membership.asOf), office, membership });
  }
}

/** Latest `asOf` first, undated holdings last: who holds an office now comes first. */
export function compareHoldingsByRecency(a: MembershipDocument, b: MembershipDocument): number {
  if (a.asOf === b.asOf) return a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0;
  if (a.asOf === null) return 1;
  if (b.asOf === null) return -1;
  return a.asOf > b.asOf ? -1 : 1;
}
