/**
 * Commands that change documents: insert, update, delete (each a batch of statements,
 * ordered or not, with per-statement `writeErrors`) and findAndModify.
 */
import { ObjectId, type Document } from 'bson';
import { find } from '../query/mingo.context';
import { isPlainObject } from '../common/bson-value.util';
import {
  collectionArgument,
  commandVariables,
  optionalBoolean,
  optionalDocument,
  optionalNumber,
  requiredDocument,
  requiredDocumentArray,
} from './command-arguments.util';
import type { CommandContext, CommandHandler } from './command-context.type';
import type { CollectionState } from '../storage/collection.state';
import { validateNamespace } from '../storage/database.engine';
import { projectTopLevelFields } from '../query/field-projection.util';
import { asServerError, MongoServerError } from '../common/mongo-server.error';
import { isSqliteError } from '../storage/storage.error';
import { checkHint, firstOf, matching, type QueryScope } from '../query/query.executor';
import { applyUpdate, buildUpsertDocument, parseUpdate } from '../query/update.operators';
import { refuseIfView, VIEWS_COLLECTION } from '../query/view.catalog';

function prepareForInsert(raw: Document): Document {
  const { _id, ...rest } = raw;
  if (Array.isArray(_id)) throw new MongoServerError('BadValue', "can't use an array for _id");
  if (_id instanceof RegExp) throw new MongoServerError('BadValue', "can't use a regex for _id");
  if (isPlainObject(_id)) {
    const dollar = Object.keys(_id).find((k) => k.startsWith('$'));
    if (dollar)
      throw new MongoServerError(
        'DollarPrefixedFieldName',
        `_id fields may not contain '$'-prefixed fields: ${dollar} is not valid for storage.`,
      );
  }
  // A null _id is a real value (MongoDB stores it); only an absent one is generated.
  return { _id: '_id' in raw ? _id : new ObjectId(), ...rest };
}

/**
 * Runs each statement of a write batch; an ordered batch stops at the first failure, an
 * unordered one carries on. Failures become `writeErrors` with the statement's index.
 */
function runStatements<T>(statements: T[], ordered: boolean, run: (statement: T, index: number) => void): Document[] {
  const writeErrors: Document[] = [];
  for (let i = 0; i < statements.length; i += 1) {
    try {
      run(statements[i], i);
    } catch (err) {
      // A storage failure is not this statement's: the whole command fails and is rolled back.
      if (isSqliteError(err)) throw err;
      writeErrors.push(asServerError(err).toWriteError(i));
      if (ordered) break;
    }
  }
  return writeErrors;
}

/**
 * Missing required statement fields fail the whole command before anything runs, as in
 * mongod; an absent `q` must never act as `{}` (match everything).
 */
function requireFields(statements: Document[], context: string, fields: string[]): void {
  for (const statement of statements) {
    for (const field of fields) {
      if (statement[field] === undefined) {
        throw new MongoServerError('Location40414', `BSON field '${context}.${field}' is missing but a required field`);
      }
    }
    requiredDocument(statement, 'q', context);
  }
}

function withWriteErrors(reply: Document, writeErrors: Document[]): Document {
  return writeErrors.length ? { ...reply, writeErrors, ok: 1 } : { ...reply, ok: 1 };
}

function writeTarget(cmd: Document, ctx: CommandContext): string {
  const name = collectionArgument(cmd);
  validateNamespace(ctx.db, name);
  refuseIfView(ctx.engine, ctx.db, name);
  if (name === VIEWS_COLLECTION) {
    throw new MongoServerError(
      'InvalidNamespace',
      `cannot write to '${ctx.db}.${name}': create and drop views instead`,
    );
  }
  return name;
}

/** The document a single-document write (updateOne, findAndModify) acts on: the first match in `sort` order. */
function firstMatch(
  collection: CollectionState,
  filter: Document,
  sort: Document | undefined,
  scope: QueryScope,
): Document | undefined {
  return firstOf(collection, { filter, sort: sort && Object.keys(sort).length ? sort : undefined, ...scope });
}

/**
 * Each document matching `filter`, once, read as the writes go (a multi-document write holds a
 * chunk of documents at a time, not all of them): one that a write moves further along the
 * index being read is not met again.
 */
function* eachMatch(collection: CollectionState, filter: Document, scope: QueryScope): Generator<Document> {
  const met = new Set<number>();
  for (const chunk of matching(collection, filter, scope)) {
    for (const doc of chunk) {
      const seq = collection.seqOf(doc);
      if (met.has(seq)) continue;
      met.add(seq);
      yield doc;
    }
  }
}

function project(doc: Document | undefined, fields: Document | undefined): Document | null {
  if (!doc) return null;
  if (!fields || Object.keys(fields).length === 0) return doc;
  const projected = projectTopLevelFields([doc], fields) ?? find([doc], {}, fields);
  return projected[0] ?? null;
}

