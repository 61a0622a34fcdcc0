/**
 * Commands that read documents: find with its cursor (getMore, killCursors), aggregate,
 * count and distinct. Each honours `maxTimeMS` (MaxTimeMSExpired, code 50), a cursor's budget
 * carrying over to its getMores.
 */
import type { Document } from 'bson';
import { valueKey, valuesAtPath } from '../common/bson-value.util';
import {
  collectionArgument,
  commandVariables,
  nonNegative,
  optionalBoolean,
  optionalDocument,
  optionalNumber,
  requiredDocumentArray,
} from './command-arguments.util';
import type { CommandContext, CommandHandler } from './command-context.type';
import { validateNamespace } from '../storage/database.engine';
import { finishPausing, type DocumentStream } from '../query/document.stream';
import { MongoServerError } from '../common/mongo-server.error';
import { runAggregate, runCount, runQuery } from '../query/query.executor';
import { Deadline, parseMaxTimeMS } from '../query/query.deadline';
import { resolveView, resolveViewsInPipeline, type ResolvedView } from '../query/view.catalog';

function cursorId(value: unknown): number {
  const id =
    typeof value === 'number' ? value : typeof value === 'object' && value !== null ? Number(value.valueOf()) : NaN;
  if (!Number.isFinite(id)) throw new MongoServerError('TypeMismatch', 'cursor id must be a 64-bit integer');
  return id;
}

function readTarget(cmd: Document, ctx: CommandContext) {
  const name = collectionArgument(cmd);
  validateNamespace(ctx.db, name);
  const view = resolveView(ctx.engine, ctx.db, name);
  return { name, view, collection: ctx.engine.find(ctx.db, view?.collection ?? name) };
}

/** The documents a view yields after `stages`, read from its base collection through its pipeline. */
function readView(
  ctx: CommandContext,
  view: ResolvedView,
  stages: Array<Document | false>,
  scope: { variables?: Document; collation?: Document },
  deadline: Deadline,
): DocumentStream {
  const pipeline = [...view.pipeline, ...stages.filter((stage): stage is Document => stage !== false)];
  return runAggregate(
    ctx.engine,
    ctx.db,
    ctx.engine.find(ctx.db, view.collection),
    resolveViewsInPipeline(ctx.engine, ctx.db, pipeline),
    scope,
    deadline,
  );
}

const nonEmpty = (doc: Document | undefined): doc is Document => doc !== undefined && Object.keys(doc).length > 0;

/** Stages that may open a database-level aggregate (`aggregate: 1`), which has no collection to read. */
const COLLECTIONLESS_STAGES = new Set(['$documents', '$listLocalSessions']);

function databaseAggregate(
  ctx: CommandContext,
  pipeline: Document[],
  scope: { variables?: Document; collation?: Document },
  deadline: Deadline,
): DocumentStream {
  const [first, ...rest] = pipeline;
  const name = first ? Object.keys(first)[0] : undefined;
  if (!name || !COLLECTIONLESS_STAGES.has(name)) {
    throw new MongoServerError(
      'InvalidNamespace',
      `{aggregate: 1} is not valid for '${name ?? 'an empty pipeline'}'; a collection is required.`,
    );
  }
  // Sessions are listed as literal documents, then the rest of the pipeline runs over them.
  const opening = name === '$listLocalSessions' ? { $documents: ctx.sessions.list() } : first;
  return runAggregate(
    ctx.engine,
    ctx.db,
    undefined,
    resolveViewsInPipeline(ctx.engine, ctx.db, [opening, ...rest]),
    scope,
    deadline,
  );
}

/** find options that would change results if ignored, so they are refused rather than dropped. */
const REFUSED_FIND_OPTIONS: Record<string, string> = {
  tailable: 'tailable cursors need capped collections, which the embedded server does not support',
  awaitData: 'tailable cursors need capped collections, which the embedded server does not support',
  min: 'find with min is not supported by the embedded server',
  max: 'find with max is not supported by the embedded server',
  returnKey: 'find with returnKey is not supported by the embedded server',
  showRecordId: 'find with showRecordId is not supported by the embedded server',
};

