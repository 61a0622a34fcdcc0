/**
 * Loads extraction records into the store, a batch of articles at a time. The articles' previous
 * contributions are taken out of every entity, their new ones put in article by article (so a
 * batch resolves entities exactly as loading its articles one by one would), each entity's
 * fields derived again from its contributions, and the article documents written last, in
 * order, as commit markers. Loading the same records again converges to the same documents; a
 * load cut short is completed by the next (the articles whose markers are missing are exactly
 * the ones whose contributions may be half-written, and a reload takes those out first).
 */
import type { Db } from 'mongodb';
import type { Evidence, ExtractionRecord } from '../extract';
import { articleDocumentOf, findArticleMarkers, writeArticleMarkers, type ArticleMarker } from './article.writer';
import { COLLECTIONS } from './collection-names';
import { contentHashOf } from './content-hash';
import { EntityWorkspace, type WorkspaceChanges } from './entity.workspace';
import { evidenceSpans } from './evidence.mapping';
import { entitiesOf } from './extraction-record.completion';
import { deriveMeeting } from './meeting.derivation';
import type { MeetingDocument } from './meeting.document';
import { placeMeetings } from './meeting.placer';
import { placeNamedEntities } from './named-entity.placer';
import { ORGANIZATION_NAME_RULES, PERSON_NAME_RULES } from './named-entity.resolver';
import { deriveOffice } from './office.derivation';
import type { OfficeDocument } from './office.document';
import { placeOffices } from './office.placer';
import { deriveOrganization } from './organization.derivation';
import type { OrganizationDocument } from './organization.document';
import { derivePerson } from './person.derivation';
import type { PersonDocument } from './person.document';
import { articleIdFor } from './stable-id';
import { WriteConflictError } from './write-conflict.error';

/** Concurrent loaders touching the same entities retry; beyond this something else is wrong. */
const MAX_ATTEMPTS = 8;

export type LoadStatus = 'added' | 'updated' | 'unchanged';
export type EntityCollection = 'people' | 'organizations' | 'offices' | 'meetings';
export const ENTITY_COLLECTIONS: readonly EntityCollection[] = ['people', 'organizations', 'offices', 'meetings'];
export type EntityChanges = Record<EntityCollection, WorkspaceChanges>;

/** One article to load; `marker` is what the caller just read of its stored version (null: none), if it did. */
export interface ExtractionToLoad {
  record: ExtractionRecord;
  text: string;
  marker?: ArticleMarker | null;
}

export interface BatchLoadResult {
  articles: Array<{ articleId: string; status: LoadStatus }>;
  /** What the batch as a whole did to the entities. */
  changes: EntityChanges;
}

export interface LoadResult {
  articleId: string;
  status: LoadStatus;
  changes: EntityChanges;
}

function noChanges(): EntityChanges {
  const none = (): WorkspaceChanges => ({ added: [], updated: [], removed: [] });
  return { people: none(), organizations: none(), offices: none(), meetings: none() };
}

/** The result for an article the store already holds in this exact version. */
export function unchangedLoad(articleId: string): LoadResult {
  return { articleId, status: 'unchanged', changes: noChanges() };
}

function openWorkspaces(db: Db) {
  const bySlug = <D extends { _id: string; slug: string }>(d: D) => ({ _id: d._id, slug: d.slug });
  const byKey = <D extends { _id: string; key: string }>(d: D) => ({ _id: d._id, key: d.key });
  return {
    people: new EntityWorkspace(db.collection<PersonDocument>(COLLECTIONS.people), {
      identityOf: bySlug,
      derive: derivePerson,
      storedEvidence: (d) => d.evidence,
    }),
    organizations: new EntityWorkspace(db.collection<OrganizationDocument>(COLLECTIONS.organizations), {
      identityOf: bySlug,
      derive: deriveOrganization,
      storedEvidence: (d) => d.evidence,
    }),
    offices: new EntityWorkspace(db.collection<OfficeDocument>(COLLECTIONS.offices), {
      identityOf: byKey,
      derive: deriveOffice,
      storedEvidence: (d) => d.holders.flatMap((h) => h.evidence),
    }),
    meetings: new EntityWorkspace(db.collection<MeetingDocument>(COLLECTIONS.meetings), {
      identityOf: byKey,
      derive: deriveMeeting,
      storedEvidence: (d) => d.evidence,
    }),
  };
}

/** The date the article shows its office holders in office: its own date, else its latest meeting's. */
function asOfDate(record: ExtractionRecord): string | null {
  if (record.publishedOn) return record.publishedOn;
  const dates = record.meetings.map((m) => m.date).filter((d): d is string => d !== null);
  return dates.length ? dates.sort()[dates.length - 1] : null;
}

