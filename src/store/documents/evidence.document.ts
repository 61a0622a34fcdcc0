/** A sentence (or caption) of an article that states a fact, with its offsets into the article text. */
export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
}

/** Evidence as the read side hands it out: a span together with the article it is from. */
export interface EvidenceDocument extends EvidenceSpan {
  articleId: string;
}
