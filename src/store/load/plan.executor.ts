/**
 * Writes a plan. Every write names the log entry (`seq` on derived documents and articles,
 * `writtenBy` on facts) and applies only to a document an earlier entry wrote, so running the
 * same plan again, in part or twice at once, writes each document once, and a delayed writer of
 * an earlier entry never overwrites a later one. The order keeps what readers see whole: the
 * new facts (invisible until their version is published) and the aggregates, each kind only
 * once the kinds it refers to are written, then the articles (which publish their facts all at
 * once), then the tombstones of what the old facts alone supported, each kind before the kinds
 * it refers to, and last the old facts. Writes that no order binds go at once.
 */
import type { AnyBulkWriteOperation, Db, Document } from 'mongodb';
import { COLLECTIONS, type CollectionName } from '../collection-names';
import type { ArticleDocument } from '../documents/article.document';
import { searchKeysOf } from '../identity/name-key';
import { buildFacts, FACT_COLLECTIONS, type FactCollection } from './fact.builder';
import type { ArticleDraft } from './load-entry.document';
import type { ArticlePlan, DocumentWrite, LoadPlan } from './load-plan.type';
import { isDuplicateKeyError } from './duplicate-key.error';

/** Raised when a draft the plan needs is gone: another loader finished the entry first. */
export class EntryAlreadyAppliedError extends Error {
  constructor(seq: number) {
    super(`load-log entry ${seq} was completed by another loader`);
    this.name = 'EntryAlreadyAppliedError';
  }
}

type GuardField = 'seq' | 'writtenBy';
type Written = { _id: string } & Document;

/** The indexes of the writes a bulk write refused for a duplicate key; anything else is thrown. */
function duplicateKeyFailures(err: unknown): number[] {
  const failed = (err as { writeErrors?: Array<{ index: number; code?: number }> }).writeErrors;
  if (!isDuplicateKeyError(err) || !failed?.length || failed.some((e) => e.code !== 11000)) throw err;
  return failed.map((e) => e.index);
}

/**
 * Replaces each document if the stored one was written by an earlier entry (or there is none).
 * A duplicate key on `_id` means a later or the same entry already wrote it; any other
 * duplicate key is a real conflict and is thrown.
 */
async function replaceGuarded(
  db: Db,
  collection: string,
  docs: readonly Written[],
  field: GuardField,
  seq: number,
): Promise<void> {
  if (!docs.length) return;
  const target = db.collection<Written>(collection);
  const operations: AnyBulkWriteOperation<Written>[] = docs.map((doc) => ({
    replaceOne: {
      filter: { _id: doc._id, [field]: { $lt: seq } },
      replacement: { ...doc, [field]: seq },
      upsert: true,
    },
  }));
  try {
    await target.bulkWrite(operations, { ordered: false });
  } catch (err) {
    const ids = duplicateKeyFailures(err).map((index) => docs[index]._id);
    const written = await target.countDocuments({ _id: { $in: ids }, [field]: { $gte: seq } });
    if (written !== ids.length) throw err;
  }
}

/**
 * Writes the documents, each only over one an earlier entry wrote. Those the plan saw no
 * document for are inserted (the cheap path, nearly always right); an insert refused for a
 * duplicate key (the entry was already applied, or a delayed writer got there) falls back to the
 * guarded replace. Inserts and replaces go at once (they name different documents).
 */
async function writeGuarded(
  db: Db,
  collection: string,
  docs: readonly Written[],
  field: GuardField,
  seq: number,
  isNew: (index: number) => boolean,
): Promise<void> {
  const fresh = docs.filter((_, i) => isNew(i));
  const insertFresh = async (): Promise<Written[]> => {
    if (!fresh.length) return [];
    try {
      await db.collection<Written>(collection).insertMany(
        fresh.map((doc) => ({ ...doc, [field]: seq })),
        { ordered: false },
      );
      return [];
    } catch (err) {
      return duplicateKeyFailures(err).map((index) => fresh[index]);
    }
  };
  const [refused] = await Promise.all([
    insertFresh(),
    replaceGuarded(
      db,
      collection,
      docs.filter((_, i) => !isNew(i)),
      field,
      seq,
    ),
  ]);
  await replaceGuarded(db, collection, refused, field, seq);
}

/**
 * The aggregates in waves: each kind refers only to kinds of earlier waves (people and
 * organizations to nothing; offices to their holder, meetings, affiliations and encounters to
 * people and organizations; office holders to offices), so a wave's kinds may be written at once.
 */
const AGGREGATE_WAVES: ReadonlyArray<readonly CollectionName[]> = [
  ['people', 'organizations'],
  ['offices', 'meetings', 'affiliations', 'encounters'],
  ['officeHolders'],
];

