import { Field, Int, ObjectType } from 'type-graphql';
import type { EvidenceDocument, PublishedArticle } from '../../store';
import { Article } from '../article/article.type';

@ObjectType({
  simpleResolvers: true,
  description: 'The sentence of an article that states a fact: where every fact in the graph comes from.',
})
export class Evidence {
  @Field({ description: 'The sentence (or caption) as it appears in the article.' })
  text!: string;

  @Field(() => Int, { description: 'Offset of the first character of the sentence in `Article.text`.' })
  start!: number;

  @Field(() => Int, { description: 'Offset just past the last character of the sentence in `Article.text`.' })
  end!: number;

  /** The article, read with the sentence to check that the sentence is published. */
  articleDoc?: PublishedArticle;

  @Field(() => Article, {
    nullable: true,
    description: 'The article the sentence is from; null only if it was removed while this was being read.',
  })
  get article(): Article | null {
    return this.articleDoc ? Article.from(this.articleDoc) : null;
  }

  static from(doc: EvidenceDocument, article?: PublishedArticle): Evidence {
    return Object.assign(new Evidence(), {
      text: doc.text,
      start: doc.start,
      end: doc.end,
      articleDoc: article,
    });
  }
}
