/**
 * Runs reads with MongoDB semantics from mingo: filters, sort, skip, limit and projection for
 * find-like commands, and aggregation pipelines with `$lookup` and `$unionWith` resolving other
 * collections of the same database. Documents come from the planner's index ranges or a scan,
 * a chunk at a time (see document.stream.ts), so a read can pause, stop at its deadline, or
 * stop half-way and resume on the next getMore; only what must be gathered (a sort without an
 * index, the stages after the first ones of a pipeline) is held in memory.
 */
import { ObjectId, type Document } from 'bson';
import { aggregate, Query } from './mingo.context';
import { performance } from 'node:perf_hooks';
import { copyDocument, isPlainObject } from '../common/bson-value.util';
import type { CollectionState } from '../storage/collection.state';
import type { DatabaseEngine } from '../storage/database.engine';
import { checkedEach, collectNow, gather, inChunks, known, PAUSE, type DocumentStream } from './document.stream';
import { projectTopLevelFields } from './field-projection.util';
import { sameKeyPattern } from '../storage/index.catalog';
import { keyPrefixLength } from '../storage/index-key.encoding';
import type { KeyEntry } from '../storage/key-table.scan';
import { equalityLookup, runEqualityLookup } from './lookup.stage';
import { MongoServerError } from '../common/mongo-server.error';
import type { Deadline } from './query.deadline';
import { QueryFilterCache } from './query-filter.cache';
import { validateFilter } from './query-filter.validator';
import {
  estimate,
  orderedRead,
  planAccess,
  beyondPlainConditions,
  residualFilter,
  type AccessPlan,
  type IndexRead,
} from './query.planner';
import { reshapeStage } from './reshape.stage';
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

