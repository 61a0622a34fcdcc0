/**
 * Views (`create` with `viewOn` and `pipeline`): read-only collections whose documents are
 * another collection's (or view's) run through a pipeline. Definitions live, as in mongod, in
 * the database's `system.views` collection, so they are stored like any other document. Reads
 * resolve a view to its base collection and the concatenated pipelines; writes are refused.
 */
import type { Document } from 'bson';
import { isPlainObject } from '../common/bson-value.util';
import type { DatabaseEngine } from '../storage/database.engine';
import { MongoServerError } from '../common/mongo-server.error';
import { collectNow } from './document.stream';
import { runQuery } from './query.executor';

export const VIEWS_COLLECTION = 'system.views';
/** mongod's limit on views defined on views. */
const MAX_VIEW_DEPTH = 20;
const STAGES_REFUSED_IN_VIEWS = new Set(['$out', '$merge']);

export interface ViewDefinition {
  name: string;
  viewOn: string;
  pipeline: Document[];
}

/** A view resolved to what reading it means: a base collection and the pipeline over it. */
export interface ResolvedView {
  collection: string;
  pipeline: Document[];
}

function definitionOf(db: string, stored: Document): ViewDefinition {
  return {
    name: (stored._id as string).slice(db.length + 1),
    viewOn: stored.viewOn as string,
    pipeline: (stored.pipeline as Document[]) ?? [],
  };
}

export function findView(engine: DatabaseEngine, db: string, name: string): ViewDefinition | undefined {
  const views = engine.find(db, VIEWS_COLLECTION);
  const [stored] = collectNow(runQuery(views, { filter: { _id: `${db}.${name}` } }));
  return stored ? definitionOf(db, stored) : undefined;
}

export function listViews(engine: DatabaseEngine, db: string): ViewDefinition[] {
  return collectNow(runQuery(engine.find(db, VIEWS_COLLECTION), {})).map((stored) => definitionOf(db, stored));
}

/** The base collection of `name` and the pipeline reading it through `name` means; undefined for a non-view. */
export function resolveView(engine: DatabaseEngine, db: string, name: string): ResolvedView | undefined {
  let view = findView(engine, db, name);
  if (!view) return undefined;
  let pipeline: Document[] = [];
  for (let depth = 0; view; depth += 1) {
    if (depth >= MAX_VIEW_DEPTH) {
      throw new MongoServerError(
        'ViewDepthLimitExceeded',
        `View depth too deep or view cycle detected at ${db}.${name}`,
      );
    }
    pipeline = [...view.pipeline, ...pipeline];
    const base: string = view.viewOn;
    view = findView(engine, db, base);
    if (!view) return { collection: base, pipeline };
  }
  return undefined;
}

/** Refuses a command that writes to, or indexes, a view: views are read-only, as in mongod. */
export function refuseIfView(engine: DatabaseEngine, db: string, name: string): void {
  if (findView(engine, db, name)) {
    throw new MongoServerError('CommandNotSupportedOnView', `Namespace ${db}.${name} is a view, not a collection`);
  }
}

function checkViewPipeline(pipeline: unknown): Document[] {
  if (pipeline === undefined) return [];
  if (!Array.isArray(pipeline) || !pipeline.every(isPlainObject)) {
    throw new MongoServerError('TypeMismatch', "the view's 'pipeline' must be an array of objects");
  }
  for (const stage of pipeline as Document[]) {
    const name = Object.keys(stage)[0];
    if (STAGES_REFUSED_IN_VIEWS.has(name)) {
      throw new MongoServerError('OptionNotSupportedOnView', `${name} cannot be used in a view definition`);
    }
  }
  return pipeline as Document[];
}

export function createView(engine: DatabaseEngine, db: string, name: string, viewOn: unknown, pipeline: unknown): void {
  if (typeof viewOn !== 'string' || viewOn === '') {
    throw new MongoServerError('TypeMismatch', "'viewOn' must be the name of a collection or view");
  }
  const stages = checkViewPipeline(pipeline);
  if (engine.find(db, name) || findView(engine, db, name)) {
    throw new MongoServerError('NamespaceExists', `Namespace ${db}.${name} already exists`);
  }
  // The new view must not lead back to itself through the views it is defined on.
  let on: string | undefined = viewOn;
  for (let depth = 0; on !== undefined; depth += 1) {
    if (on === name) throw new MongoServerError('GraphContainsCycle', `View cycle detected: ${db}.${name}`);
    if (depth >= MAX_VIEW_DEPTH)
      throw new MongoServerError('ViewDepthLimitExceeded', `View depth too deep: ${db}.${name}`);
    on = findView(engine, db, on)?.viewOn;
  }
  engine.obtain(db, VIEWS_COLLECTION).insert({ _id: `${db}.${name}`, viewOn, pipeline: stages });
}

/** Drops the view `name`; false when there is none. */
export function dropView(engine: DatabaseEngine, db: string, name: string): boolean {
  const views = engine.find(db, VIEWS_COLLECTION);
  const [stored] = collectNow(runQuery(views, { filter: { _id: `${db}.${name}` } }));
  if (!stored) return false;
  views!.remove(stored);
  return true;
}

/**
 * The pipeline with every `$unionWith` or `$lookup` that reads a view reading its base
 * collection through the view's pipeline instead, at any depth. A `$lookup` joining a view on
 * `localField`/`foreignField` (or `$graphLookup` on one) is refused rather than answered empty.
 */
export function resolveViewsInPipeline(engine: DatabaseEngine, db: string, pipeline: Document[]): Document[] {
  return pipeline.map((stage) => {
    const [name] = Object.keys(stage);
    const spec = stage[name];
    if (name === '$facet' && isPlainObject(spec)) {
      const facets = Object.entries(spec).map(([key, sub]) => [
        key,
        Array.isArray(sub) ? resolveViewsInPipeline(engine, db, sub as Document[]) : sub,
      ]);
      return { $facet: Object.fromEntries(facets) };
    }
    if (name === '$unionWith') {
      const from = typeof spec === 'string' ? spec : isPlainObject(spec) ? spec.coll : undefined;
      const inner = isPlainObject(spec) && Array.isArray(spec.pipeline) ? (spec.pipeline as Document[]) : [];
      if (typeof from !== 'string') return stage;
      const view = resolveView(engine, db, from);
      const resolvedInner = resolveViewsInPipeline(engine, db, inner);
      if (!view) return inner.length ? { $unionWith: { coll: from, pipeline: resolvedInner } } : stage;
      return { $unionWith: { coll: view.collection, pipeline: [...view.pipeline, ...resolvedInner] } };
    }
    if ((name === '$lookup' || name === '$graphLookup') && isPlainObject(spec) && typeof spec.from === 'string') {
      const inner = Array.isArray(spec.pipeline)
        ? resolveViewsInPipeline(engine, db, spec.pipeline as Document[])
        : undefined;
      const view = resolveView(engine, db, spec.from);
      if (!view) return inner ? { [name]: { ...spec, pipeline: inner } } : stage;
      if (name === '$graphLookup' || spec.localField !== undefined) {
        throw new MongoServerError(
          'NotImplemented',
          `${name} from the view ${db}.${spec.from} is not supported by the embedded server` +
            (name === '$lookup' ? '; use $lookup with let and pipeline' : ''),
        );
      }
      return { $lookup: { ...spec, from: view.collection, pipeline: [...view.pipeline, ...(inner ?? [])] } };
    }
    return stage;
  });
}
