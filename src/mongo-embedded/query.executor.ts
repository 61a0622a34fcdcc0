/**
 * Runs reads over a collection's working set with MongoDB semantics from mingo: filters,
 * sort, skip, limit and projection for find-like commands, and aggregation pipelines with
 * `$lookup` and `$unionWith` resolving other collections of the same database. Index
 * candidates come first.
 */
import type { Document } from 'bson';
import { aggregate, Query } from './mingo.context';
import { copyDocument, isPlainObject } from './bson-value.util';
import type { CollectionState } from './collection.state';
import type { DatabaseEngine } from './database.engine';
import { projectTopLevelFields } from './field-projection.util';
import { sameKeyPattern } from './index.catalog';
import { equalityLookup, runEqualityLookup } from './lookup.stage';
import { QueryFilterCache } from './query-filter.cache';
import { validateFilter } from './query-filter.validator';
import { MongoServerError } from './mongo-server.error';
import { parseSort, sortDocuments } from './sort.comparator';
import { unionWithStage } from './union-with.stage';

/** What changes how values compare and what `$$name` means: a command's `collation` and `let`. */
export interface QueryScope {
  collation?: Document;
  variables?: Document;
}

export interface ReadOptions extends QueryScope {
  filter?: Document;
  sort?: Document;
  projection?: Document;
  skip?: number;
  limit?: number;
  hint?: unknown;
}

/**
 * mingo would honour a collation when sorting but not when matching, which would give
 * silently wrong answers, so only the simple (binary) collation is accepted.
 */
function mingoOptions(scope: QueryScope): { variables?: Document } {
  if (scope.collation && scope.collation.locale !== 'simple') {
    throw new MongoServerError(
      'NotImplemented',
      `collation ${JSON.stringify(scope.collation)} is not supported by the embedded server; only { locale: "simple" }`,
    );
  }
  return scope.variables ? { variables: scope.variables } : {};
}

/**
 * Runs an aggregation in mingo. A pipeline is the client's program: whatever mingo throws
 * while evaluating it (including a TypeError on a malformed stage) is a BadValue, not our bug.
 */
export function evaluatePipeline(docs: Document[], pipeline: Document[], options: Record<string, unknown>): Document[] {
  try {
    return aggregate(docs, pipeline, options) as Document[];
  } catch (err) {
    if (err instanceof MongoServerError) throw err;
    throw new MongoServerError('BadValue', `the pipeline could not be evaluated: ${(err as Error).message}`);
  }
}

const compiledFilters = new QueryFilterCache();

/** The filter as a mingo query, after refusing operator arguments mingo cannot handle. */
function compileFilter(filter: Document, scope: QueryScope): Query {
  validateFilter(filter);
  return compiledFilters.query(filter, mingoOptions(scope));
}

/** Refuses a hint naming an index the collection does not have, as mongod does. */
export function checkHint(collection: CollectionState | undefined, hint: unknown): void {
  if (hint === undefined || hint === null || !collection) return;
  const specs = collection.indexSpecs;
  const found =
    typeof hint === 'string'
      ? specs.some((s) => s.name === hint)
      : isPlainObject(hint) &&
        (Object.keys(hint).length === 0 ||
          specs.some((s) => sameKeyPattern(s.key, hint as Document)) ||
          '$natural' in hint);
  if (!found) {
    throw new MongoServerError(
      'BadValue',
      `error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index`,
    );
  }
}

/** The matching documents in result order; stored documents are returned as-is (callers must not mutate). */
export function runQuery(collection: CollectionState | undefined, options: ReadOptions): Document[] {
  if (!collection) return [];
  const filter = options.filter ?? {};
  checkHint(collection, options.hint);
  const skip = options.skip ?? 0;
  const end = options.limit ? skip + options.limit : undefined;
  let docs =
    options.sort && Object.keys(options.sort).length
      ? sortedMatches(collection, filter, options.sort, end, options)
      : matchingDocuments(collection, filter, options);
  docs = docs.slice(skip, end);
  if (options.projection && Object.keys(options.projection).length) {
    // The filter goes along for positional projections (`"a.$": 1`); these documents all match it.
    docs =
      projectTopLevelFields(docs, options.projection) ??
      (compileFilter(filter, options).find(docs, options.projection).all() as Document[]);
  }
  return docs;
}

