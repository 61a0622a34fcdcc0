import { Field, Int, ObjectType } from 'type-graphql';
import type { SupportFields } from '../../store';
import { PartialDate } from './partial-date.type';

/** Which facts stand behind a supported object, for the resolvers of its evidence and articles. */
export type SupportSource =
  | { kind: 'entity'; entityId: string }
  | { kind: 'office'; officeId: string }
  | { kind: 'holding'; officeId: string; personId: string }
  | { kind: 'meeting'; meetingId: string }
  | { kind: 'affiliation'; personId: string; organizationId: string };

@ObjectType({
  simpleResolvers: true,
  description:
    'How well the articles support something: how many state it, when it was first and last seen, and the sentences that state it. Every count leads to its sentences.',
})
export class Support {
  @Field(() => Int, { description: 'How many articles state it.' })
  articleCount!: number;

  @Field(() => Int, { description: 'How many sentences of those articles state it (what `evidence` pages through).' })
  evidenceCount!: number;

  @Field(() => PartialDate, {
    nullable: true,
    description:
      'The earliest date of those articles (publication, else the latest meeting they report); null when none is dated.',
  })
  firstSeen!: PartialDate | null;

  @Field(() => PartialDate, {
    nullable: true,
    description: 'The latest date of those articles; null when none is dated.',
  })
  lastSeen!: PartialDate | null;

  source!: SupportSource;

  static from(fields: SupportFields, source: SupportSource): Support {
    return Object.assign(new Support(), {
      articleCount: fields.articleCount,
      evidenceCount: fields.evidenceCount,
      firstSeen: PartialDate.from(fields.firstSeen),
      lastSeen: PartialDate.from(fields.lastSeen),
      source,
    });
  }
}
