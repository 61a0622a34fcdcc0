import type { Binary } from 'mongodb';
import type { ExtractionRecord } from '../../extract';

/** One article of a load: a new version (its draft holds the text and record) or a removal. */
export type LoadItem =
  | { kind: 'load'; articleId: string; source: string; version: string; draftId: string }
  | { kind: 'remove'; articleId: string; source: string };

/**
 * An entry of the load log: the loads of the store in one total order. Entry s is applied only
 * once entry s - 1 is, by its owner or, if the owner stops answering, by any other loader.
 */
export interface LoadEntryDocument {
  _id: number;
  /** The loader that appended it; it refreshes its heartbeat (`loader:<owner>` in storeState) while it runs. */
  owner: string;
  createdAt: Date;
  items: LoadItem[];
  /** Set once a plan may be stored (in `loadPlans`, under the same number): from then on it will be applied. */
  planned: boolean;
  /** Set when the plan could not be made (the loads fail with it). */
  failure: string | null;
  /** Set when the owner withdrew it before it was planned: it is passed over. */
  cancelled: boolean;
}

/** A plan as stored: packed (`packed.codec.ts`). */
export interface LoadPlanDocument {
  _id: number;
  plan: Binary;
}

/** A new article version waiting in the log: written before its entry, removed once it is applied. */
export interface ArticleDraft {
  _id: string;
  articleId: string;
  source: string;
  version: string;
  text: string;
  contentHash: string;
  record: ExtractionRecord;
  createdAt: Date;
}

/** A draft as stored: its text, hash and record packed (`packed.codec.ts`). */
export interface ArticleDraftDocument extends Omit<ArticleDraft, 'text' | 'contentHash' | 'record'> {
  content: Binary;
}

/** The store's state: how far the log is applied, the layout of the data, and when each loader last answered. */
export interface StoreStateDocument {
  /** `log`, `layout` or `loader:<owner>`. */
  _id: string;
  appliedSeq?: number;
  /** Set when the log's state is first written; a reset drops it, so (epoch, appliedSeq) never repeats. */
  epoch?: string;
  layoutVersion?: number;
  heartbeatAt?: Date;
}