/** Index keys read per statement. */
const KEY_CHUNK = 256;
/** The fewest keys a walk's first statement reads, however small its page. */
const MIN_FIRST_CHUNK = 16;
/** A read past this many documents keeps what it reads in the cache only if its collection fits there. */
const LARGE_READ = 1000;

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
export function evaluatePipeline(
  docs: Iterable<Document>,
  pipeline: Document[],
  options: Record<string, unknown>,
): Document[] {
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

/**
 * Refuses a malformed filter (or a collation mingo cannot honour) before anything is read.
 * Plain equalities, `$in`s and ranges cannot be malformed, and are not compiled for it:
 * compiling costs more than a small read, and the rest of a filter (a liveness check beside a
 * batch of ids) is often the same from one command to the next, so compiled once.
 */
function refuseMalformed(filter: Document, scope: QueryScope): void {
  mingoOptions(scope);
  const rest = beyondPlainConditions(filter);
  if (rest !== null) compileFilter(rest, scope);
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

function* nothing(): DocumentStream {}

/** Whether the reads could meet one document twice (several ranges, or several keys of one document). */
function mayRepeat(reads: IndexRead[]): boolean {
  if (!reads.length) return false;
  // A document has one key in an index without arrays: ranges of it that do not overlap meet it once at most.
  const { keys, multikey } = reads[0].source;
  if (multikey.some(Boolean) || reads.some((read) => read.source.keys !== keys)) return true;
  const ranges = reads.flatMap((read) => read.ranges).sort((a, b) => Buffer.compare(a.start, b.start));
  return ranges.some((range, i) => i > 0 && Buffer.compare(range.start, ranges[i - 1].end) < 0);
}

/** How long a filter may test documents before handing over what passed, so its read can pause. */
const FILTER_SLICE_MS = 5;

/**
 * The documents that pass `test`, in order, handed over every few milliseconds (a costly filter
 * would otherwise hold a whole chunk's work between two pauses).
 */
function* passing(docs: Document[], test: Query): DocumentStream {
  let passed: Document[] = [];
  let since = performance.now();
  for (let i = 0; i < docs.length; i += 1) {
    if (test.test(docs[i])) passed.push(docs[i]);
    if ((i & 15) === 15 && performance.now() - since > FILTER_SLICE_MS) {
      yield passed;
      passed = [];
      since = performance.now();
    }
  }
  yield passed;
}

/** The pairs a read covers, in key order, a chunk at a time. */
function* entriesOf(read: IndexRead): Generator<KeyEntry[]> {
  if (read.wholeKeys && read.wholeKeys.length > 1) {
    yield* read.source.keys.among(read.wholeKeys, KEY_CHUNK);
    return;
  }
  for (const range of read.ranges) yield* read.source.keys.entries(range, 1, KEY_CHUNK);
}

/** The documents a plan reads that pass `test` (all of them without one), in scan or key order. */
function* planned(collection: CollectionState, plan: AccessPlan, test: Query | undefined): DocumentStream {
  if (plan.kind === 'scan') {
    for (const chunk of collection.naturalOrder()) {
      if (test) yield* passing(chunk, test);
      else yield chunk;
    }
    return;
  }
  const seen = mayRepeat(plan.reads) ? new Set<number>() : undefined;
  let fetched = 0;
  for (const read of plan.reads) {
    for (const entries of entriesOf(read)) {
      collection.checkNotDropped();
      const docs: Document[] = [];
      for (const { seq } of entries) {
        if (seen) {
          if (seen.has(seq)) continue;
          seen.add(seq);
        }
        const doc = collection.document(seq, (fetched += 1) <= LARGE_READ || collection.fitsInCache());
        if (doc) docs.push(doc);
      }
      if (test) yield* passing(docs, test);
      else yield docs;
    }
  }
}

/** What the documents a plan reads must still be tested against: undefined when they all match. */
function testOf(plan: AccessPlan, filter: Document, scope: QueryScope): Query | undefined {
  if (Object.keys(filter).length === 0) return undefined;
  if (plan.kind === 'scan') return compileFilter(filter, scope);
  return plan.residual === null ? undefined : compileFilter(plan.residual, scope);
}

/** Documents matching `filter`, unprojected, in natural order (index order when an index answered). */
export function matching(collection: CollectionState, filter: Document, scope: QueryScope = {}): DocumentStream {
  // Refused first even when an index answers alone, so that a malformed filter never reads.
  refuseMalformed(filter, scope);
  const { plan } = planAccess(collection, filter);
  return planned(collection, plan, testOf(plan, filter, scope));
}

/** How many documents match `filter`; an index that answers alone is counted without reading documents. */
export function countMatching(
  collection: CollectionState,
  filter: Document,
  scope: QueryScope,
): DocumentStream<number> {
  refuseMalformed(filter, scope);
  const { plan } = planAccess(collection, filter);
  if (Object.keys(filter).length === 0) return known(collection.count);
  if (plan.kind === 'keys' && plan.residual === null) return countKeys(collection, plan.reads);
  return countStream(planned(collection, plan, testOf(plan, filter, scope)));
}

/** Keys one statement may count: a larger range is counted a chunk at a time, pausing between chunks. */
const TALLY_CAP = 10_000;

function* countKeys(collection: CollectionState, reads: IndexRead[]): DocumentStream<number> {
  if (!mayRepeat(reads)) {
    // Each key is a document met once: counted in SQLite without reading keys out, a large range
    // a chunk at a time.
    let n = 0;
    for (const read of reads) {
      for (const range of read.ranges) {
        const counted = read.source.keys.tally(range, TALLY_CAP);
        if (counted !== undefined) {
          n += counted;
          continue;
        }
        for (const entries of read.source.keys.entries(range, 1, KEY_CHUNK)) {
          collection.checkNotDropped();
          n += entries.length;
          yield PAUSE;
        }
      }
    }
    return n;
  }
  const seen = new Set<number>();
  for (const read of reads) {
    for (const entries of entriesOf(read)) {
      collection.checkNotDropped();
      for (const { seq } of entries) seen.add(seq);
      yield PAUSE;
    }
  }
  return seen.size;
}

function* countStream(stream: DocumentStream): DocumentStream<number> {
  let n = 0;
  for (const chunk of stream) {
    n += chunk.length;
    yield PAUSE;
  }
  return n;
}

/** Below this many candidates, sorting them beats walking an index in sort order. */
const FEW_CANDIDATES = 1000;

/**
 * The first `keep` documents matching `filter` in `sort` order (all when `keep` is undefined).
 * When an index gives the sort's first field in order (after fields the filter fixes) and
 * walking it costs no more than reading the filter's candidates (as when the candidates are
 * read from that same index, or the walk's range is not much larger than the candidates next to
 * how few the page needs), or the page is small next to the candidates, it walks that index,
 * reading only as many keys as the page needs; otherwise it sorts the candidates.
 */
function sortedMatches(
  collection: CollectionState,
  filter: Document,
  sort: Document,
  keep: number | undefined,
  scope: QueryScope,
): DocumentStream {
  refuseMalformed(filter, scope);
  const [first, ...later] = parseSort(sort);
  const everything = Object.keys(filter).length === 0;
  const access = planAccess(collection, filter);
  const walk = first.path.startsWith('$') ? undefined : orderedRead(collection, filter, first.path);
  const candidates = () => access.estimate();
  const { plan } = access;
  // The candidates' own single range of the walk's index: the walk reads no more keys than they are.
  const walkIsRead =
    walk !== undefined &&
    plan.kind === 'keys' &&
    plan.reads.length === 1 &&
    plan.reads[0].source.keys === walk.source.keys &&
    plan.reads[0].ranges.length === 1;
  // A walk stops once the page is full: over a range where the candidates are spread among
  // other keys, it reads about `keep / candidates` of that range.
  const walkBudget = () => {
    const found = candidates();
    if (keep === undefined || found <= keep) return found;
    return Math.max(found, Math.min(FEW_CANDIDATES, Math.floor((found * found) / keep)));
  };
  const withinBudget = (read: IndexRead) => {
    const budget = walkBudget();
    return estimate([read], budget + 1) <= budget;
  };
  // With no filter and a page to fill, the walk reads the page and no more; with many candidates
  // and a small page, it stops once the page is full.
  const useWalk =
    walk !== undefined &&
    (walkIsRead ||
      (everything && keep !== undefined) ||
      (keep !== undefined && candidates() > Math.max(FEW_CANDIDATES, 4 * keep)) ||
      withinBudget(walk));
  if (!useWalk) {
    const matches = planned(collection, plan, testOf(plan, filter, scope));
    return keep === undefined ? sortAll(matches, sort) : keepTop(matches, sort, keep);
  }
  const tieBreak = later.length ? Object.fromEntries(later.map((field) => [field.path, field.direction])) : undefined;
  const residual = everything ? null : residualFilter(filter, walk.decided);
  const test = residual === null ? undefined : compileFilter(residual, scope);
  return walkInOrder(collection, walk, first.direction, test, tieBreak, keep);
}

function* sortAll(matches: DocumentStream, sort: Document): DocumentStream {
  yield* inChunks(sortDocuments(yield* gather(matches), sort));
}

/**
 * The first `keep` documents in `sort` order, holding no more than about twice that many as they
 * stream by (a top-20 page of a million documents keeps 20, not a million). Ties keep the
 * stream's order, exactly as a full sort would.
 */
function* keepTop(matches: DocumentStream, sort: Document, keep: number): DocumentStream {
  let best: Document[] = [];
  let pending: Document[] = [];
  const room = Math.max(2 * keep, 1024);
  for (const chunk of matches) {
    for (const doc of chunk) pending.push(doc);
    if (best.length + pending.length >= room) {
      best = sortDocuments(best.concat(pending), sort, keep);
      pending = [];
    }
    yield PAUSE;
  }
  yield* inChunks(sortDocuments(best.concat(pending), sort, keep));
}

/**
 * The pairs of an ordered read's ranges (in key order) in `direction`, a chunk at a time; the
 * first chunk about as large as a page of `keep` documents needs when each key is a match.
 */
function* inDirection(read: IndexRead, direction: 1 | -1, keep: number | undefined): Generator<KeyEntry[]> {
  const ranges = direction === 1 ? read.ranges : [...read.ranges].reverse();
  // The page's last group of equal sort values closes only at a key beyond it: a quarter more
  // keys usually reach that key in the same statement, where a second would read a whole chunk.
  const wanted = keep === undefined ? KEY_CHUNK : keep + 1 + Math.ceil(keep / 4);
  let first = Math.min(KEY_CHUNK, Math.max(MIN_FIRST_CHUNK, wanted));
  for (const range of ranges) {
    yield* read.source.keys.entries(range, direction, KEY_CHUNK, first);
    first = KEY_CHUNK;
  }
}

/**
 * Documents from an ordered index read, as groups of equal sort values: each group in insertion
 * order, then by the later sort fields, exactly as a full sort orders them.
 */
function* walkInOrder(
  collection: CollectionState,
  read: IndexRead,
  direction: 1 | -1,
  test: Query | undefined,
  tieBreak: Document | undefined,
  keep: number | undefined,
): DocumentStream {
  const groupFields = read.equalFields + 1;
  const seen = read.source.multikey.some(Boolean) ? new Set<number>() : undefined;
  let group: Document[] = [];
  let groupKey: Buffer | undefined;
  let produced = 0;
  let fetched = 0;
  const finishGroup = (): Document[] => {
    let done = group.length > 1 ? [...group].sort((a, b) => collection.seqOf(a) - collection.seqOf(b)) : group;
    if (done.length > 1 && tieBreak) done = sortDocuments(done, tieBreak);
    group = [];
    produced += done.length;
    return done;
  };
  for (const entries of inDirection(read, direction, keep)) {
    collection.checkNotDropped();
    let out: Document[] = [];
    let since = performance.now();
    for (const [i, { key, seq }] of entries.entries()) {
      // A costly filter hands over what it has every few milliseconds, so the read can pause.
      if ((i & 15) === 15 && performance.now() - since > FILTER_SLICE_MS) {
        yield out;
        out = [];
        since = performance.now();
      }
      const sortKey = key.subarray(0, keyPrefixLength(key, groupFields));
      if (groupKey && !sortKey.equals(groupKey)) {
        out.push(...finishGroup());
        if (keep !== undefined && produced >= keep) {
          yield out;
          return;
        }
      }
      groupKey = sortKey;
      if (seen) {
        if (seen.has(seq)) continue;
        seen.add(seq);
      }
      const doc = collection.document(seq, (fetched += 1) <= LARGE_READ || collection.fitsInCache());
      if (doc && (!test || test.test(doc))) group.push(doc);
    }
    yield out;
  }
  yield finishGroup();
}

/** Skips and limits a stream, ending it (and the reading behind it) once the limit is reached. */
function* sliced(stream: DocumentStream, skip: number, limit: number | undefined): DocumentStream {
  let toSkip = skip;
  let left = limit ?? Infinity;
  if (left <= 0) return;
  for (const chunk of stream) {
    let docs = chunk;
    if (toSkip > 0) {
      const skipped = Math.min(toSkip, docs.length);
      docs = docs.slice(skipped);
      toSkip -= skipped;
    }
    if (docs.length > left) docs = docs.slice(0, left);
    left -= docs.length;
    yield docs;
    if (left === 0) return;
  }
}

function* projected(stream: DocumentStream, projection: Document, filter: Document, scope: QueryScope): DocumentStream {
  for (const docs of stream) {
    // The filter goes along for positional projections (`"a.$": 1`); these documents all match it.
    yield (
      projectTopLevelFields(docs, projection) ??
      (compileFilter(filter, scope).find(docs, projection).all() as Document[])
    );
  }
}

/** Refuses a malformed filter or sort, a collation mingo cannot honour, or a hint naming no index, before anything is read. */
function refuseBadArguments(collection: CollectionState | undefined, filter: Document, options: ReadOptions): void {
  refuseMalformed(filter, options);
  if (options.sort) parseSort(options.sort);
  checkHint(collection, options.hint);
}

/**
 * The matching documents in result order, projected; stored documents are handed out as they are
 * (callers must not change them). Bad arguments are refused here, before any reading.
 */
export function runQuery(collection: CollectionState | undefined, options: ReadOptions): DocumentStream {
  const filter = options.filter ?? {};
  refuseBadArguments(collection, filter, options);
  if (!collection) return nothing();
  const skip = options.skip ?? 0;
  const end = options.limit ? skip + options.limit : undefined;
  let stream =
    options.sort && Object.keys(options.sort).length
      ? sortedMatches(collection, filter, options.sort, end, options)
      : matching(collection, filter, options);
  stream = sliced(stream, skip, options.limit || undefined);
  if (options.projection && Object.keys(options.projection).length) {
    stream = projected(stream, options.projection, filter, options);
  }
  return stream;
}

/** What a count command counts: the query's documents with skip or limit, else its matches (see countMatching). */
export function runCount(collection: CollectionState | undefined, options: ReadOptions): DocumentStream<number> {
  refuseMalformed(options.filter ?? {}, options);
  if (!collection) return known(0);
  checkHint(collection, options.hint);
  if (!options.skip && !options.limit) return countMatching(collection, options.filter ?? {}, options);
  return countStream(runQuery(collection, options));
}

/**
 * The `_id` a filter names by a plain equality (a string, a finite number or an ObjectId), the
 * usual filter of a single-document write (`{ _id, seq: { $lt: 7 } }`): at most one document can
 * match, found by one lookup of the documents' own key rather than through a plan.
 */
function soleIdOf(filter: Document): unknown {
  const id: unknown = filter._id;
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) || id instanceof ObjectId) return id;
  return undefined;
}

