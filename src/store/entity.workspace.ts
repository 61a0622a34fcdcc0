/**
 * One collection's view while a batch of articles is loaded: the documents they touch, with the
 * articles' old contributions taken out and their new ones put in, every other field derived
 * again, and finally one ordered bulk write. A document is replaced only if its revision is
 * still the one read (else `WriteConflictError`, and the loader starts the batch over), so
 * concurrent loaders never lose each other's contributions, and a load cut short at any point
 * is completed by loading its articles again.
 */
import type { AnyBulkWriteOperation, Collection, Filter } from 'mongodb';
import type { Derived, EvidenceTexts } from './contribution.derivation';
import { revisionOf } from './content-hash';
import type { EvidenceDocument } from './evidence.document';
import type { TrackedFields } from './tracked-fields.document';
import { isDuplicateKeyError, WriteConflictError } from './write-conflict.error';

/** Ids of the documents one load inserted, replaced and deleted. */
export interface WorkspaceChanges {
  added: string[];
  updated: string[];
  removed: string[];
}

type Contribution = { articleId: string };
export type TrackedDocument<C extends Contribution> = TrackedFields<C> & { _id: string; articleIds: string[] };

interface Entry<D extends { revision: string }, I, C> {
  original: D | null;
  /** Null while the id is known to be absent from the collection. */
  identity: I | null;
  contributions: C[];
  touched: boolean;
  derived: Derived<D> | null;
}

/** How one kind of entity is identified and derived. */
export interface EntityRules<C, I, D extends { revision: string }> {
  /** The fields fixed when the entity was first stored (id, slug or natural key). */
  identityOf(doc: D): I;
  derive(identity: I, contributions: readonly C[], texts: EvidenceTexts): Derived<D>;
  /** The evidence (with sentence texts) a stored document carries, where its contributions' spans find their text. */
  storedEvidence(doc: D): readonly EvidenceDocument[];
}

export class EntityWorkspace<C extends Contribution, I, D extends TrackedDocument<C>> {
  private readonly entries = new Map<string, Entry<D, I, C>>();
  private readonly sentences = new Map<string, string>();
  private readonly texts: EvidenceTexts = (articleId, span) => {
    const text = this.sentences.get(`${articleId}:${span.start}:${span.end}`);
    if (text === undefined)
      throw new Error(
        `store: no sentence text for evidence ${articleId}:${span.start}-${span.end} in "${this.collection.collectionName}"`,
      );
    return text;
  };

  constructor(
    private readonly collection: Collection<D>,
    private readonly rules: EntityRules<C, I, D>,
  ) {}

  /** Loads every document these articles contributed to and takes their contributions out. */
  async takeOutArticles(articleIds: readonly string[]): Promise<void> {
    const leaving = new Set(articleIds);
    const docs = await this.collection.find({ articleIds: { $in: [...leaving] } } as unknown as Filter<D>).toArray();
    for (const doc of docs as D[]) {
      const entry = this.adopt(doc);
      entry.contributions = entry.contributions.filter((c) => !leaving.has(c.articleId));
      entry.touched = true;
      entry.derived = null;
    }
  }

  /** Brings the stored documents matching `filter` into the workspace (those already in it keep their workspace version). */
  async fetch(filter: Filter<D>): Promise<void> {
    for (const doc of (await this.collection.find(filter).toArray()) as D[]) this.adopt(doc);
  }

  /** The workspace's documents (as changed by this load so far) that satisfy `predicate`. */
  matching(predicate: (doc: Derived<D>) => boolean): Array<Derived<D>> {
    return [...this.entries.keys()]
      .map((id) => this.current(id))
      .filter((doc): doc is Derived<D> => doc !== null && predicate(doc));
  }

