import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'Where a page sits in its list, for fetching the next or previous one (Relay cursor connections).',
})
export class PageInfo {
  @Field({ description: 'Whether more items follow this page (pass `endCursor` as `after`).' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page (pass `startCursor` as `before`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item of the page; null when the page is empty.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of the page; null when the page is empty.',
  })
  endCursor!: string | null;
}
