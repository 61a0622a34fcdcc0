import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { PublishedArticle } from '../../store';
import { toGlobalId } from '../common/global-id.codec';
import { Node } from '../common/node.type';

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A news article loaded into the graph: the source of every fact.',
})
export class Article extends Node {
  @Field({
    description: 'Where the article came from: its file name or the `source` given to `ingestArticle`. Unique.',
  })
  source!: string;

  @Field(() => String, { nullable: true, description: 'The headline, when the article has one.' })
  title!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Publication day, when known.' })
  publishedOn!: string | null;

  @Field(() => GraphQLDateTime, { description: 'When the article was first loaded.' })
  ingestedAt!: Date;

  /** The stored document without its text, which the `text` and `paragraphs` resolvers load on demand. */
  doc!: PublishedArticle;

  static from(doc: PublishedArticle): Article {
    return Object.assign(new Article(), {
      id: toGlobalId('Article', doc._id),
      source: doc.source,
      title: doc.title,
      publishedOn: doc.publishedOn,
      ingestedAt: doc.ingestedAt,
      doc,
    });
  }
}
