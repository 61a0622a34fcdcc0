/**
 * What one entry of the load log does, decided once against the store as the entries before it
 * left it, and stored in the entry before any of it is written, so that whoever completes the
 * entry (its loader, or another after a crash) writes exactly the same.
 */
import type { CollectionName } from '../collection-names';
import type { ReportedParticipant } from '../documents/meeting-report.document';
import type { NamedEntityKind } from '../documents/mention.document';

export type LoadStatus = 'added' | 'updated' | 'unchanged';
export type ItemStatus = LoadStatus | 'removed' | 'absent';

export type EntityCollection = 'people' | 'organizations' | 'offices' | 'meetings';
export const ENTITY_COLLECTIONS: readonly EntityCollection[] = ['people', 'organizations', 'offices', 'meetings'];

/** Ids of the entities one load made live, changed, and emptied. */
export interface EntityChangeIds {
  added: string[];
  updated: string[];
  removed: string[];
}

export type EntityChanges = Record<EntityCollection, EntityChangeIds>;

/** Where each fact of a new article version goes: the entity ids its references resolved to. */
export interface ArticleFactsPlan {
  /** Indexes into the record's people and organizations as completed by `entitiesOf`. */
  mentions: Array<{ kind: NamedEntityKind; ordinal: number; entityId: string }>;
  /** Indexes into the record's offices, affiliations and meetings. */
  holdings: Array<{ ordinal: number; officeId: string; personId: string }>;
  affiliations: Array<{ ordinal: number; personId: string; organizationId: string }>;
  reports: Array<{ ordinal: number; meetingId: string; participants: ReportedParticipant[] }>;
}

export interface ArticlePlan {
  articleId: string;
  source: string;
  status: ItemStatus;
  /** The version published before this entry (null: none), and after it (null: removed or never there). */
  previousVersion: string | null;
  version: string | null;
  /** Set when a new version is published: its draft and its facts. */
  draftId: string | null;
  facts: ArticleFactsPlan | null;
  /** The article's date (publication, else latest meeting): the date of its facts. */
  date: string | null;
  /** ISO timestamp (the plan is stored as plain JSON). */
  ingestedAt: string;
}

/** One derived document as it is after the entry (a tombstone when its support fell to zero). */
export interface DocumentWrite {
  collection: CollectionName;
  doc: { _id: string } & Record<string, unknown>;
  /** No document had this id when the plan was made (not even a tombstone). */
  isNew: boolean;
}

export interface LoadPlan {
  /** When the plan was made (ISO timestamp): the article timestamps. */
  at: string;
  articles: ArticlePlan[];
  /** Written before the articles are published, in order: entities before what refers to them. */
  writes: DocumentWrite[];
  /** Written after the articles are published, in order: what refers to an entity before it. */
  tombstones: DocumentWrite[];
  changes: EntityChanges;
}
