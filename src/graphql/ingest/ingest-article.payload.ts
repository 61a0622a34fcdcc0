import { Field, ObjectType } from 'type-graphql';
import { Article } from '../article/article.type';
import { IngestStatus } from './ingest-status.type';

@ObjectType({
  simpleResolvers: true,
  description: 'The result of `ingestArticle`: the stored article, whose relations give the facts extracted from it.',
})
export class IngestArticlePayload {
  @Field(() => Article, {
    description: 'The article as stored; query its `people`, `offices` and `meetings` for the extracted facts.',
  })
  article!: Article;

  @Field(() => IngestStatus, { description: 'Whether the article was added, updated or already there unchanged.' })
  status!: IngestStatus;
}