/** The first document of a query in its order, read at once: what a single-document write acts on. */
export function firstOf(collection: CollectionState, options: ReadOptions): Document | undefined {
  const filter = options.filter ?? {};
  const id = options.skip || options.projection ? undefined : soleIdOf(filter);
  if (id !== undefined) {
    // The sort cannot change which document that is, but a malformed one is refused all the same.
    refuseBadArguments(collection, filter, options);
    const doc = collection.byId(id);
    const { _id, ...rest } = filter;
    return doc && (!Object.keys(rest).length || compileFilter(rest, options).test(doc)) ? doc : undefined;
  }
  const stream = runQuery(collection, { ...options, limit: 1 });
  for (const chunk of stream) if (chunk.length) return chunk[0];
  return undefined;
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
  // They build a new document; one holding the input whole (`$$ROOT`) is safe while no later stage writes.
  '$replaceWith',
  '$replaceRoot',
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
  deadline: Deadline,
): DocumentStream {
  checkPipeline(pipeline);
  checkHint(collection, options.hint);
  if (pipeline[0] && isPlainObject(pipeline[0].$match)) refuseMalformed(pipeline[0].$match as Document, options);
  return aggregating(engine, db, collection, pipeline, options, deadline);
}

function* aggregating(
  engine: DatabaseEngine,
  db: string,
  collection: CollectionState | undefined,
  pipeline: Document[],
  options: QueryScope,
  deadline: Deadline,
): DocumentStream {
  let rest = pipeline;
  // A leading $match reads through the indexes, a leading $sort (+ $limit) sorts only what it keeps.
  let filter: Document = {};
  if (rest[0] && isPlainObject(rest[0].$match) && collection) {
    filter = rest[0].$match as Document;
    rest = rest.slice(1);
  }
  const counted = countingGroup(rest);
  if (collection && counted) {
    const n = yield* countMatching(collection, filter, options);
    if (n) yield [{ _id: counted.id, ...Object.fromEntries(counted.fields.map((f) => [f, n])) }];
    return;
  }
  let source = nothing();
  if (collection && rest[0] && isPlainObject(rest[0].$sort)) {
    source = sortedMatches(collection, filter, rest[0].$sort as Document, keptBySort(rest.slice(1)), options);
    rest = rest.slice(1);
  } else if (collection) {
    source = matching(collection, filter, options);
  }
  for (; rest[0] && (typeof rest[0].$skip === 'number' || typeof rest[0].$limit === 'number'); rest = rest.slice(1)) {
    source =
      typeof rest[0].$skip === 'number'
        ? sliced(source, rest[0].$skip, undefined)
        : sliced(source, 0, rest[0].$limit as number);
  }
  const countedAfter = countingGroup(rest);
  if (countedAfter) {
    const n = yield* countStream(source);
    if (n) yield [{ _id: countedAfter.id, ...Object.fromEntries(countedAfter.fields.map((f) => [f, n])) }];
    return;
  }
  if (rest.length === 0) {
    yield* source;
    return;
  }
  let docs = yield* gather(source);
  // Some stages ($addFields with dotted paths, $unwind, ...) write into their input objects,
  // which must never be the stored documents.
  const copy = isReadOnlyPipeline(rest) ? (doc: Document) => doc : copyDocument;
  docs = docs.map(copy);
  const collectionResolver = (name: string): Document[] => {
    const other = engine.find(db, name);
    return other ? [...checkedEach(collectNow(matching(other, {})), deadline)].map(copy) : [];
  };
  const mingo = { ...mingoOptions(options), collectionResolver };
  let pending: Document[] = [];
  for (const stage of rest) {
    const lookup = equalityLookup(stage);
    const union = unionWithStage(stage);
    const reshape = lookup || union ? undefined : reshapeStage(stage);
    if (!lookup && !union && !reshape) {
      pending.push(stage);
      continue;
    }
    if (pending.length) docs = evaluatePipeline(checkedEach(docs, deadline), pending, mingo);
    pending = [];
    if (reshape) {
      docs = reshape(docs);
    } else if (lookup) {
      const foreign = engine.find(db, lookup.from);
      docs = yield* runEqualityLookup(
        docs,
        lookup,
        (filter) => (foreign ? matching(foreign, filter) : nothing()),
        copy,
      );
    } else if (union) {
      // A missing collection contributes nothing; the command's collation and `let` apply inside too.
      const other = union.from === undefined ? undefined : engine.find(db, union.from);
      const scope = { collation: options.collation, variables: options.variables };
      checkPipeline(union.pipeline);
      const appended = yield* gather(aggregating(engine, db, other, union.pipeline, scope, deadline));
      docs = docs.concat(appended.map(copy));
    }
  }
  if (pending.length) docs = evaluatePipeline(checkedEach(docs, deadline), pending, mingo);
  yield* inChunks(docs);
}
