/**
 * The aggregates of one kind a plan touches (offices, holders, meetings, affiliations): read
 * once by id, changed in memory, and turned into the documents to write where they changed.
 */
import type { CollectionName } from '../collection-names';
import type { SupportedDocument } from '../documents/support.document';
import { sameContent } from './document.diff';
import type { DocumentWrite, EntityChangeIds } from './load-plan.type';
import { anyOf, byIds, type OverlaidQuery, type StoreReader } from './store.reader';
import { SupportCounter } from './support.counter';

export interface SupportedState<D extends SupportedDocument> {
  id: string;
  /** As stored before the plan (a tombstone, or null when there is none). */
  stored: D | null;
  support: SupportCounter;
  touched: boolean;
}

export function storedLive<D extends SupportedDocument>(doc: D | null): doc is D {
  return doc !== null && doc.articleCount > 0;
}

export class SupportedStates<D extends SupportedDocument, S extends SupportedState<D>> {
  private readonly states = new Map<string, S>();

  constructor(
    private readonly reader: StoreReader,
    readonly name: CollectionName,
    private readonly fresh: (id: string, stored: D | null) => Omit<S, 'id' | 'stored' | 'support' | 'touched'>,
  ) {}

  /** Reads these documents and those matching `also`, if not read yet. */
  async load(ids: Iterable<string>, also: ReadonlyArray<OverlaidQuery<D>> = []): Promise<void> {
    const unknown = [...new Set(ids)].filter((id) => !this.states.has(id));
    const queries = [...also];
    if (unknown.length) queries.push(byIds<D>(unknown));
    if (!queries.length) return;
    for (const doc of await this.reader.find(this.name, anyOf(queries))) this.adopt(doc._id, doc);
    for (const id of unknown) this.adopt(id, null);
  }

  has(id: string): boolean {
    return this.states.has(id);
  }

  get(id: string): S {
    const state = this.states.get(id);
    if (!state) throw new Error(`plan: ${this.name} ${id} was not read before use`);
    return state;
  }

  all(): S[] {
    return [...this.states.values()];
  }

  needingDates(): S[] {
    return this.all().filter((state) => state.support.needsDates);
  }

  /** The documents to write for the touched states, tombstones apart, and what changed. */
  writes(
    document: (state: S) => { _id: string } & Record<string, unknown>,
    tombstone: (state: S) => { _id: string } & Record<string, unknown>,
  ): DerivedWrites {
    return derivedWrites(this.name, this.states.values(), document, tombstone);
  }

  private adopt(id: string, doc: D | null): void {
    if (this.states.has(id)) return;
    this.states.set(id, {
      id,
      stored: doc,
      support: new SupportCounter(doc),
      touched: false,
      ...this.fresh(id, doc),
    } as S);
  }
}

/** The support fields of a tombstone. */
export const NO_SUPPORT = { articleCount: 0, evidenceCount: 0, firstSeen: null, lastSeen: null } as const;

export interface DerivedWrites {
  writes: DocumentWrite[];
  tombstones: DocumentWrite[];
  changes: EntityChangeIds;
}

/**
 * The documents to write for these states where they changed: live ones as derived, emptied
 * ones as tombstones, and which ids were added, updated and removed.
 */
export function derivedWrites<D extends SupportedDocument, S extends SupportedState<D>>(
  collection: CollectionName,
  states: Iterable<S>,
  document: (state: S) => { _id: string } & Record<string, unknown>,
  tombstone: (state: S) => { _id: string } & Record<string, unknown>,
): DerivedWrites {
  const result: DerivedWrites = { writes: [], tombstones: [], changes: { added: [], updated: [], removed: [] } };
  for (const state of states) {
    if (!state.touched) continue;
    const wasLive = storedLive(state.stored);
    if (!state.support.live) {
      if (!wasLive) continue;
      result.tombstones.push({ collection, doc: tombstone(state), isNew: false });
      result.changes.removed.push(state.id);
      continue;
    }
    const doc = document(state);
    if (wasLive && sameContent(state.stored, doc)) continue;
    result.writes.push({ collection, doc, isNew: state.stored === null });
    (wasLive ? result.changes.updated : result.changes.added).push(state.id);
  }
  return result;
}
