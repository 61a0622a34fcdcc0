/**
 * The load log when loaders die or stall: an entry left half-written by a loader that stopped
 * answering is completed by the next loader exactly as its owner would have, and a load that
 * waits too long behind a live one gives up with a retryable error, leaving nothing behind.
 */
import { Collection } from 'mongodb';
import {
  articleIdFor,
  BOOKKEEPING_COLLECTIONS,
  COLLECTIONS,
  ensureIndexes,
  findArticlesPage,
  loadExtraction,
  StoreBusyError,
} from '../../src/store';
import { draftOf } from '../../src/store/load/article-draft';
import { applyLoad } from '../../src/store/load/load.applier';
import type { LoadItem } from '../../src/store/load/load-entry.document';
import { LoadLog } from '../../src/store/load/load-log';
import { buildPlan } from '../../src/store/load/plan.builder';
import type { LoadPlan } from '../../src/store/load/load-plan.type';
import { executePlan, type DraftSource } from '../../src/store/load/plan.executor';
import { PendingEntry } from '../../src/store/load/store.reader';
import { article, meeting, office, person, type ArticleFixture } from '../helpers/article-record.fixture';
import { dumpCollections } from '../helpers/collection-dump';
import { consistencyProblems } from '../helpers/store-consistency';
import { useTestDatabasePerTest } from '../helpers/test-database';

function talks(source: string, date: string, names: [string, string]): ArticleFixture {
  const sentence = `${names[0]} met ${names[1]} in Nairobi on ${date}.`;
  return article(source, [sentence], (say) => ({
    publishedOn: date,
    people: names.map((name) => person(name, say(sentence))),
    meetings: [meeting(names, date, 'Nairobi', say(sentence))],
  }));
}

/** Odhiambo, named by surname alone, meets `other`; she is Health Minister of Kenya. */
function bySurname(source: string, date: string, other: string): ArticleFixture {
  const sentence = `Health Minister Odhiambo met ${other} in Nairobi on ${date}.`;
  return article(source, [sentence], (say) => ({
    publishedOn: date,
    people: [person('Odhiambo', say(sentence)), person(other, say(sentence))],
    offices: [office('Odhiambo', 'Minister of Health', 'Kenya', say(sentence))],
    meetings: [meeting(['Odhiambo', other], date, 'Nairobi', say(sentence))],
  }));
}

const first = talks('first.txt', '2021-01-05', ['Amina Odhiambo', 'Peter Kamau']);
const second = talks('second.txt', '2021-01-06', ['Amina Odhiambo', 'Grace Wanjiru']);
const third = talks('third.txt', '2021-01-07', ['Peter Kamau', 'Grace Wanjiru']);