export const readCommands: Record<string, CommandHandler> = {
  find: async (cmd, ctx) => {
    const refused = Object.keys(REFUSED_FIND_OPTIONS).find(
      (option) => cmd[option] !== undefined && cmd[option] !== false,
    );
    if (refused) throw new MongoServerError('NotImplemented', REFUSED_FIND_OPTIONS[refused]);
    const { name, view, collection } = readTarget(cmd, ctx);
    const limit = optionalNumber(cmd, 'limit');
    const deadline = ctx.engine.deadline(parseMaxTimeMS(cmd));
    const options = {
      filter: optionalDocument(cmd, 'filter'),
      sort: optionalDocument(cmd, 'sort'),
      projection: optionalDocument(cmd, 'projection'),
      skip: nonNegative(cmd, 'skip'),
      limit: limit === undefined ? undefined : Math.abs(limit),
      hint: cmd.hint,
      collation: optionalDocument(cmd, 'collation'),
      variables: commandVariables(cmd),
    };
    const docs = view
      ? readView(
          ctx,
          view,
          [
            nonEmpty(options.filter) && { $match: options.filter },
            nonEmpty(options.sort) && { $sort: options.sort },
            !!options.skip && { $skip: options.skip },
            !!options.limit && { $limit: options.limit },
            nonEmpty(options.projection) && { $project: options.projection },
          ],
          options,
          deadline,
        )
      : runQuery(collection, options);
    const singleBatch = (optionalBoolean(cmd, 'singleBatch') ?? false) || (limit !== undefined && limit < 0);
    const batchSize = nonNegative(cmd, 'batchSize');
    return { cursor: await ctx.cursors.openStream(`${ctx.db}.${name}`, docs, batchSize, singleBatch, deadline), ok: 1 };
  },

  getMore: async (cmd, ctx) => {
    const id = cursorId(cmd.getMore);
    if (typeof cmd.collection !== 'string')
      throw new MongoServerError('TypeMismatch', 'getMore.collection must be a string');
    const own = parseMaxTimeMS(cmd);
    const reply = await ctx.cursors.next(id, `${ctx.db}.${cmd.collection}`, nonNegative(cmd, 'batchSize'), (left) =>
      ctx.engine.deadline(left === undefined || own === undefined ? (left ?? own) : Math.min(left, own)),
    );
    if (!reply) throw new MongoServerError('CursorNotFound', `cursor id ${id} not found`);
    return { cursor: reply, ok: 1 };
  },

  killCursors: (cmd, ctx) => {
    if (!Array.isArray(cmd.cursors)) throw new MongoServerError('TypeMismatch', 'killCursors.cursors must be an array');
    const ids = cmd.cursors.map(cursorId);
    const killed = ids.filter((id) => ctx.cursors.kill(id));
    const notFound = ids.filter((id) => !killed.includes(id));
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  },

  aggregate: async (cmd, ctx) => {
    if (cmd.explain) throw new MongoServerError('NotImplemented', 'explain is not supported by the embedded server');
    const pipeline = requiredDocumentArray(cmd, 'pipeline');
    for (const stage of pipeline) {
      if (Object.keys(stage).length !== 1) {
        throw new MongoServerError(
          'Location40323',
          'A pipeline stage specification object must contain exactly one field.',
        );
      }
    }
    const cursor = optionalDocument(cmd, 'cursor');
    if (!cursor)
      throw new MongoServerError(
        'FailedToParse',
        "The 'cursor' option is required, except for aggregate with the explain argument",
      );
    const batchSize = optionalNumber(cursor, 'batchSize');
    const scope = { collation: optionalDocument(cmd, 'collation'), variables: commandVariables(cmd) };
    const deadline = ctx.engine.deadline(parseMaxTimeMS(cmd));
    if (cmd.aggregate === 1) {
      validateNamespace(ctx.db);
      const docs = databaseAggregate(ctx, pipeline, scope, deadline);
      return {
        cursor: await ctx.cursors.openStream(`${ctx.db}.$cmd.aggregate`, docs, batchSize, false, deadline),
        ok: 1,
      };
    }
    const { name, view, collection } = readTarget(cmd, ctx);
    const docs = view
      ? readView(ctx, view, pipeline, scope, deadline)
      : runAggregate(
          ctx.engine,
          ctx.db,
          collection,
          resolveViewsInPipeline(ctx.engine, ctx.db, pipeline),
          { ...scope, hint: cmd.hint },
          deadline,
        );
    return { cursor: await ctx.cursors.openStream(`${ctx.db}.${name}`, docs, batchSize, false, deadline), ok: 1 };
  },

  count: async (cmd, ctx) => {
    const { view, collection } = readTarget(cmd, ctx);
    const limit = optionalNumber(cmd, 'limit');
    const deadline = ctx.engine.deadline(parseMaxTimeMS(cmd));
    const options = {
      filter: optionalDocument(cmd, 'query'),
      skip: nonNegative(cmd, 'skip'),
      limit: limit === undefined ? undefined : Math.abs(limit),
      hint: cmd.hint,
      collation: optionalDocument(cmd, 'collation'),
    };
    if (view) {
      const stages = [
        nonEmpty(options.filter) && { $match: options.filter },
        !!options.skip && { $skip: options.skip },
        !!options.limit && { $limit: options.limit },
      ];
      let n = 0;
      for (const chunk of readView(ctx, view, stages, options, deadline)) {
        n += chunk.length;
        await deadline.pause();
      }
      return { n, ok: 1 };
    }
    return { n: await finishPausing(runCount(collection, options), deadline), ok: 1 };
  },

  distinct: async (cmd, ctx) => {
    const { view, collection } = readTarget(cmd, ctx);
    if (typeof cmd.key !== 'string') throw new MongoServerError('TypeMismatch', 'distinct.key must be a string');
    const key = cmd.key;
    const filter = optionalDocument(cmd, 'query');
    const collation = optionalDocument(cmd, 'collation');
    const deadline = ctx.engine.deadline(parseMaxTimeMS(cmd));
    const docs = view
      ? readView(ctx, view, [nonEmpty(filter) && { $match: filter }], { collation }, deadline)
      : runQuery(collection, { filter, hint: cmd.hint, collation });
    const values = new Map<string, unknown>();
    for (const chunk of docs) {
      for (const doc of chunk) {
        for (const value of valuesAtPath(doc, key)) {
          if (value !== undefined && !values.has(valueKey(value))) values.set(valueKey(value), value);
        }
      }
      await deadline.pause();
    }
    return { values: [...values.values()], ok: 1 };
  },
};
