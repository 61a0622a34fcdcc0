/**
 * Applies the load log in order, one applier per database handle. A loader appends its entry,
 * then applies every entry up to its own: its own entries at once; another loader's entry only
 * once that loader has stopped refreshing its heartbeat (crashed or stuck), since otherwise it
 * is about to be applied anyway. An entry's plan is made against the store as the entries
 * before it left it and stored before anything is written, so whoever completes an entry
 * writes the same, and the result of any number of concurrent loads is that of the log's order.
 * While one of its entries is written, a loader plans its next one on top of it (the next
 * number in the log, its own too): planning and writing overlap, and nothing else changes, since
 * the earlier plan says exactly what the store will hold.
 */
import { randomBytes } from 'node:crypto';
import { MongoError, type Db } from 'mongodb';
import { StoreBusyError } from '../store-busy.error';
import { ensureStoreLayout } from '../store-layout';
import type { ArticleDraft, LoadEntryDocument, LoadItem } from './load-entry.document';
import { LoadLog } from './load-log';
import type { LoadPlan } from './load-plan.type';
import { buildPlan } from './plan.builder';
import { EntryAlreadyAppliedError, executePlan, type DraftSource } from './plan.executor';
import { EarlierEntryNotWrittenError, PendingEntry } from './store.reader';

/** How often a loader refreshes its heartbeat, and how long others wait before taking its entries over. */
const HEARTBEAT_MS = 500;
const HANDOVER_MS = 3_000;
/** How often a loader looks again while another loader's entry is ahead of its own: soon at first, then less often. */
const FIRST_POLL_MS = 2;
const MAX_POLL_MS = 50;
/** Failures of the store in a row (each retried after a pause) before the waiting loads give up. */
const MAX_STORE_FAILURES = 5;
/** How long a load waits for the entries ahead of it before it withdraws. */
const DEFAULT_LOAD_TIMEOUT_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Waiter {
  deadline: number;
  items: readonly LoadItem[];
  resolve(plan: LoadPlan): void;
  reject(err: Error): void;
}

/** A caller waiting for the log to be applied through `seq` (entries that need not be its own). */
interface Watcher {
  seq: number;
  deadline: number;
  resolve(): void;
  reject(err: Error): void;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

class LoadApplier {
  private readonly owner = randomBytes(8).toString('hex');
  private readonly log: LoadLog;
  private readonly waiting = new Map<number, Waiter>();
  private watchers: Watcher[] = [];
  /**
   * This loader's appends, one at a time and in the order the loads were submitted: concurrent
   * loads of one process do not race for a number, and the log keeps their order.
   */
  private appending: Promise<unknown> = Promise.resolve();
  /** Drafts of our own entries, so that applying them does not read back what we just wrote. */
  private readonly ownDrafts = new Map<string, ArticleDraft>();
  /** Plans of entries we applied, so that settling them does not read them back. */
  private readonly appliedPlans = new Map<number, LoadPlan>();
  private draining: Promise<void> | null = null;
  /** Checked before the first load: never write this layout's documents into a store of another. */
  private layoutChecked: Promise<void> | null = null;

  constructor(private readonly db: Db) {
    this.log = new LoadLog(db);
  }

  /** Writes the drafts, appends the items as one entry and resolves to its plan once it is applied. */
  async submit(items: readonly LoadItem[], drafts: readonly ArticleDraft[], timeoutMs: number): Promise<LoadPlan> {
    // Our turn to append is taken now, before anything is awaited: the order of the calls.
    const turn = this.appending;
    let done!: () => void;
    this.appending = new Promise<void>((resolve) => (done = resolve));
    let seq: number;
    try {
      this.layoutChecked ??= ensureStoreLayout(this.db).catch((err: unknown) => {
        this.layoutChecked = null;
        throw err;
      });
      await this.layoutChecked;
      // While entries wait, the drain loop keeps the heartbeat fresh; before that, this one says we are alive.
      if (!this.draining) await this.log.heartbeat(this.owner);
      await this.log.writeDrafts(drafts);
      try {
        await turn;
        seq = await this.log.append(this.owner, items);
      } catch (err) {
        await this.log.deleteDrafts(items).catch(() => undefined);
        throw err;
      }
    } finally {
      done();
    }
    for (const draft of drafts) this.ownDrafts.set(draft._id, draft);
    const applied = new Promise<LoadPlan>((resolve, reject) => {
      this.waiting.set(seq, { deadline: Date.now() + timeoutMs, items, resolve, reject });
    });
    this.drain();
    return applied;
  }

  /**
   * Resolves once the log is applied through `seq`, completing on the way the entries of loaders
   * that stopped answering (as for a load of ours).
   */
  async appliedThrough(seq: number, timeoutMs: number): Promise<void> {
    if ((await this.log.applied()) >= seq) return;
    const applied = new Promise<void>((resolve, reject) => {
      this.watchers.push({ seq, deadline: Date.now() + timeoutMs, resolve, reject });
    });
    this.drain();
    return applied;
  }

