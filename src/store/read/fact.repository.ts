/**
 * Read queries over the fact collections. A fact belongs to the graph while its article
 * publishes its version, so every read keeps only such facts: a reader sees an article's facts
 * all at once, never half of a load.
 */
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collection-names';
import { PUBLISHED_ARTICLE, type ArticleDocument } from '../documents/article.document';
import type { FactDocument } from '../documents/fact.document';
import type { HoldingReportDocument } from '../documents/holding-report.document';
import type { MeetingReportDocument } from '../documents/meeting-report.document';
import type { MentionDocument, NamedEntityKind } from '../documents/mention.document';
import { BATCH_READ_OPTIONS } from './batch-read.options';

/** The facts whose article publishes their version, given the published version of each article. */
export function publishedOnly<F extends FactDocument>(
  facts: readonly F[],
  versionOf: ReadonlyMap<string, string | null>,
): F[] {
  return facts.filter((fact) => versionOf.get(fact.articleId) === fact.version);
}

/** The published versions of these articles (absent: not published). */
export async function publishedVersions(db: Db, articleIds: readonly string[]): Promise<Map<string, string>> {
  const docs = await db
    .collection<ArticleDocument>(COLLECTIONS.articles)
    .find<{ _id: string; version: string }>(
      { _id: { $in: [...new Set(articleIds)] }, ...PUBLISHED_ARTICLE },
      { ...BATCH_READ_OPTIONS, projection: { version: 1 } },
    )
    .toArray();
  return new Map(docs.map((doc) => [doc._id, doc.version]));
}

/** Every fact of these articles, of whatever version (callers keep the published ones). */
function factsOfArticles<F extends FactDocument>(db: Db, collection: string, articleIds: readonly string[]) {
  return db
    .collection<F>(collection)
    .find({ articleId: { $in: [...articleIds] } } as never, BATCH_READ_OPTIONS)
    .toArray() as Promise<F[]>;
}

export function findMentionsInArticles(db: Db, articleIds: readonly string[]): Promise<MentionDocument[]> {
  return factsOfArticles(db, COLLECTIONS.mentions, articleIds);
}

export function findHoldingReportsInArticles(db: Db, articleIds: readonly string[]): Promise<HoldingReportDocument[]> {
  return factsOfArticles(db, COLLECTIONS.holdingReports, articleIds);
}

export function findMeetingReportsInArticles(db: Db, articleIds: readonly string[]): Promise<MeetingReportDocument[]> {
  return factsOfArticles(db, COLLECTIONS.meetingReports, articleIds);
}

/** The ids of the people (or organizations) the published version of an article names. */
export async function entityIdsNamedIn(db: Db, articleId: string, kind: NamedEntityKind): Promise<string[]> {
  const versions = await publishedVersions(db, [articleId]);
  const mentions = publishedOnly(await findMentionsInArticles(db, [articleId]), versions);
  return [...new Set(mentions.filter((m) => m.kind === kind).map((m) => m.entityId))];
}
