/**
 * Checks the operator arguments of a query filter that mingo would otherwise trip over with
 * a TypeError (reported as our bug): these are the client's mistakes and get MongoDB's
 * BadValue. (Regular expressions are checked where they are compiled, in mingo.context.)
 */
import type { Document } from 'bson';
import { isPlainObject } from '../common/bson-value.util';
import { MongoServerError } from '../common/mongo-server.error';

const ARRAY_OPERATORS = new Set(['$in', '$nin', '$all']);
const TYPE_ALIASES = new Set([
  'double',
  'string',
  'object',
  'array',
  'binData',
  'undefined',
  'objectId',
  'bool',
  'date',
  'null',
  'regex',
  'dbPointer',
  'javascript',
  'symbol',
  'javascriptWithScope',
  'int',
  'timestamp',
  'long',
  'decimal',
  'minKey',
  'maxKey',
  'number',
]);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);

function checkCondition(path: string, condition: unknown): void {
  if (!isPlainObject(condition)) return;
  for (const [operator, argument] of Object.entries(condition)) {
    if (ARRAY_OPERATORS.has(operator) && !Array.isArray(argument)) {
      throw new MongoServerError('BadValue', `${operator} needs an array (field "${path}")`);
    }
    if (operator === '$elemMatch' && !isPlainObject(argument))
      throw new MongoServerError('BadValue', `$elemMatch needs an object (field "${path}")`);
    if (operator === '$size' && typeof argument !== 'number')
      throw new MongoServerError('BadValue', `$size needs a number (field "${path}")`);
    if (operator === '$type') {
      for (const type of Array.isArray(argument) ? argument : [argument]) {
        if (typeof type === 'string' && !TYPE_ALIASES.has(type))
          throw new MongoServerError('BadValue', `Unknown type name alias: ${type}`);
      }
    }
    if (operator === '$not' || operator === '$elemMatch') checkCondition(path, argument);
    if (operator === '$elemMatch' && isPlainObject(argument)) validateFilter(argument);
  }
}

export function validateFilter(filter: Document): void {
  for (const [key, value] of Object.entries(filter)) {
    if (LOGICAL_OPERATORS.has(key)) {
      if (!Array.isArray(value) || value.length === 0)
        throw new MongoServerError('BadValue', `${key} must be a nonempty array`);
      for (const clause of value) {
        if (!isPlainObject(clause)) throw new MongoServerError('BadValue', `${key} argument's entries must be objects`);
        validateFilter(clause);
      }
    } else if (!key.startsWith('$')) {
      checkCondition(key, value);
    }
  }
}
