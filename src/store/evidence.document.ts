/** Provenance of one stored fact: the article and the sentence (with offsets into the article text) that state it. */
export interface EvidenceDocument {
  articleId: string;
  text: string;
  start: number;
  end: number;
}
