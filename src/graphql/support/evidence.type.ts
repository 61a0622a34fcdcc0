import { Field, Int, ObjectType } from 'type-graphql';
import type { EvidenceDocument, PublishedArticle } from '../../store';

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

  /** Resolved to the article by the evidence resolver. */
  articleId!: string;

  /** The article, when it was read with the sentence (to check the sentence is published): no second lookup. */
  articleDoc?: PublishedArticle;

  static from(doc: EvidenceDocument, article?: PublishedArticle): Evidence {
    return Object.assign(new Evidence(), {
      text: doc.text,
      start: doc.start,
      end: doc.end,
      articleId: doc.articleId,
      articleDoc: article,
    });
  }
}