/** Below this many candidates, sorting them beats walking an index in sort order. */
const FEW_CANDIDATES = 1000;

/**
 * The first `keep` documents matching `filter` in `sort` order (all when `keep` is undefined).
 * For a page out of many candidates it walks an index on the sort's first field, reading
 * only as many keys as the page needs; otherwise it sorts the candidates.
 */
function sortedMatches(
  collection: CollectionState,
  filter: Document,
  sort: Document,
  keep: number | undefined,
  scope: QueryScope,
): Document[] {
  const matchesAll = Object.keys(filter).length === 0;
  const exact = matchesAll ? undefined : collection.exactMatches(filter);
  const candidates = matchesAll ? undefined : (exact ?? collection.candidates(filter));
  const candidateCount = candidates?.length ?? collection.documents.size;
  const [first, ...later] = parseSort(sort);
  const groups =
    keep !== undefined && candidateCount > Math.max(FEW_CANDIDATES, 4 * keep)
      ? collection.documentsInOrder(first.path, first.direction)
      : undefined;
  const query = compileFilter(filter, scope);
  if (!groups) {
    const matches =
      exact ?? (candidates ? candidates.filter((doc) => query.test(doc)) : [...collection.documents.values()]);
    return sortDocuments(matches, sort, keep);
  }
  const tieBreak = Object.fromEntries(later.map((field) => [field.path, field.direction]));
  const page: Document[] = [];
  for (const group of groups) {
    let matched = matchesAll ? group : group.filter((doc) => query.test(doc));
    if (matched.length > 1 && later.length) matched = sortDocuments(matched, tieBreak);
    page.push(...matched);
    if (page.length >= keep!) break;
  }
  return page.slice(0, keep);
}

/** Documents matching `filter`, unprojected, in natural order (index order when an index answered). */
export function matchingDocuments(collection: CollectionState, filter: Document, scope: QueryScope = {}): Document[] {
  // Compiled first even when an index answers alone: compiling is what refuses a malformed filter.
  const query = compileFilter(filter, scope);
  const exact = collection.exactMatches(filter);
  if (exact) return exact;
  const candidates = collection.candidates(filter);
  return Object.keys(filter).length === 0 ? candidates : candidates.filter((doc) => query.test(doc));
}

/** Stages that build new output documents and never write into their input ones. */
const NON_MUTATING_STAGES = new Set([
  '$match',
  '$sort',
  '$skip',
  '$limit',
  '$count',
  '$group',
  '$project',
  '$lookup',
  '$sortByCount',
  '$sample',
  '$facet',
  '$unionWith',
]);

const REFUSED_STAGES: Record<string, string> = {
  $out: '$out is not supported by the embedded server; read the results and insert them instead',
  $merge: '$merge is not supported by the embedded server; read the results and write them instead',
  $changeStream: 'change streams need a replica set; the embedded server is a standalone',
  $collStats: '$collStats is not supported by the embedded server',
  $indexStats: '$indexStats is not supported by the embedded server',
  $currentOp: '$currentOp is not supported by the embedded server',
  $listSessions: '$listSessions is not supported by the embedded server',
  $search: '$search is an Atlas Search stage, not available in the embedded server',
  $geoNear: '$geoNear needs a geospatial index, which the embedded server does not support',
};

function checkPipeline(pipeline: Document[]): void {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0];
    if (name in REFUSED_STAGES) throw new MongoServerError('NotImplemented', REFUSED_STAGES[name]);
    if (name === '$match' && isPlainObject(stage.$match)) validateFilter(stage.$match);
    if (name === '$facet' && isPlainObject(stage.$facet)) {
      for (const sub of Object.values(stage.$facet)) if (Array.isArray(sub)) checkPipeline(sub as Document[]);
    }
  }
}

function isReadOnlyPipeline(pipeline: Document[]): boolean {
  return pipeline.every((stage) => {
    const name = Object.keys(stage)[0];
    if (!NON_MUTATING_STAGES.has(name)) return false;
    if (name === '$facet')
      return Object.values(stage.$facet as Document).every((sub) => Array.isArray(sub) && isReadOnlyPipeline(sub));
    return true;
  });
}

