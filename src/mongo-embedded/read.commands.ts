/**
 * Commands that read documents: find with its cursor (getMore, killCursors), aggregate,
 * count and distinct. Each honours `maxTimeMS` (MaxTimeMSExpired, code 50), a cursor's budget
 * carrying over to its getMores.
 */
import type { Document } from 'bson';
import { valueKey, valuesAtPath } from './bson-value.util';
import {
  collectionArgument,
  nonNegative,
  optionalBoolean,
  optionalDocument,
  optionalNumber,
  requiredDocumentArray,
} from './command-arguments.util';
import type { CommandContext, CommandHandler } from './command-context.type';
import { validateNamespace } from './database.engine';
import { finishPausing } from './document.stream';
import { MongoServerError } from './mongo-server.error';
import { runAggregate, runCount, runQuery } from './query.executor';
import { parseMaxTimeMS } from './query.deadline';

function cursorId(value: unknown): number {
  const id =
    typeof value === 'number' ? value : typeof value === 'object' && value !== null ? Number(value.valueOf()) : NaN;
  if (!Number.isFinite(id)) throw new MongoServerError('TypeMismatch', 'cursor id must be a 64-bit integer');
  return id;
}

function readTarget(cmd: Document, ctx: CommandContext) {
  const name = collectionArgument(cmd);
  validateNamespace(ctx.db, name);
  return { name, collection: ctx.engine.find(ctx.db, name) };
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
    const { name, collection } = readTarget(cmd, ctx);
    const limit = optionalNumber(cmd, 'limit');
    const deadline = ctx.engine.deadline(parseMaxTimeMS(cmd));
    const docs = runQuery(collection, {
      filter: optionalDocument(cmd, 'filter'),
      sort: optionalDocument(cmd, 'sort'),
      projection: optionalDocument(cmd, 'projection'),
      skip: nonNegative(cmd, 'skip'),
      limit: limit === undefined ? undefined : Math.abs(limit),
      hint: cmd.hint,
      collation: optionalDocument(cmd, 'collation'),
      variables: optionalDocument(cmd, 'let'),
    });
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
    if (typeof cmd.aggregate !== 'string') {
      throw new MongoServerError(
        'NotImplemented',
        'database-level aggregation ({aggregate: 1}) is not supported by the embedded server',
      );
    }
    const { name, collection } = readTarget(cmd, ctx);
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
    const deadline = ctx.engine.deadline(parseMaxTimeMS(cmd));
    const docs = runAggregate(
      ctx.engine,
      ctx.db,
      collection,
      pipeline,
      {
        collation: optionalDocument(cmd, 'collation'),
        variables: optionalDocument(cmd, 'let'),
        hint: cmd.hint,
      },
      deadline,
    );
    const batchSize = optionalNumber(cursor, 'batchSize');
    return { cursor: await ctx.cursors.openStream(`${ctx.db}.${name}`, docs, batchSize, false, deadline), ok: 1 };
  },

  count: async (cmd, ctx) => {
    const { collection } = readTarget(cmd, ctx);
    const limit = optionalNumber(cmd, 'limit');
    const deadline = ctx.engine.deadline(parseMaxTimeMS(cmd));
    const counting = runCount(collection, {
      filter: optionalDocument(cmd, 'query'),
      skip: nonNegative(cmd, 'skip'),
      limit: limit === undefined ? undefined : Math.abs(limit),
      hint: cmd.hint,
      collation: optionalDocument(cmd, 'collation'),
    });
    return { n: await finishPausing(counting, deadline), ok: 1 };
  },

  distinct: async (cmd, ctx) => {
    const { collection } = readTarget(cmd, ctx);
    if (typeof cmd.key !== 'string') throw new MongoServerError('TypeMismatch', 'distinct.key must be a string');
    const key = cmd.key;
    const deadline = ctx.engine.deadline(parseMaxTimeMS(cmd));
    const docs = runQuery(collection, {
      filter: optionalDocument(cmd, 'query'),
      hint: cmd.hint,
      collation: optionalDocument(cmd, 'collation'),
    });
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