  /** Whether a load of ours or a watcher waits for the log. */
  private get busy(): boolean {
    return this.waiting.size > 0 || this.watchers.length > 0;
  }

  private drain(): void {
    this.draining ??= this.applyUntilDone().finally(() => {
      this.draining = null;
      if (this.busy) this.drain();
    });
  }

  private async applyUntilDone(): Promise<void> {
    await this.log.heartbeat(this.owner).catch(() => undefined);
    const heartbeat = setInterval(() => {
      this.log.heartbeat(this.owner).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    let failures = 0;
    try {
      while (this.busy) {
        try {
          await this.step();
          failures = 0;
        } catch (err) {
          if (++failures >= MAX_STORE_FAILURES) {
            await this.giveUp(`the store failed ${failures} times in a row (${messageOf(err)})`);
            failures = 0;
          } else {
            await sleep(50 * 2 ** failures);
          }
        }
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Settles the entries of ours that are applied, then applies (or waits for) the next one. */
  private async step(): Promise<void> {
    const applied = await this.log.applied();
    for (const seq of [...this.waiting.keys()].filter((s) => s <= applied)) await this.settle(seq);
    this.releaseWatchers(applied);
    if (!this.busy) return;
    const entry = await this.log.entry(applied + 1);
    if (!entry) throw new Error(`load-log entry ${applied + 1} is missing`);
    if (entry.owner === this.owner || entry.failure || entry.cancelled || (await this.ownerGone(entry.owner))) {
      await this.applyFrom(entry);
      return;
    }
    await this.waitForProgress(applied, entry.owner);
  }

  /** Waits until the log moves on, or its owner stops answering, or one of our loads runs out of patience. */
  private async waitForProgress(applied: number, owner: string): Promise<void> {
    const ownerCheckAt = Date.now() + HANDOVER_MS;
    for (let delay = FIRST_POLL_MS; ; delay = Math.min(2 * delay, MAX_POLL_MS)) {
      await sleep(delay);
      if ((await this.log.applied()) !== applied) return;
      await this.withdrawOverdue();
      if (!this.busy || (Date.now() > ownerCheckAt && (await this.ownerGone(owner)))) return;
    }
  }

  private async ownerGone(owner: string): Promise<boolean> {
    const heartbeat = await this.log.lastHeartbeat(owner);
    return heartbeat === null || Date.now() - heartbeat.getTime() > HANDOVER_MS;
  }

  private readonly drafts: DraftSource = async (ids) => {
    const missing = ids.filter((id) => !this.ownDrafts.has(id));
    const read = await this.log.readDrafts(missing);
    return new Map([
      ...ids.flatMap((id) => (this.ownDrafts.has(id) ? [[id, this.ownDrafts.get(id)!] as const] : [])),
      ...read.map((d) => [d._id, d] as const),
    ]);
  };

  /**
   * Applies the entry; while its writes go, plans our entry after it, if it is next in the log,
   * on top of it, then applies that one the same way, and so on.
   */
  private async applyFrom(first: LoadEntryDocument): Promise<void> {
    let entry = first;
    let plan = await this.planOf(entry, null);
    for (;;) {
      const written = this.write(entry, plan);
      // Awaited below, whatever happens meanwhile.
      written.catch(() => undefined);
      let next: LoadEntryDocument | null;
      let nextPlan: LoadPlan | null = null;
      try {
        next = plan ? await this.ownEntryAfter(entry._id) : null;
        if (next) nextPlan = await this.planOf(next, new PendingEntry(plan!, written));
      } catch (err) {
        // Planning on top of an entry that failed to be written, or a store error: the writes'
        // outcome comes first; the next entry is planned again by the next step.
        await written;
        if (err instanceof EarlierEntryNotWrittenError) return;
        throw err;
      }
      if (!(await written)) return;
      // Its load hears now, not once the chain ends: the loader can hand over its next batch.
      if (this.waiting.has(entry._id)) await this.settle(entry._id);
      if (!next) return;
      entry = next;
      plan = nextPlan;
    }
  }

  /** Our entry right after `seq`, if it waits to be planned. */
  private async ownEntryAfter(seq: number): Promise<LoadEntryDocument | null> {
    if (!this.waiting.has(seq + 1)) return null;
    const next = await this.log.entry(seq + 1);
    return next && next.owner === this.owner && !next.planned && !next.cancelled && !next.failure ? next : null;
  }

  /** The entry's plan: the one stored, or one made now and stored; null when there is none (failed or withdrawn). */
  private async planOf(entry: LoadEntryDocument, pending: PendingEntry | null): Promise<LoadPlan | null> {
    const seq = entry._id;
    if (entry.failure || entry.cancelled) return null;
    const stored = entry.planned ? await this.log.plan(seq) : null;
    if (stored) return stored;
    try {
      return await this.log.storePlan(seq, await buildPlan(this.db, entry.items, new Date(), this.drafts, pending));
    } catch (err) {
      if (err instanceof MongoError || err instanceof EarlierEntryNotWrittenError) throw err;
      // The plan cannot be made from these articles (a bug, or a draft gone missing): this
      // entry fails alone rather than stopping every load behind it.
      await this.log.storeFailure(seq, messageOf(err));
      return null;
    }
  }

  /** Writes the entry's plan and marks it applied; false when another loader had completed it. */
  private async write(entry: LoadEntryDocument, plan: LoadPlan | null): Promise<boolean> {
    const seq = entry._id;
    if (plan) {
      try {
        await executePlan(this.db, seq, plan, this.drafts);
      } catch (err) {
        // Drafts are deleted only once their entry is applied: missing ones mean another loader finished it.
        if (!(err instanceof EntryAlreadyAppliedError)) throw err;
        if ((await this.log.applied()) < seq)
          throw new Error(`the drafts of load-log entry ${seq} are gone`, { cause: err });
        return false;
      }
      if (this.waiting.has(seq)) this.appliedPlans.set(seq, plan);
    }
    await this.log.advance(seq);
    await this.log.deleteDrafts(entry.items);
    return true;
  }

  private async settle(seq: number): Promise<void> {
    const waiter = this.waiting.get(seq)!;
    const plan = this.appliedPlans.get(seq) ?? (await this.log.plan(seq));
    const entry = plan ? null : await this.log.entry(seq);
    this.waiting.delete(seq);
    this.appliedPlans.delete(seq);
    this.forgetDrafts(waiter.items);
    await this.log.forget(seq);
    if (plan) waiter.resolve(plan);
    else if (entry?.failure) waiter.reject(new Error(`the load could not be planned: ${entry.failure}`));
    else waiter.reject(new StoreBusyError('the load was withdrawn before it could be applied; try again'));
  }

  private releaseWatchers(applied: number): void {
    const released = this.watchers.filter((w) => w.seq <= applied);
    this.watchers = this.watchers.filter((w) => w.seq > applied);
    for (const watcher of released) watcher.resolve();
  }

  private rejectWatchers(which: (watcher: Watcher) => boolean, err: Error): void {
    const rejected = this.watchers.filter(which);
    this.watchers = this.watchers.filter((w) => !which(w));
    for (const watcher of rejected) watcher.reject(err);
  }

  private forgetDrafts(items: readonly LoadItem[]): void {
    for (const item of items) if (item.kind === 'load') this.ownDrafts.delete(item.draftId);
  }

  /** Withdraws our entries that waited past their deadline, if they have not been planned yet. */
  private async withdrawOverdue(): Promise<void> {
    const now = Date.now();
    this.rejectWatchers(
      (w) => w.deadline <= now,
      new StoreBusyError('other loads kept the store busy past this load’s patience; try again'),
    );
    for (const [seq, waiter] of this.waiting) {
      if (waiter.deadline > now || !(await this.log.withdraw(seq))) continue;
      this.waiting.delete(seq);
      this.forgetDrafts(waiter.items);
      await this.log.deleteDrafts(waiter.items);
      waiter.reject(new StoreBusyError('other loads kept the store busy past this load’s patience; try again'));
    }
  }

  /** The store keeps failing: withdraw what can be withdrawn and tell every waiting load. */
  private async giveUp(reason: string): Promise<void> {
    this.rejectWatchers(() => true, new StoreBusyError(`the store could not be read: ${reason}; try again`));
    for (const [seq, waiter] of [...this.waiting]) {
      const withdrawn = await this.log.withdraw(seq).catch(() => false);
      this.waiting.delete(seq);
      this.forgetDrafts(waiter.items);
      waiter.reject(
        new StoreBusyError(
          withdrawn
            ? `the load was not applied: ${reason}; try again`
            : `the load is logged and will be completed by the next loader, but not now: ${reason}; sending it again is safe`,
        ),
      );
    }
  }
}

const appliers = new WeakMap<Db, LoadApplier>();

/**
 * Applies `items` (with the drafts of their new versions) as one entry of the load log;
 * resolves to its plan once it is applied.
 */
export function applyLoad(
  db: Db,
  items: readonly LoadItem[],
  drafts: readonly ArticleDraft[] = [],
  timeoutMs = DEFAULT_LOAD_TIMEOUT_MS,
): Promise<LoadPlan> {
  return applierOf(db).submit(items, drafts, timeoutMs);
}

/**
 * Resolves once the load log is applied through entry `seq`: what an entry wrote is only final
 * once the entry is complete (a loader killed after publishing its articles leaves the
 * tombstones of what they no longer state to whoever applies the log next).
 */
export function loadsAppliedThrough(db: Db, seq: number, timeoutMs = DEFAULT_LOAD_TIMEOUT_MS): Promise<void> {
  return applierOf(db).appliedThrough(seq, timeoutMs);
}

function applierOf(db: Db): LoadApplier {
  let applier = appliers.get(db);
  if (!applier) {
    applier = new LoadApplier(db);
    appliers.set(db, applier);
  }
  return applier;
}