describe('the load log', () => {
  const database = useTestDatabasePerTest();
  const db = () => database().db;
  beforeEach(async () => {
    await ensureIndexes(db());
  });

  /** Appends `fixture` as the entry of a loader that then stops, and returns the entry's plan. */
  async function entryOfAStoppedLoader(fixture: ArticleFixture) {
    const log = new LoadLog(db());
    const draft = draftOf(fixture.record, fixture.text, new Date());
    const items: LoadItem[] = [
      { kind: 'load', articleId: draft.articleId, source: draft.source, version: draft.version, draftId: draft._id },
    ];
    await log.writeDrafts([draft]);
    const seq = await log.append('a-loader-that-stopped', items);
    const plan = (await log.storePlan(
      seq,
      await buildPlan(db(), items, new Date(), async () => new Map([[draft._id, draft]])),
    ))!;
    return { seq, plan, drafts: async () => new Map([[draft._id, draft]]) };
  }

  it('plans an entry on top of the one before it while that one is written, as if one after the other', async () => {
    const health = (source: string, date: string) => {
      const sentence = `Kenyan Minister of Health Amina Odhiambo met Peter Kamau in Nairobi on ${date}.`;
      return article(source, [sentence], (say) => ({
        publishedOn: date,
        people: [person('Amina Odhiambo', say(sentence)), person('Peter Kamau', say(sentence))],
        offices: [office('Amina Odhiambo', 'Minister of Health', 'Kenya', say(sentence))],
        meetings: [meeting(['Amina Odhiambo', 'Peter Kamau'], date, 'Nairobi', say(sentence))],
      }));
    };
    // The second entry finds, only in what the first writes, the person it names by surname, her
    // office, the meeting it reports again and the people met; the third changes an article of the
    // second and removes one of the first.
    const entries: Array<Array<ArticleFixture | { remove: string }>> = [
      [health('h1.txt', '2021-03-01'), first, second],
      [
        bySurname('s1.txt', '2021-03-01', 'Peter Kamau'),
        talks('h2.txt', '2021-03-01', ['Amina Odhiambo', 'Peter Kamau']),
        third,
      ],
      [bySurname('s1.txt', '2021-03-02', 'Grace Wanjiru'), { remove: 'first.txt' }],
    ];
    const now = new Date();
    const itemsOf = (entry: (typeof entries)[number]) => {
      const drafts = entry.flatMap((x) => ('remove' in x ? [] : [draftOf(x.record, x.text, now)]));
      const items: LoadItem[] = entry.map((x) => {
        if ('remove' in x) return { kind: 'remove', articleId: articleIdFor(x.remove), source: x.remove };
        const draft = drafts.find((d) => d.source === x.record.source)!;
        return {
          kind: 'load',
          articleId: draft.articleId,
          source: draft.source,
          version: draft.version,
          draftId: draft._id,
        };
      });
      return { items, drafts, source: async () => new Map(drafts.map((d) => [d._id, d])) };
    };

    let previous: { plan: LoadPlan; drafts: DraftSource; seq: number } | null = null;
    for (const [i, entry] of entries.entries()) {
      const { items, source } = itemsOf(entry);
      if (!previous) {
        previous = { plan: await buildPlan(db(), items, now, source), drafts: source, seq: 1 };
        continue;
      }
      const before: { plan: LoadPlan; drafts: DraftSource; seq: number } = previous;
      // The second entry is planned before anything of the first is written; the third while the
      // second is being written (its update and its removal's dates wait for that).
      let open: (() => void) | undefined;
      const gate = i === 1 ? new Promise<void>((resolve) => (open = resolve)) : Promise.resolve();
      const written = gate.then(() => executePlan(db(), before.seq, before.plan, before.drafts));
      const plan = await buildPlan(db(), items, now, source, new PendingEntry(before.plan, written));
      open?.();
      await written;
      previous = { plan, drafts: source, seq: before.seq + 1 };
    }
    await executePlan(db(), previous!.seq, previous!.plan, previous!.drafts);
    expect(await consistencyProblems(db())).toEqual([]);

    const clean = database().client.db(`${db().databaseName}_clean`);
    try {
      await ensureIndexes(clean);
      for (const entry of entries) {
        const { items, drafts } = itemsOf(entry);
        await applyLoad(clean, items, drafts);
      }
      expect(await dumpCollections(db())).toEqual(await dumpCollections(clean));
    } finally {
      await clean.dropDatabase();
    }
  });

  it('completes an entry its loader left half-written, as the loader would have', async () => {
    await loadExtraction(db(), first.record, { text: first.text });
    const { seq, plan, drafts } = await entryOfAStoppedLoader(second);
    // The stopped loader wrote half of the entities, and neither the facts nor the article.
    await executePlan(
      db(),
      seq,
      { ...plan, articles: [], writes: plan.writes.slice(0, plan.writes.length / 2), tombstones: [] },
      drafts,
    );
    const readable = await findArticlesPage(db(), {}, { field: 'source', direction: 1 }, { first: 10 });
    expect(readable.edges.map((e) => e.node.source)).toEqual(['first.txt']);

    // The next loader finds the entry's owner gone, completes it, then applies its own.
    expect((await loadExtraction(db(), third.record, { text: third.text })).status).toBe('added');
    expect(await consistencyProblems(db())).toEqual([]);
    const clean = database().client.db(`${db().databaseName}_clean`);
    try {
      await ensureIndexes(clean);
      for (const fixture of [first, second, third]) await loadExtraction(clean, fixture.record, { text: fixture.text });
      expect(await dumpCollections(db())).toEqual(await dumpCollections(clean));
    } finally {
      await clean.dropDatabase();
    }
    expect(await db().collection(BOOKKEEPING_COLLECTIONS.articleDrafts).countDocuments()).toBe(0);
  });

  it('completes an entry whose loader published its articles and stopped, before the same articles count as unchanged', async () => {
    await loadExtraction(db(), first.record, { text: first.text });
    // first.txt again: Amina Odhiambo now meets Grace Wanjiru, so Peter Kamau and the meeting
    // with him are no longer stated anywhere.
    const revised = talks('first.txt', '2021-01-05', ['Amina Odhiambo', 'Grace Wanjiru']);
    const { seq, plan, drafts } = await entryOfAStoppedLoader(revised);
    // The stopped loader published the new version but wrote none of the tombstones.
    await executePlan(db(), seq, { ...plan, tombstones: [] }, drafts);

    // Loading the same article again finds it stored in this version: nothing to load, but the
    // entry that stored it is completed first.
    expect((await loadExtraction(db(), revised.record, { text: revised.text })).status).toBe('unchanged');
    expect(await consistencyProblems(db())).toEqual([]);
    const live = await db()
      .collection(COLLECTIONS.people)
      .find({ articleCount: { $gt: 0 } })
      .toArray();
    expect(live.map((p) => p.name).sort()).toEqual(['Amina Odhiambo', 'Grace Wanjiru']);
    const clean = database().client.db(`${db().databaseName}_clean`);
    try {
      await ensureIndexes(clean);
      await loadExtraction(clean, revised.record, { text: revised.text });
      expect(await dumpCollections(db())).toEqual(await dumpCollections(clean));
    } finally {
      await clean.dropDatabase();
    }
  });

  it('completes an entry written twice over (a loader that resumed after another finished it) without counting it twice', async () => {
    await loadExtraction(db(), first.record, { text: first.text });
    const { seq, plan, drafts } = await entryOfAStoppedLoader(second);
    await executePlan(db(), seq, plan, drafts);
    await executePlan(db(), seq, plan, drafts);
    await loadExtraction(db(), third.record, { text: third.text });
    expect(await consistencyProblems(db())).toEqual([]);
    const amina = await db().collection(COLLECTIONS.people).findOne({ slug: 'amina-odhiambo' });
    expect(amina).toMatchObject({ articleCount: 2, meetingCount: 2 });
  });

  it('gives a stalled append a number the log has not passed yet', async () => {
    // The appender reads the last number taken and stalls before inserting the next; meanwhile
    // another loader takes that number, is applied and drops its entry, which frees the number.
    // Taking it again would make an entry the log has already passed: never applied, its load
    // told it was withdrawn.
    const log = new LoadLog(db());
    let resume!: () => void;
    const stalled = new Promise<void>((resolve) => {
      const insertOne = Collection.prototype.insertOne;
      const spy = jest.spyOn(Collection.prototype, 'insertOne').mockImplementation(async function (
        this: Collection,
        ...args: Parameters<Collection['insertOne']>
      ) {
        if (this.collectionName === BOOKKEEPING_COLLECTIONS.loadLog && args[0].owner === 'stalled') {
          spy.mockRestore();
          resolve();
          await new Promise<void>((go) => (resume = go));
        }
        return insertOne.apply(this, args);
      });
    });
    const slow = log.append('stalled', []);
    await stalled;
    const fast = await log.append('fast', []);
    await log.advance(fast);
    await log.forget(fast);
    resume();
    expect(await slow).toBeGreaterThan(await log.applied());
    expect(await log.entry(await slow)).toMatchObject({ owner: 'stalled' });
  });

  it('withdraws a load that waits past its patience behind a live loader, with a retryable error and nothing left behind', async () => {
    const { seq } = await entryOfAStoppedLoader(first);
    // The entry's owner still answers.
    const state = db().collection<{ _id: string; heartbeatAt: Date }>(BOOKKEEPING_COLLECTIONS.storeState);
    const alive = () =>
      state.updateOne({ _id: 'loader:a-loader-that-stopped' }, { $set: { heartbeatAt: new Date() } }, { upsert: true });
    await alive();
    const heartbeat = setInterval(() => void alive(), 200);
    try {
      const draft = draftOf(second.record, second.text, new Date());
      const items: LoadItem[] = [
        { kind: 'load', articleId: draft.articleId, source: draft.source, version: draft.version, draftId: draft._id },
      ];
      await expect(applyLoad(db(), items, [draft], 300)).rejects.toBeInstanceOf(StoreBusyError);
      expect(await db().collection(COLLECTIONS.articles).countDocuments()).toBe(0);
      expect(
        await db()
          .collection<{ _id: string }>(BOOKKEEPING_COLLECTIONS.articleDrafts)
          .countDocuments({ _id: draft._id }),
      ).toBe(0);
      expect(
        await db()
          .collection(BOOKKEEPING_COLLECTIONS.loadLog)
          .countDocuments({ _id: { $gt: seq } as never, cancelled: true }),
      ).toBe(1);
    } finally {
      clearInterval(heartbeat);
    }
  });
});
