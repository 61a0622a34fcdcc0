/**
 * Typed reads of command fields with MongoDB's errors for the wrong type, so each command
 * handler states what it expects instead of re-checking shapes by hand.
 */
import type { Document } from 'bson';
import { bsonTypeName, isPlainObject } from '../common/bson-value.util';
import { evaluateVariables } from '../query/mingo.context';
import { MongoServerError } from '../common/mongo-server.error';

function typeError(command: string, field: string, expected: string, value: unknown): MongoServerError {
  return new MongoServerError('TypeMismatch', `${command}.${field}: expected ${expected}, got ${bsonTypeName(value)}`);
}

export function commandName(cmd: Document): string {
  return Object.keys(cmd)[0] ?? '';
}

/** The collection a command names in its first field, e.g. `{ find: "people" }`. */
export function collectionArgument(cmd: Document): string {
  const name = commandName(cmd);
  const value = cmd[name];
  if (typeof value !== 'string') {
    throw new MongoServerError(
      'InvalidNamespace',
      `collection name has invalid type ${Array.isArray(value) ? 'array' : typeof value}`,
    );
  }
  return value;
}

export function optionalDocument(cmd: Document, field: string): Document | undefined {
  const value = cmd[field];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw typeError(commandName(cmd), field, 'object', value);
  return value;
}

export function requiredDocument(cmd: Document, field: string, context: string): Document {
  const value = cmd[field];
  if (!isPlainObject(value)) throw typeError(context, field, 'object', value);
  return value;
}

export function requiredDocumentArray(cmd: Document, field: string): Document[] {
  const value = cmd[field];
  if (!Array.isArray(value)) throw typeError(commandName(cmd), field, 'array', value);
  value.forEach((element, i) => {
    if (!isPlainObject(element)) throw typeError(commandName(cmd), `${field}.${i}`, 'object', element);
  });
  return value as Document[];
}

export function optionalNumber(cmd: Document, field: string): number | undefined {
  const value = cmd[field];
  if (value === undefined || value === null) return undefined;
  const numeric = typeof value === 'number' ? value : typeof value === 'object' ? Number(value.valueOf()) : NaN;
  if (!Number.isFinite(numeric)) throw typeError(commandName(cmd), field, 'number', value);
  return numeric;
}

export function nonNegative(cmd: Document, field: string): number | undefined {
  const value = optionalNumber(cmd, field);
  if (value !== undefined && value < 0) {
    throw new MongoServerError('BadValue', `${field} value must be non-negative, but received: ${value}`);
  }
  return value;
}

export function optionalBoolean(cmd: Document, field: string): boolean | undefined {
  const value = cmd[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  throw typeError(commandName(cmd), field, 'boolean', value);
}

/** The command's `let` variables, each evaluated once as an expression (`{ $literal: 'x' }` binds 'x'). */
export function commandVariables(cmd: Document): Document | undefined {
  return evaluateVariables(optionalDocument(cmd, 'let'));
}