  /** Makes `isTaken` answerable for these ids. */
  async load(ids: readonly string[]): Promise<void> {
    const unknown = [...new Set(ids)].filter((id) => !this.entries.has(id));
    if (!unknown.length) return;
    const docs = (await this.collection.find({ _id: { $in: unknown } } as Filter<D>).toArray()) as D[];
    for (const doc of docs) this.adopt(doc);
    for (const id of unknown) {
      if (!this.entries.has(id))
        this.entries.set(id, { original: null, identity: null, contributions: [], touched: false, derived: null });
    }
  }

  /** Whether the id belongs to a document that has contributions (after this article's were taken out). */
  isTaken(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`workspace: id ${id} was not loaded before asking whether it is taken`);
    return entry.identity !== null && entry.contributions.length > 0;
  }

  /** Starts a document under a free id (possibly one whose last contribution was just taken out). */
  create(id: string, identity: I): void {
    const entry = this.entries.get(id);
    if (!entry || this.isTaken(id)) throw new Error(`workspace: id ${id} is not free`);
    entry.identity = identity;
    entry.contributions = [];
    entry.touched = true;
    entry.derived = null;
  }

  /** Adds a contribution; `evidence` gives the sentence texts of its spans. */
  contribute(id: string, contribution: C, evidence: readonly EvidenceDocument[]): void {
    const entry = this.entries.get(id);
    if (!entry || entry.identity === null) throw new Error(`workspace: no document ${id} to contribute to`);
    this.remember(evidence);
    entry.contributions.push(contribution);
    entry.touched = true;
    entry.derived = null;
  }

  current(id: string): Derived<D> | null {
    const entry = this.entries.get(id);
    if (!entry || entry.identity === null || !entry.contributions.length) return null;
    if (!entry.touched) return entry.original;
    entry.derived ??= this.rules.derive(entry.identity, entry.contributions, this.texts);
    return entry.derived;
  }

  /** Writes the differences: deletes first, so a freed unique key can be reused by an insert. */
  async commit(): Promise<WorkspaceChanges> {
    const changes: WorkspaceChanges = { added: [], updated: [], removed: [] };
    const deletes: AnyBulkWriteOperation<D>[] = [];
    const replaces: AnyBulkWriteOperation<D>[] = [];
    const inserts: AnyBulkWriteOperation<D>[] = [];
    for (const [id, entry] of this.entries) {
      if (!entry.touched) continue;
      const body = this.current(id);
      const original = entry.original;
      if (body === null) {
        if (original === null) continue;
        deletes.push({ deleteOne: { filter: { _id: id, revision: original.revision } as Filter<D> } });
        changes.removed.push(id);
        continue;
      }
      // Computed once, here: derivations for matching along the way do not need it.
      const next = { ...body, revision: revisionOf(body) } as D;
      if (original === null) {
        inserts.push({ insertOne: { document: next } } as AnyBulkWriteOperation<D>);
        changes.added.push(id);
      } else if (original.revision !== next.revision) {
        replaces.push({
          replaceOne: { filter: { _id: id, revision: original.revision } as Filter<D>, replacement: next },
        });
        changes.updated.push(id);
      }
    }
    const operations = [...deletes, ...replaces, ...inserts];
    if (!operations.length) return changes;
    try {
      const result = await this.collection.bulkWrite(operations, { ordered: true });
      if (result.deletedCount !== deletes.length || result.matchedCount !== replaces.length) {
        throw new WriteConflictError(this.collection.collectionName);
      }
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new WriteConflictError(this.collection.collectionName);
      throw err;
    }
    return changes;
  }

  private adopt(doc: D): Entry<D, I, C> {
    let entry = this.entries.get(doc._id);
    if (!entry || (entry.original === null && entry.identity === null)) {
      entry = {
        original: doc,
        identity: this.rules.identityOf(doc),
        contributions: [...doc.contributions],
        touched: false,
        derived: null,
      };
      this.entries.set(doc._id, entry);
      this.remember(this.rules.storedEvidence(doc));
    }
    return entry;
  }

  private remember(evidence: readonly EvidenceDocument[]): void {
    for (const e of evidence) this.sentences.set(`${e.articleId}:${e.start}:${e.end}`, e.text);
  }
}
