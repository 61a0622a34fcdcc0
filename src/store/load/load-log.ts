/**
 * The load log: every load of the store (from any process) as an entry in one total order.
 * An entry is appended at the next free sequence number (a unique `_id`, so two appenders
 * cannot take the same one and no number is ever skipped), gets its plan once (the first plan
 * stored wins), and counts as applied when `appliedSeq` reaches it.
 */
import { ObjectId, type Db } from 'mongodb';
import { BOOKKEEPING_COLLECTIONS } from '../collection-names';
import { StoreBusyError } from '../store-busy.error';
import { isDuplicateKeyError } from './duplicate-key.error';
import type {
  ArticleDraft,
  ArticleDraftDocument,
  LoadEntryDocument,
  LoadItem,
  LoadPlanDocument,
  StoreStateDocument,
} from './load-entry.document';
import type { LoadPlan } from './load-plan.type';
import { pack, unpack } from './packed.codec';

const MAX_APPEND_ATTEMPTS = 50;
/** Entries whose owners never came back for them (they crashed), and those loaders' heartbeats, are dropped after this. */
const ABANDONED_ENTRY_MS = 60 * 60 * 1000;
const SWEEP_EVERY = 100;

export class LoadLog {
  constructor(private readonly db: Db) {}

  private get entries() {
    return this.db.collection<LoadEntryDocument>(BOOKKEEPING_COLLECTIONS.loadLog);
  }

  private get plans() {
    return this.db.collection<LoadPlanDocument>(BOOKKEEPING_COLLECTIONS.loadPlans);
  }

  private get state() {
    return this.db.collection<StoreStateDocument>(BOOKKEEPING_COLLECTIONS.storeState);
  }

  private get drafts() {
    return this.db.collection<ArticleDraftDocument>(BOOKKEEPING_COLLECTIONS.articleDrafts);
  }

  async writeDrafts(drafts: readonly ArticleDraft[]): Promise<void> {
    if (!drafts.length) return;
    const packed = drafts.map(({ text, contentHash, record, ...rest }) => ({
      ...rest,
      content: pack({ text, contentHash, record }),
    }));
    await this.drafts.insertMany(packed, { ordered: false });
  }

  async readDrafts(ids: readonly string[]): Promise<ArticleDraft[]> {
    if (!ids.length) return [];
    const stored = await this.drafts.find({ _id: { $in: [...ids] } }).toArray();
    return stored.map(({ content, ...rest }) => ({
      ...rest,
      ...unpack<Pick<ArticleDraft, 'text' | 'contentHash' | 'record'>>(content),
    }));
  }

  async deleteDrafts(items: readonly LoadItem[]): Promise<void> {
    const ids = items.flatMap((item) => (item.kind === 'load' ? [item.draftId] : []));
    if (ids.length) await this.drafts.deleteMany({ _id: { $in: ids } });
  }

  async applied(): Promise<number> {
    return (await this.state.findOne({ _id: 'log' }))?.appliedSeq ?? 0;
  }

  /**
   * Appends an entry at the next sequence number and returns it. When another loader takes a
   * number first, the next one is tried: every number below it is taken, so none is skipped.
   * A number can also be freed under us: its entry applied and dropped between our reading the
   * last number and inserting. An entry the log has passed would never be applied, so it is
   * taken back and a number after the applied one tried.
   */
  async append(owner: string, items: readonly LoadItem[]): Promise<number> {
    let seq = (await this.lastSeq()) + 1;
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++, seq++) {
      try {
        await this.entries.insertOne({
          _id: seq,
          owner,
          createdAt: new Date(),
          items: [...items],
          planned: false,
          failure: null,
          cancelled: false,
        });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        continue;
      }
      const applied = await this.applied();
      if (applied < seq) return seq;
      await this.entries.deleteOne({ _id: seq, owner });
      seq = applied;
    }
    throw new StoreBusyError(`the load log stayed contended for ${MAX_APPEND_ATTEMPTS} attempts; try again`);
  }

  /** The last sequence number taken: the highest entry, or the applied one if the log was emptied since. */
  private async lastSeq(): Promise<number> {
    const [applied, [last]] = await Promise.all([
      this.applied(),
      this.entries
        .find({}, { projection: { _id: 1 } })
        .sort({ _id: -1 })
        .limit(1)
        .toArray(),
    ]);
    return Math.max(applied, last?._id ?? 0);
  }

  entry(seq: number): Promise<LoadEntryDocument | null> {
    return this.entries.findOne({ _id: seq });
  }

  async plan(seq: number): Promise<LoadPlan | null> {
    const stored = await this.plans.findOne({ _id: seq });
    return stored ? unpack<LoadPlan>(stored.plan) : null;
  }

  /**
   * Stores the plan unless the entry was withdrawn (null) or another loader stored one first
   * (theirs is returned). Nothing of an entry is written before its plan is stored.
   */
  async storePlan(seq: number, plan: LoadPlan): Promise<LoadPlan | null> {
    const claimed = await this.entries.updateOne(
      { _id: seq, cancelled: false, failure: null },
      { $set: { planned: true } },
    );
    if (claimed.matchedCount === 0) return null;
    try {
      await this.plans.insertOne({ _id: seq, plan: pack(plan) });
      return plan;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return this.plan(seq);
    }
  }

  async storeFailure(seq: number, failure: string): Promise<void> {
    await this.entries.updateOne({ _id: seq, planned: false, cancelled: false }, { $set: { failure } });
  }

  /** Withdraws an entry that is not planned yet; false when it is (it will be applied). */
  async withdraw(seq: number): Promise<boolean> {
    const result = await this.entries.updateOne(
      { _id: seq, planned: false, failure: null },
      { $set: { cancelled: true } },
    );
    return result.modifiedCount === 1 || (await this.entry(seq))?.cancelled === true;
  }

  async heartbeat(owner: string): Promise<void> {
    await this.state.updateOne({ _id: `loader:${owner}` }, { $set: { heartbeatAt: new Date() } }, { upsert: true });
  }

  /** When the loader last said it was alive (null: never, or it stopped). */
  async lastHeartbeat(owner: string): Promise<Date | null> {
    return (await this.state.findOne({ _id: `loader:${owner}` }))?.heartbeatAt ?? null;
  }

  /** Marks entry `seq` applied (a no-op when it already is). */
  async advance(seq: number): Promise<void> {
    try {
      await this.state.updateOne(
        { _id: 'log', appliedSeq: seq - 1 },
        { $set: { appliedSeq: seq }, $setOnInsert: { epoch: new ObjectId().toHexString() } },
        { upsert: true },
      );
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  /**
   * Drops an applied entry and its plan once its owner has read the outcome, and, every so many
   * entries, what crashed owners left.
   */
  async forget(seq: number): Promise<void> {
    const sweep = seq % SWEEP_EVERY === 0;
    const abandoned = { _id: { $lt: seq }, createdAt: { $lt: new Date(Date.now() - ABANDONED_ENTRY_MS) } };
    const old = sweep
      ? (await this.entries.find(abandoned, { projection: { _id: 1 } }).toArray()).map((e) => e._id)
      : [];
    const ids = [seq, ...old];
    const silent = { _id: /^loader:/, heartbeatAt: { $lt: new Date(Date.now() - ABANDONED_ENTRY_MS) } };
    await Promise.all([
      this.entries.deleteMany({ _id: { $in: ids } }),
      this.plans.deleteMany({ _id: { $in: ids } }),
      sweep ? this.state.deleteMany(silent) : undefined,
    ]);
  }
}