/** The writes of each wave's kinds, grouped by kind. */
function wavesOf(
  writes: readonly DocumentWrite[],
): Array<Array<{ collection: CollectionName; writes: DocumentWrite[] }>> {
  const byCollection = new Map<CollectionName, DocumentWrite[]>();
  for (const write of writes) {
    const same = byCollection.get(write.collection);
    if (same) same.push(write);
    else byCollection.set(write.collection, [write]);
  }
  const unknown = [...byCollection.keys()].filter((name) => !AGGREGATE_WAVES.some((wave) => wave.includes(name)));
  if (unknown.length) throw new Error(`plan: no write order for ${unknown.join(', ')}`);
  return AGGREGATE_WAVES.map((wave) =>
    wave.flatMap((collection) => {
      const same = byCollection.get(collection);
      return same ? [{ collection, writes: same }] : [];
    }),
  );
}

function writeAggregates(
  db: Db,
  kinds: ReadonlyArray<{ collection: CollectionName; writes: DocumentWrite[] }>,
  seq: number,
): Promise<unknown> {
  return Promise.all(
    kinds.map(({ collection, writes }) =>
      writeGuarded(
        db,
        COLLECTIONS[collection],
        writes.map((w) => w.doc),
        'seq',
        seq,
        (i) => writes[i].isNew,
      ),
    ),
  );
}

function articleDocument(plan: ArticlePlan, draft: ArticleDraft | undefined, at: string): ArticleDocument {
  const base = {
    _id: plan.articleId,
    source: plan.source,
    ingestedAt: new Date(plan.ingestedAt),
    updatedAt: new Date(at),
    seq: 0,
  };
  if (!draft) {
    return {
      ...base,
      version: null,
      title: null,
      publishedOn: null,
      text: '',
      paragraphs: [],
      contentHash: '',
      searchKeys: [],
    };
  }
  const { record } = draft;
  return {
    ...base,
    version: draft.version,
    title: record.title,
    publishedOn: record.publishedOn,
    text: draft.text,
    paragraphs: record.paragraphs,
    contentHash: draft.contentHash,
    searchKeys: searchKeysOf([record.title, plan.source]),
  };
}

/** The drafts of these ids that exist (the loader that wrote them keeps them in memory). */
export type DraftSource = (ids: readonly string[]) => Promise<Map<string, ArticleDraft>>;

export async function executePlan(db: Db, seq: number, plan: LoadPlan, readDrafts: DraftSource): Promise<void> {
  const changing = plan.articles.filter((a) => a.status !== 'unchanged' && a.status !== 'absent');
  const draftIds = changing.flatMap((a) => (a.draftId ? [a.draftId] : []));
  const drafts = await readDrafts(draftIds);
  if (draftIds.some((id) => !drafts.has(id))) throw new EntryAlreadyAppliedError(seq);

  const facts = new Map<FactCollection, Array<{ _id: string } & Document>>(FACT_COLLECTIONS.map((name) => [name, []]));
  for (const article of changing) {
    if (!article.draftId || !article.facts) continue;
    const built = buildFacts(drafts.get(article.draftId)!, article.facts, article.date, seq);
    for (const name of FACT_COLLECTIONS) facts.get(name)!.push(...built[name]);
  }
  // A fact's id names its article version, so it is new unless a delayed writer got there.
  const [firstWave, ...laterWaves] = wavesOf(plan.writes);
  await Promise.all([
    ...FACT_COLLECTIONS.map((name) =>
      writeGuarded(db, COLLECTIONS[name], facts.get(name)!, 'writtenBy', seq, () => true),
    ),
    writeAggregates(db, firstWave, seq),
  ]);
  for (const wave of laterWaves) await writeAggregates(db, wave, seq);
  // An article new to the store is inserted; one stored before (even removed) is replaced.
  await writeGuarded(
    db,
    COLLECTIONS.articles,
    changing.map(
      (a) => articleDocument(a, a.draftId ? drafts.get(a.draftId) : undefined, plan.at) as ArticleDocument & Document,
    ),
    'seq',
    seq,
    (i) => changing[i].previousVersion === null && changing[i].status === 'added',
  );
  for (const wave of wavesOf(plan.tombstones).reverse()) await writeAggregates(db, wave, seq);

  // Every fact of these articles but the published version's, written by earlier entries: the
  // old version, and anything a delayed writer left behind (an article never published has none).
  const replaced = changing.filter((a) => a.previousVersion !== null);
  if (!replaced.length) return;
  const superseded = {
    $or: replaced.map((a) =>
      a.version ? { articleId: a.articleId, version: { $ne: a.version } } : { articleId: a.articleId },
    ),
    writtenBy: { $lt: seq },
  };
  await Promise.all(FACT_COLLECTIONS.map((name) => db.collection(COLLECTIONS[name]).deleteMany(superseded)));
}