async function markersOf(
  db: Db,
  items: readonly ExtractionToLoad[],
  trustGiven: boolean,
): Promise<Array<ArticleMarker | null>> {
  if (trustGiven && items.every((item) => item.marker !== undefined)) return items.map((item) => item.marker ?? null);
  const stored = await findArticleMarkers(
    db,
    items.map((item) => item.record.source),
  );
  return items.map((item) => stored.get(articleIdFor(item.record.source)) ?? null);
}

/** What a person or organization fact of one article contributes to its entity document. */
function namedContribution(
  fact: { name: string; aliases: string[]; evidence: Evidence[] },
  ordinal: number,
  articleId: string,
) {
  return {
    articleId,
    ordinal,
    name: fact.name.trim(),
    aliases: fact.aliases.map((a) => a.trim()).filter(Boolean),
    evidence: evidenceSpans(fact.evidence),
  };
}

async function loadBatchOnce(
  db: Db,
  items: readonly ExtractionToLoad[],
  trustGivenMarkers: boolean,
): Promise<BatchLoadResult> {
  const previous = await markersOf(db, items, trustGivenMarkers);
  const now = new Date();
  const documents = items.map((item, i) =>
    articleDocumentOf(item.record, item.text, contentHashOf(item.text), previous[i], now),
  );
  const articleIds = documents.map((d) => d._id);
  if (new Set(articleIds).size !== articleIds.length) throw new Error('a batch cannot hold the same article twice');

  const spaces = openWorkspaces(db);
  await Promise.all(ENTITY_COLLECTIONS.map((name) => spaces[name].takeOutArticles(articleIds)));
  const entities = items.map((item) => entitiesOf(item.record));
  const personIds = await placeNamedEntities(
    spaces.people,
    'person',
    PERSON_NAME_RULES,
    entities.map((e, i) => ({ articleId: articleIds[i], facts: e.people })),
    (fact, ordinal, articleId) => ({ ...namedContribution(fact, ordinal, articleId), mentions: fact.mentions }),
  );
  const organizationIds = await placeNamedEntities(
    spaces.organizations,
    'organization',
    ORGANIZATION_NAME_RULES,
    entities.map((e, i) => ({ articleId: articleIds[i], facts: e.organizations })),
    namedContribution,
  );
  await placeOffices(
    spaces.offices,
    items.map((item, i) => ({
      articleId: articleIds[i],
      offices: item.record.offices,
      personIds: personIds[i],
      asOf: asOfDate(item.record),
    })),
  );
  await placeMeetings(
    spaces.meetings,
    items.map((item, i) => ({
      articleId: articleIds[i],
      meetings: item.record.meetings,
      idsByKind: { person: personIds[i], organization: organizationIds[i] },
    })),
  );

  // Entities before articles: a marker must only exist once everything it stands for does.
  const changes = noChanges();
  for (const name of ENTITY_COLLECTIONS) changes[name] = await spaces[name].commit();
  const entitiesChanged = ENTITY_COLLECTIONS.some((name) => {
    const c = changes[name];
    return c.added.length + c.updated.length + c.removed.length > 0;
  });
  const articleChanged = (i: number) => {
    const before = previous[i];
    const after = documents[i];
    return (
      before === null ||
      before.contentHash !== after.contentHash ||
      before.title !== after.title ||
      before.publishedOn !== after.publishedOn
    );
  };
  const written = documents
    .map((article, i) => ({ article, previous: previous[i] }))
    .filter((_, i) => entitiesChanged || articleChanged(i));
  await writeArticleMarkers(db, written);
  return {
    articles: documents.map((d, i) => ({
      articleId: d._id,
      status: previous[i] === null ? 'added' : entitiesChanged || articleChanged(i) ? 'updated' : 'unchanged',
    })),
    changes,
  };
}

/** Loads a batch of articles (distinct sources) as if one by one, in order. */
export async function loadExtractions(db: Db, items: readonly ExtractionToLoad[]): Promise<BatchLoadResult> {
  if (!items.length) return { articles: [], changes: noChanges() };
  for (let attempt = 1; ; attempt++) {
    try {
      // A retry follows a concurrent change, so it reads the stored articles again.
      return await loadBatchOnce(db, items, attempt === 1);
    } catch (err) {
      if (!(err instanceof WriteConflictError) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}

export async function loadExtraction(
  db: Db,
  record: ExtractionRecord,
  article: { text: string; marker?: ArticleMarker | null },
): Promise<LoadResult> {
  const result = await loadExtractions(db, [{ record, text: article.text, marker: article.marker }]);
  return { ...result.articles[0], changes: result.changes };
}
