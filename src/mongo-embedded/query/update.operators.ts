/**
 * Applies an update to a document the way MongoDB does: operator updates (through mingo,
 * plus `$setOnInsert`, which mingo lacks), replacements, and pipeline updates; checks the
 * update's shape, keeps `_id` immutable, and builds the document an upsert inserts.
 */
import { ObjectId, type Document } from 'bson';
import { update as applyModifier } from './mingo.context';
import {
  bsonTypeName,
  copyDocument,
  isPlainObject,
  sameValue,
  setAtPath,
  valueAtPath,
  valueKey,
} from '../common/bson-value.util';
import { MongoServerError } from '../common/mongo-server.error';
import { evaluatePipeline } from './query.executor';

const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$currentDate',
  '$bit',
  '$setOnInsert',
]);

const PIPELINE_STAGES = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);

export type UpdateSpec =
  | { kind: 'operators'; modifier: Document; setOnInsert?: Document }
  | { kind: 'replacement'; replacement: Document }
  | { kind: 'pipeline'; pipeline: Document[] };

/** Classifies and validates the `u` of an update statement (or `update` of findAndModify). */
export function parseUpdate(raw: unknown): UpdateSpec {
  if (Array.isArray(raw)) {
    for (const stage of raw) {
      const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
      if (!name || !PIPELINE_STAGES.has(name) || Object.keys(stage).length !== 1) {
        throw new MongoServerError(
          'InvalidOptions',
          `${name ?? 'a non-object'} is not allowed to be used within an update (allowed: ${[...PIPELINE_STAGES].join(', ')})`,
        );
      }
    }
    return { kind: 'pipeline', pipeline: raw as Document[] };
  }
  if (!isPlainObject(raw))
    throw new MongoServerError('FailedToParse', 'Update argument must be either an object or an array');
  const keys = Object.keys(raw);
  if (keys.length === 0 || !keys[0].startsWith('$')) {
    const dollar = keys.find((k) => k.startsWith('$'));
    if (dollar) {
      throw new MongoServerError(
        'DollarPrefixedFieldName',
        `The dollar ($) prefixed field '${dollar}' in '${dollar}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
      );
    }
    return { kind: 'replacement', replacement: raw };
  }
  const modifier: Document = {};
  let setOnInsert: Document | undefined;
  for (const key of keys) {
    if (!OPERATORS.has(key)) {
      throw new MongoServerError(
        'FailedToParse',
        `Unknown modifier: ${key}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    if (!isPlainObject(raw[key])) {
      throw new MongoServerError(
        'FailedToParse',
        `Modifiers operate on fields but ${key} was not given a document of fields`,
      );
    }
    if (key === '$setOnInsert') setOnInsert = raw[key] as Document;
    else modifier[key] = raw[key];
  }
  return { kind: 'operators', modifier, setOnInsert };
}

function withIdFirst(id: unknown, doc: Document): Document {
  const { _id: _ignored, ...rest } = doc;
  return { _id: id, ...rest };
}

function checkIdUnchanged(before: Document, after: Document): void {
  if (valueKey(before._id) !== valueKey(after._id)) {
    throw new MongoServerError(
      'ImmutableField',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
}

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return true;
  const type = (value as { _bsontype?: string } | null)?._bsontype;
  return type === 'Long' || type === 'Int32' || type === 'Double' || type === 'Decimal128';
}

const NUMERIC_OPERATORS = new Set(['$inc', '$mul']);
const ARRAY_OPERATORS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop']);

/** A write below a value that is not a document or array cannot create its field; mingo would skip it silently. */
function checkPathViable(target: Document, path: string): void {
  const parts = path.split('.');
  let current: unknown = target;
  for (let i = 0; i < parts.length - 1; i += 1) {
    current = Array.isArray(current) ? current[Number(parts[i])] : (current as Document)[parts[i]];
    if (current === undefined) return;
    if (current === null || typeof current !== 'object' || (!Array.isArray(current) && !isPlainObject(current))) {
      throw new MongoServerError(
        'PathNotViable',
        `Cannot create field '${parts[i + 1]}' in element {${parts[i]}: ${JSON.stringify(current) ?? String(current)}}`,
      );
    }
  }
}

/** The type errors mongod raises and mingo silently skips: arithmetic on non-numbers, array ops on non-arrays. */
function checkOperandTypes(target: Document, modifier: Document): void {
  for (const [operator, fields] of Object.entries(modifier)) {
    for (const [path, argument] of Object.entries(fields as Document)) {
      if (path.includes('$')) continue;
      if (operator !== '$unset' && operator !== '$pull' && operator !== '$pullAll' && operator !== '$pop')
        checkPathViable(target, path);
      const current = valueAtPath(target, path);
      if (NUMERIC_OPERATORS.has(operator)) {
        const exact = [argument, current].find((v) => isNumeric(v) && typeof v !== 'number');
        if (exact !== undefined) {
          throw new MongoServerError(
            'NotImplemented',
            `${operator} on a ${bsonTypeName(exact)} value (Decimal128, or Int64 beyond 2^53) is not supported by the embedded server; field '${path}'`,
          );
        }
        if (!isNumeric(argument)) {
          throw new MongoServerError(
            'TypeMismatch',
            `Cannot ${operator === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(argument)}}`,
          );
        }
        if (current !== undefined && !isNumeric(current)) {
          throw new MongoServerError(
            'TypeMismatch',
            `Cannot apply ${operator} to a value of non-numeric type. {_id: ${JSON.stringify(target._id)}} has the field '${path}' of non-numeric type ${bsonTypeName(current)}`,
          );
        }
      } else if (ARRAY_OPERATORS.has(operator) && current !== undefined && !Array.isArray(current)) {
        throw new MongoServerError(
          'BadValue',
          `The field '${path}' must be an array but is of type ${bsonTypeName(current)} in document {_id: ${JSON.stringify(target._id)}}`,
        );
      }
    }
  }
}

/** mingo refuses any `$set` of `_id`; MongoDB allows setting it to the value it already has. */
function withoutUnchangedId(target: Document, modifier: Document): Document {
  const set = modifier.$set as Document | undefined;
  if (!set || !('_id' in set) || valueKey(set._id) !== valueKey(target._id) || !('_id' in target)) return modifier;
  const { _id: _unchanged, ...rest } = set;
  return { ...modifier, $set: rest };
}

/** Applies operators to `target` in place; returns the paths mingo reports as changed. */
function applyOperators(
  target: Document,
  rawModifier: Document,
  arrayFilters: Document[] | undefined,
  filter: Document,
  variables?: Document,
): string[] {
  const modifier = withoutUnchangedId(target, rawModifier);
  checkOperandTypes(target, modifier);
  if (Object.keys(modifier).length === 0) return [];
  try {
    // The filter locates positional `$` elements; it may use `let` variables through `$expr`.
    return applyModifier(target, modifier, arrayFilters, filter, { cloneMode: 'deep', variables });
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    if (/immutable field '_id'/.test(message)) throw new MongoServerError('ImmutableField', message.replace(/\.$/, ''));
    if (/conflict/i.test(message)) throw new MongoServerError('ConflictingUpdateOperators', message);
    throw err;
  }
}

/**
 * A new version of `doc` sharing every top-level field the modifier cannot reach: operators
 * only write along their own paths (and `$rename` along its targets), so copying just those
 * fields keeps the stored document intact while a small update of a large document stays cheap.
 */
function copyTouchedFields(doc: Document, modifier: Document): Document {
  const touched = new Set<string>();
  for (const [operator, fields] of Object.entries(modifier)) {
    for (const [path, argument] of Object.entries(fields as Document)) {
      touched.add(path.split('.')[0]);
      if (operator === '$rename' && typeof argument === 'string') touched.add(argument.split('.')[0]);
    }
  }
  const copy = { ...doc };
  for (const field of touched) if (field in doc) copy[field] = copyDocument(doc[field]);
  return copy;
}

export interface UpdateOutcome {
  document: Document;
  /** False when the update left every value as it was (MongoDB's nModified then stays 0). */
  modified: boolean;
}

/** The updated copy of `doc` (the stored document is never mutated). */
export function applyUpdate(
  doc: Document,
  spec: UpdateSpec,
  filter: Document,
  arrayFilters?: Document[],
  variables?: Document,
): UpdateOutcome {
  if (spec.kind === 'replacement') {
    if (spec.replacement._id !== undefined) checkIdUnchanged(doc, spec.replacement);
    // The replacement belongs to this one command and is used once, so it needs no copy.
    const document = withIdFirst(doc._id, spec.replacement);
    return { document, modified: !sameValue(doc, document) };
  }
  if (spec.kind === 'pipeline') {
    const [result] = evaluatePipeline([copyDocument(doc)], spec.pipeline, { variables });
    if (!isPlainObject(result))
      throw new MongoServerError('BadValue', 'the update pipeline did not produce a document');
    if (result._id !== undefined) checkIdUnchanged(doc, result);
    const document = result._id === undefined ? withIdFirst(doc._id, result) : result;
    return { document, modified: !sameValue(doc, document) };
  }
  const document = copyTouchedFields(doc, spec.modifier);
  const paths = applyOperators(document, spec.modifier, arrayFilters, filter, variables);
  checkIdUnchanged(doc, document);
  // Compare only what mingo says it touched: re-serializing large documents per update is costly.
  const modified = paths.some(
    (path) => path.includes('$') || valueKey(valueAtPath(doc, path)) !== valueKey(valueAtPath(document, path)),
  );
  return { document, modified };
}

/** The equality fields of a filter, which seed an upserted document (`{a: 1, 'b.c': 2}` -> `{a: 1, b: {c: 2}}`). */
function seedFromFilter(filter: Document, seed: Document = {}): Document {
  for (const [path, condition] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) seedFromFilter(clause, seed);
      continue;
    }
    if (path.startsWith('$')) continue;
    if (isPlainObject(condition) && Object.keys(condition).some((k) => k.startsWith('$'))) {
      if ('$eq' in condition) setAtPath(seed, path, condition.$eq);
      continue;
    }
    if (condition instanceof RegExp) continue;
    setAtPath(seed, path, condition);
  }
  return seed;
}

/** The document an upsert inserts when nothing matched `filter`. */
export function buildUpsertDocument(
  filter: Document,
  spec: UpdateSpec,
  arrayFilters?: Document[],
  variables?: Document,
): Document {
  const seed = copyDocument(seedFromFilter(filter));
  const seededId = seed._id;
  let doc: Document;
  if (spec.kind === 'replacement') {
    doc = copyDocument(spec.replacement);
    if (!('_id' in doc) && '_id' in seed) doc._id = seed._id;
  } else if (spec.kind === 'pipeline') {
    const [result] = evaluatePipeline([seed], spec.pipeline, { variables });
    doc = isPlainObject(result) ? result : seed;
  } else {
    doc = seed;
    applyOperators(doc, spec.modifier, arrayFilters, {});
    if (spec.setOnInsert) applyOperators(doc, { $set: spec.setOnInsert }, arrayFilters, {});
    if (seededId !== undefined) checkIdUnchanged({ _id: seededId }, doc);
  }
  return withIdFirst('_id' in doc ? doc._id : new ObjectId(), doc);
}
