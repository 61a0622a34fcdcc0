/**
 * What every document the loader derives has: the load-log entry that last wrote it. A write of
 * entry s applies only to a document whose seq is below s, so replaying a load never applies it
 * twice. Derived documents are never deleted: one whose support falls to zero stays as a small
 * tombstone, so that a delayed writer of an earlier entry cannot recreate it.
 */
export interface SequencedFields {
  _id: string;
  seq: number;
}

/**
 * How well the articles support an entity or a fact, kept exact by the loader and always
 * derivable again from the fact documents.
 */
export interface SupportFields {
  /** How many (published) articles state it; 0 marks a tombstone. */
  articleCount: number;
  /** How many evidence sentences those articles give for it. */
  evidenceCount: number;
  /** The earliest and latest date of those articles (ISO, or null when none is dated). */
  firstSeen: string | null;
  lastSeen: string | null;
}

export type SupportedDocument = SequencedFields & SupportFields;

/**
 * How many facts write each field of an aggregate in each form (field -> [form, count] pairs,
 * the most used first): what its displayed values are derived from.
 */
export type StoredForms = Record<string, Array<[string, number]>>;

/** The filter of derived documents that are not tombstones. */
export const LIVE = { articleCount: { $gt: 0 } } as const;