export const writeCommands: Record<string, CommandHandler> = {
  insert: (cmd, ctx) => {
    const name = writeTarget(cmd, ctx);
    const documents = requiredDocumentArray(cmd, 'documents');
    const ordered = optionalBoolean(cmd, 'ordered') ?? true;
    let n = 0;
    const writeErrors = runStatements(documents, ordered, (raw) => {
      const doc = prepareForInsert(raw);
      ctx.engine.obtain(ctx.db, name).insert(doc);
      n += 1;
    });
    return withWriteErrors({ n }, writeErrors);
  },

  update: (cmd, ctx) => {
    const name = writeTarget(cmd, ctx);
    const statements = requiredDocumentArray(cmd, 'updates');
    requireFields(statements, 'update.updates', ['q', 'u']);
    const ordered = optionalBoolean(cmd, 'ordered') ?? true;
    const variables = commandVariables(cmd);
    let n = 0;
    let nModified = 0;
    const upserted: Document[] = [];
    const writeErrors = runStatements(statements, ordered, (statement, index) => {
      const filter = statement.q as Document;
      const spec = parseUpdate(statement.u);
      const multi = optionalBoolean(statement, 'multi') ?? false;
      const upsert = optionalBoolean(statement, 'upsert') ?? false;
      const arrayFilters =
        statement.arrayFilters === undefined ? undefined : requiredDocumentArray(statement, 'arrayFilters');
      if (multi && spec.kind === 'replacement') {
        throw new MongoServerError('FailedToParse', 'multi update is not supported for replacement-style update');
      }
      const existing = ctx.engine.find(ctx.db, name);
      checkHint(existing, statement.hint);
      const scope = { variables, collation: optionalDocument(statement, 'collation') };
      let matched = 0;
      const updateOne = (target: Document) => {
        const { document, modified } = applyUpdate(target, spec, filter, arrayFilters, variables);
        n += 1;
        matched += 1;
        if (!modified) return;
        existing!.replace(target, document);
        nModified += 1;
      };
      if (existing && multi) {
        for (const target of eachMatch(existing, filter, scope)) updateOne(target);
      } else if (existing) {
        const first = firstMatch(existing, filter, optionalDocument(statement, 'sort'), scope);
        if (first) updateOne(first);
      }
      if (matched === 0 && upsert) {
        const doc = buildUpsertDocument(filter, spec, arrayFilters, variables);
        ctx.engine.obtain(ctx.db, name).insert(doc);
        upserted.push({ index, _id: doc._id });
        n += 1;
      }
    });
    return withWriteErrors({ n, nModified, ...(upserted.length ? { upserted } : {}) }, writeErrors);
  },

  delete: (cmd, ctx) => {
    const name = writeTarget(cmd, ctx);
    const statements = requiredDocumentArray(cmd, 'deletes');
    requireFields(statements, 'delete.deletes', ['q', 'limit']);
    const ordered = optionalBoolean(cmd, 'ordered') ?? true;
    const variables = commandVariables(cmd);
    let n = 0;
    const writeErrors = runStatements(statements, ordered, (statement) => {
      const filter = statement.q as Document;
      const limit = optionalNumber(statement, 'limit');
      if (limit !== 0 && limit !== 1)
        throw new MongoServerError('FailedToParse', `The limit field in delete objects must be 0 or 1. Got ${limit}`);
      const collection = ctx.engine.find(ctx.db, name);
      checkHint(collection, statement.hint);
      if (!collection) return;
      const scope = { variables, collation: optionalDocument(statement, 'collation') };
      for (const target of eachMatch(collection, filter, scope)) {
        collection.remove(target);
        n += 1;
        if (limit === 1) break;
      }
    });
    return withWriteErrors({ n }, writeErrors);
  },

  findAndModify: (cmd, ctx) => {
    const name = writeTarget(cmd, ctx);
    const filter = optionalDocument(cmd, 'query') ?? {};
    const sort = optionalDocument(cmd, 'sort');
    const fields = optionalDocument(cmd, 'fields');
    const remove = optionalBoolean(cmd, 'remove') ?? false;
    const returnNew = optionalBoolean(cmd, 'new') ?? false;
    const upsert = optionalBoolean(cmd, 'upsert') ?? false;
    const variables = commandVariables(cmd);
    const hasUpdate = cmd.update !== undefined && cmd.update !== null;
    if (remove && hasUpdate)
      throw new MongoServerError('FailedToParse', 'Cannot specify both an update and remove=true');
    if (!remove && !hasUpdate)
      throw new MongoServerError('FailedToParse', 'Either an update or remove=true must be specified');
    if (remove && (upsert || returnNew)) {
      throw new MongoServerError(
        'FailedToParse',
        'Cannot specify both upsert=true and remove=true, or new=true and remove=true',
      );
    }
    const existing = ctx.engine.find(ctx.db, name);
    checkHint(existing, cmd.hint);
    const target = existing
      ? firstMatch(existing, filter, sort, { variables, collation: optionalDocument(cmd, 'collation') })
      : undefined;
    if (remove) {
      if (target) existing!.remove(target);
      return { lastErrorObject: { n: target ? 1 : 0 }, value: project(target, fields), ok: 1 };
    }
    const spec = parseUpdate(cmd.update);
    const arrayFilters = cmd.arrayFilters === undefined ? undefined : requiredDocumentArray(cmd, 'arrayFilters');
    if (target) {
      const { document, modified } = applyUpdate(target, spec, filter, arrayFilters, variables);
      if (modified) existing!.replace(target, document);
      return {
        lastErrorObject: { n: 1, updatedExisting: true },
        value: project(returnNew ? document : target, fields),
        ok: 1,
      };
    }
    if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    const doc = buildUpsertDocument(filter, spec, arrayFilters, variables);
    ctx.engine.obtain(ctx.db, name).insert(doc);
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
      value: returnNew ? project(doc, fields) : null,
      ok: 1,
    };
  },
};
