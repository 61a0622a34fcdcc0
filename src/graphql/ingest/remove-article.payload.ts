import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum RemovalStatus {
  REMOVED = 'REMOVED',
  ABSENT = 'ABSENT',
}

registerEnumType(RemovalStatus, {
  name: 'RemovalStatus',
  description: 'What `removeArticle` did.',
  valuesConfig: {
    REMOVED: { description: 'The article and exactly its facts were taken out of the graph.' },
    ABSENT: { description: 'There was no article with this source: nothing changed.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'The result of `removeArticle`.' })
export class RemoveArticlePayload {
  @Field({ description: 'The source of the article.' })
  source!: string;

  @Field(() => RemovalStatus, { description: 'Whether an article was removed.' })
  status!: RemovalStatus;
}
