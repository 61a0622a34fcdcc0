/**
 * Commands that shape databases rather than documents: collections (create, drop,
 * listCollections), databases (dropDatabase, listDatabases) and indexes (createIndexes,
 * listIndexes, dropIndexes).
 */
import type { Document } from 'bson';
import { Query } from '../query/mingo.context';
import { collectionArgument, optionalBoolean, optionalDocument, requiredDocumentArray } from './command-arguments.util';
import type { CommandContext, CommandHandler } from './command-context.type';
import { validateNamespace } from '../storage/database.engine';
import { ID_INDEX, parseIndexSpec, sameKeyPattern, type IndexSpec } from '../storage/index.catalog';
import { MongoServerError } from '../common/mongo-server.error';
import { createView, dropView, findView, listViews, refuseIfView } from '../query/view.catalog';

const CREATE_OPTIONS_REFUSED = [
  'capped',
  'validator',
  'timeseries',
  'clusteredIndex',
  'changeStreamPreAndPostImages',
  'encryptedFields',
];

function namespaceNotFound(ctx: CommandContext, name: string): MongoServerError {
  return new MongoServerError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${name}`);
}

function cursorReply(ctx: CommandContext, collection: string, docs: Document[], cmd: Document): Document {
  const cursorOptions = optionalDocument(cmd, 'cursor') ?? {};
  const batchSize = typeof cursorOptions.batchSize === 'number' ? cursorOptions.batchSize : undefined;
  return { cursor: ctx.cursors.open(`${ctx.db}.${collection}`, docs, batchSize, false), ok: 1 };
}

function indexMatches(spec: IndexSpec, selector: unknown): boolean {
  if (typeof selector === 'string') return spec.name === selector;
  return typeof selector === 'object' && selector !== null && sameKeyPattern(spec.key, selector as IndexSpec['key']);
}

export const catalogCommands: Record<string, CommandHandler> = {
  create: (cmd, ctx) => {
    const name = collectionArgument(cmd);
    const refused = CREATE_OPTIONS_REFUSED.find((option) => cmd[option] !== undefined && cmd[option] !== false);
    if (refused)
      throw new MongoServerError(
        'NotImplemented',
        `collection option "${refused}" is not supported by the embedded server`,
      );
    validateNamespace(ctx.db, name);
    if (cmd.viewOn !== undefined) {
      const collation = optionalDocument(cmd, 'collation');
      if (collation && collation.locale !== 'simple')
        throw new MongoServerError('NotImplemented', 'views with a collation are not supported by the embedded server');
      createView(ctx.engine, ctx.db, name, cmd.viewOn, cmd.pipeline);
      return { ok: 1 };
    }
    if (cmd.pipeline !== undefined)
      throw new MongoServerError('InvalidOptions', "'pipeline' requires 'viewOn' to be specified");
    if (findView(ctx.engine, ctx.db, name))
      throw new MongoServerError('NamespaceExists', `Namespace ${ctx.db}.${name} already exists`);
    ctx.engine.create(ctx.db, name);
    return { ok: 1 };
  },

  drop: (cmd, ctx) => {
    const name = collectionArgument(cmd);
    if (dropView(ctx.engine, ctx.db, name)) return { ns: `${ctx.db}.${name}`, ok: 1 };
    const collection = ctx.engine.find(ctx.db, name);
    if (!collection) throw namespaceNotFound(ctx, name);
    const nIndexesWas = collection.indexSpecs.length;
    ctx.engine.drop(ctx.db, name);
    return { nIndexesWas, ns: collection.ns, ok: 1 };
  },

  renameCollection: (cmd, ctx) => {
    if (ctx.db !== 'admin')
      throw new MongoServerError('Unauthorized', 'renameCollection may only be run against the admin database.');
    const [from, to] = [cmd.renameCollection, cmd.to].map((ns) => {
      const dot = typeof ns === 'string' ? ns.indexOf('.') : -1;
      if (dot <= 0) throw new MongoServerError('InvalidNamespace', `Invalid namespace specified '${String(ns)}'`);
      return { db: (ns as string).slice(0, dot), name: (ns as string).slice(dot + 1) };
    });
    refuseIfView(ctx.engine, from.db, from.name);
    refuseIfView(ctx.engine, to.db, to.name);
    const source = ctx.engine.find(from.db, from.name);
    if (!source) throw new MongoServerError('NamespaceNotFound', 'Source collection does not exist');
    if (from.db === to.db && from.name === to.name)
      throw new MongoServerError('IllegalOperation', "Can't rename a collection to itself");
    ctx.engine.rename(source, to.db, to.name, optionalBoolean(cmd, 'dropTarget') ?? false);
    return { ok: 1 };
  },

  dbStats: (_cmd, ctx) => {
    validateNamespace(ctx.db);
    const collections = ctx.engine.collectionsOf(ctx.db);
    return {
      db: ctx.db,
      collections: collections.length,
      views: listViews(ctx.engine, ctx.db).length,
      objects: collections.reduce((sum, c) => sum + c.count, 0),
      indexes: collections.reduce((sum, c) => sum + c.indexSpecs.length, 0),
      ok: 1,
    };
  },

  dropDatabase: (_cmd, ctx) => {
    validateNamespace(ctx.db);
    for (const collection of ctx.engine.collectionsOf(ctx.db)) ctx.engine.drop(ctx.db, collection.name);
    return { dropped: ctx.db, ok: 1 };
  },

  listDatabases: (cmd, ctx) => {
    const filter = optionalDocument(cmd, 'filter');
    const nameOnly = optionalBoolean(cmd, 'nameOnly') ?? false;
    const matcher = filter ? new Query(filter, {}) : undefined;
    const databases = ctx.engine
      .databaseNames()
      .map((name) => (nameOnly ? { name } : { name, sizeOnDisk: 0, empty: false }))
      .filter((entry) => !matcher || matcher.test(entry));
    return nameOnly ? { databases, ok: 1 } : { databases, totalSize: ctx.engine.sizeOnDisk(), totalSizeMb: 0, ok: 1 };
  },

  listCollections: (cmd, ctx) => {
    validateNamespace(ctx.db);
    const filter = optionalDocument(cmd, 'filter');
    const nameOnly = optionalBoolean(cmd, 'nameOnly') ?? false;
    const matcher = filter ? new Query(filter, {}) : undefined;
    const collections: Document[] = ctx.engine
      .collectionsOf(ctx.db)
      .map((c) => ({ name: c.name, type: 'collection', options: {}, info: { readOnly: false }, idIndex: ID_INDEX }));
    const views: Document[] = listViews(ctx.engine, ctx.db).map((view) => ({
      name: view.name,
      type: 'view',
      options: { viewOn: view.viewOn, pipeline: view.pipeline },
      info: { readOnly: true },
    }));
    const entries = [...collections, ...views]
      .filter((entry) => !matcher || matcher.test(entry))
      .map((entry) => (nameOnly ? { name: entry.name, type: entry.type } : entry));
    return cursorReply(ctx, '$cmd.listCollections', entries, cmd);
  },

  createIndexes: (cmd, ctx) => {
    const name = collectionArgument(cmd);
    refuseIfView(ctx.engine, ctx.db, name);
    const specs = requiredDocumentArray(cmd, 'indexes').map(parseIndexSpec);
    if (specs.length === 0) throw new MongoServerError('BadValue', 'Must specify at least one index to create');
    const existed = ctx.engine.find(ctx.db, name) !== undefined;
    const collection = ctx.engine.obtain(ctx.db, name);
    const numIndexesBefore = collection.indexSpecs.length;
    for (const spec of specs) {
      const sameName = collection.indexSpecs.find((s) => s.name === spec.name);
      const sameKey = collection.indexSpecs.find((s) => sameKeyPattern(s.key, spec.key));
      if (sameName && !sameKeyPattern(sameName.key, spec.key)) {
        throw new MongoServerError(
          'IndexKeySpecsConflict',
          `An existing index has the same name as the requested index but a different key: ${spec.name}`,
        );
      }
      if (sameKey) {
        const sameOptions =
          !!sameKey.unique === !!spec.unique &&
          !!sameKey.sparse === !!spec.sparse &&
          JSON.stringify(sameKey.partialFilterExpression) === JSON.stringify(spec.partialFilterExpression);
        if (sameKey.name === spec.name && sameOptions) continue;
        throw new MongoServerError(
          'IndexOptionsConflict',
          `An equivalent index already exists with a different name or options: ${sameKey.name}`,
        );
      }
      collection.createIndex(spec);
    }
    const numIndexesAfter = collection.indexSpecs.length;
    return {
      createdCollectionAutomatically: !existed,
      numIndexesBefore,
      numIndexesAfter,
      ...(numIndexesAfter === numIndexesBefore ? { note: 'all indexes already exist' } : {}),
      ok: 1,
    };
  },

  listIndexes: (cmd, ctx) => {
    const name = collectionArgument(cmd);
    refuseIfView(ctx.engine, ctx.db, name);
    const collection = ctx.engine.find(ctx.db, name);
    if (!collection) throw namespaceNotFound(ctx, name);
    return cursorReply(ctx, name, collection.indexSpecs, cmd);
  },

  dropIndexes: (cmd, ctx) => {
    const name = collectionArgument(cmd);
    refuseIfView(ctx.engine, ctx.db, name);
    const collection = ctx.engine.find(ctx.db, name);
    if (!collection) throw namespaceNotFound(ctx, name);
    const nIndexesWas = collection.indexSpecs.length;
    const selector = cmd.index;
    const secondary = collection.indexSpecs.filter((s) => s.name !== ID_INDEX.name);
    let targets: IndexSpec[];
    if (selector === '*') targets = secondary;
    else {
      const selectors = Array.isArray(selector) ? selector : [selector];
      targets = selectors.map((one) => {
        if (indexMatches(ID_INDEX, one)) throw new MongoServerError('InvalidOptions', 'cannot drop _id index');
        const found = secondary.find((spec) => indexMatches(spec, one));
        if (!found) {
          throw new MongoServerError(
            'IndexNotFound',
            typeof one === 'string'
              ? `index not found with name [${one}]`
              : `can't find index with key: ${JSON.stringify(one)}`,
          );
        }
        return found;
      });
    }
    for (const spec of targets) collection.dropIndex(spec.name);
    return { nIndexesWas, ok: 1 };
  },
};
