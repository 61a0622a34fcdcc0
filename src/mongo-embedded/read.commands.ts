/**
 * Commands that read documents: find with its cursor (getMore, killCursors), aggregate,
 * count and distinct.
 */
import type { Document } from 'bson';
import { valueKey, valuesAtPath } from './bson-value.util';
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
import { validateNamespace } from './database.engine';
import { MongoServerError } from './mongo-server.error';
import { runAggregate, runQuery } from './query.executor';

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
  find: (cmd, ctx) => {
    const refused = Object.keys(REFUSED_FIND_OPTIONS).find(
      (option) => cmd[option] !== undefined && cmd[option] !== false,
    );
    if (refused) throw new MongoServerError('NotImplemented', REFUSED_FIND_OPTIONS[refused]);
    const { name, collection } = readTarget(cmd, ctx);
    const limit = optionalNumber(cmd, 'limit');
    const docs = runQuery(collection, {
      filter: optionalDocument(cmd, 'filter'),
      sort: optionalDocument(cmd, 'sort'),
      projection: optionalDocument(cmd, 'projection'),
      skip: nonNegative(cmd, 'skip'),
      limit: limit === undefined ? undefined : Math.abs(limit),
      hint: cmd.hint,
      collation: optionalDocument(cmd, 'collation'),
      variables: commandVariables(cmd),
    });
    const singleBatch = (optionalBoolean(cmd, 'singleBatch') ?? false) || (limit !== undefined && limit < 0);
    return { cursor: ctx.cursors.open(`${ctx.db}.${name}`, docs, nonNegative(cmd, 'batchSize'), singleBatch), ok: 1 };
  },

  getMore: (cmd, ctx) => {
    const id = cursorId(cmd.getMore);
    if (typeof cmd.collection !== 'string')
      throw new MongoServerError('TypeMismatch', 'getMore.collection must be a string');
    const reply = ctx.cursors.next(id, `${ctx.db}.${cmd.collection}`, nonNegative(cmd, 'batchSize'));
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

  aggregate: (cmd, ctx) => {
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
    const docs = runAggregate(ctx.engine, ctx.db, collection, pipeline, {
      collation: optionalDocument(cmd, 'collation'),
      variables: commandVariables(cmd),
      hint: cmd.hint,
    });
    const batchSize = optionalNumber(cursor, 'batchSize');
    return { cursor: ctx.cursors.open(`${ctx.db}.${name}`, docs, batchSize, false), ok: 1 };
  },

  count: (cmd, ctx) => {
    const { collection } = readTarget(cmd, ctx);
    const limit = optionalNumber(cmd, 'limit');
    const docs = runQuery(collection, {
      filter: optionalDocument(cmd, 'query'),
      skip: nonNegative(cmd, 'skip'),
      limit: limit === undefined ? undefined : Math.abs(limit),
      hint: cmd.hint,
      collation: optionalDocument(cmd, 'collation'),
    });
    return { n: docs.length, ok: 1 };
  },

  distinct: (cmd, ctx) => {
    const { collection } = readTarget(cmd, ctx);
    if (typeof cmd.key !== 'string') throw new MongoServerError('TypeMismatch', 'distinct.key must be a string');
    const key = cmd.key;
    const docs = runQuery(collection, {
      filter: optionalDocument(cmd, 'query'),
      hint: cmd.hint,
      collation: optionalDocument(cmd, 'collation'),
    });
    const values = new Map<string, unknown>();
    for (const doc of docs) {
      for (const value of valuesAtPath(doc, key)) {
        if (value !== undefined && !values.has(valueKey(value))) values.set(valueKey(value), value);
      }
    }
    return { values: [...values.values()], ok: 1 };
  },
};
