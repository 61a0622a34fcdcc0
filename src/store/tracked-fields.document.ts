/**
 * The bookkeeping every entity document carries so that loading is idempotent and crash-safe
 * without transactions: each article's part is kept apart (and can be taken out again), every
 * other field is recomputed from those parts, and `revision` lets a writer replace the document
 * only if nobody changed it since it was read.
 */
export interface TrackedFields<Contribution extends { articleId: string }> {
  /** Each article's own statements about this entity, sorted by article id and ordinal. */
  contributions: Contribution[];
  /** Hash of the document's derived content: equal content, equal revision, whatever the load order or history. */
  revision: string;
}

/**
 * A contribution's evidence by position in its article. The sentence text is stored once, in the
 * document's derived `evidence`, which keeps documents of often-named entities half as large.
 */
export interface EvidenceSpan {
  start: number;
  end: number;
}