/**
 * `[{ $group: { _id: <constant>, n: { $sum: 1 } } }]`, the shape of the driver's
 * countDocuments, answered by counting instead of grouping.
 */
function countingGroup(stages: Document[]): { id: unknown; fields: string[] } | undefined {
  if (stages.length !== 1 || !isPlainObject(stages[0].$group)) return undefined;
  const { _id: id, ...accumulators } = stages[0].$group as Document;
  const constantId =
    id === null || typeof id === 'number' || typeof id === 'boolean' || (typeof id === 'string' && !id.startsWith('$'));
  const fields = Object.keys(accumulators);
  const allCounts = fields.every((f) => {
    const accumulator = accumulators[f];
    return isPlainObject(accumulator) && Object.keys(accumulator).length === 1 && accumulator.$sum === 1;
  });
  return constantId && allCounts ? { id, fields } : undefined;
}

/** How many documents a leading `$sort` must produce for the `$skip`/`$limit` stages right after it. */
function keptBySort(following: Document[]): number | undefined {
  let skip = 0;
  for (const stage of following) {
    if (typeof stage.$skip === 'number') skip += stage.$skip;
    else if (typeof stage.$limit === 'number') return skip + stage.$limit;
    else return undefined;
  }
  return undefined;
}

export function runAggregate(
  engine: DatabaseEngine,
  db: string,
  collection: CollectionState | undefined,
  pipeline: Document[],
  options: QueryScope & { hint?: unknown },
): Document[] {
  checkPipeline(pipeline);
  checkHint(collection, options.hint);
  let rest = pipeline;
  // A leading $match reads through the indexes, a leading $sort (+ $limit) sorts only what it keeps.
  let filter: Document = {};
  if (rest[0] && isPlainObject(rest[0].$match) && collection) {
    filter = rest[0].$match as Document;
    rest = rest.slice(1);
  }
  let docs: Document[] = [];
  if (collection && rest[0] && isPlainObject(rest[0].$sort)) {
    docs = sortedMatches(collection, filter, rest[0].$sort as Document, keptBySort(rest.slice(1)), options);
    rest = rest.slice(1);
  } else if (collection) {
    docs = matchingDocuments(collection, filter, options);
  }
  for (; rest[0] && (typeof rest[0].$skip === 'number' || typeof rest[0].$limit === 'number'); rest = rest.slice(1)) {
    docs = typeof rest[0].$skip === 'number' ? docs.slice(rest[0].$skip) : docs.slice(0, rest[0].$limit as number);
  }
  const counted = countingGroup(rest);
  if (counted)
    return docs.length ? [{ _id: counted.id, ...Object.fromEntries(counted.fields.map((f) => [f, docs.length])) }] : [];
  // Some stages ($addFields with dotted paths, $unwind, ...) write into their input objects,
  // which must never be the stored documents.
  const copy = isReadOnlyPipeline(rest) ? (doc: Document) => doc : copyDocument;
  docs = docs.map(copy);
  const collectionResolver = (name: string): Document[] => {
    const other = engine.find(db, name);
    return other ? [...other.documents.values()].map(copy) : [];
  };
  const mingo = { ...mingoOptions(options), collectionResolver };
  let pending: Document[] = [];
  for (const stage of rest) {
    const lookup = equalityLookup(stage);
    const union = unionWithStage(stage);
    if (!lookup && !union) {
      pending.push(stage);
      continue;
    }
    if (pending.length) docs = evaluatePipeline(docs, pending, mingo);
    pending = [];
    if (lookup) {
      docs = runEqualityLookup(docs, lookup, engine.find(db, lookup.from), copy);
    } else if (union) {
      // A missing collection contributes nothing; the command's collation and `let` apply inside too.
      const other = union.from === undefined ? undefined : engine.find(db, union.from);
      const scope = { collation: options.collation, variables: options.variables };
      docs = docs.concat(runAggregate(engine, db, other, union.pipeline, scope).map(copy));
    }
  }
  return pending.length ? evaluatePipeline(docs, pending, mingo) : docs;
}
