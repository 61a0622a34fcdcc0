/**
 * Helpers over deserialized BSON values: a canonical key per value (MongoDB equality, where
 * 5, 5.0 and Long(5) are the same number), deep copies, and the values an index sees at a path.
 */
import { EJSON, type Document } from 'bson';

export function isPlainObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function bsonTag(value: object): string | undefined {
  const tag = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

const MONGOD_TYPE_NAMES: Record<string, string> = {
  ObjectId: 'objectId',
  Long: 'long',
  Int32: 'int',
  Double: 'double',
  Decimal128: 'decimal',
  Binary: 'binData',
  Timestamp: 'timestamp',
};

/** The BSON type name mongod puts in its error messages (`string`, `bool`, `int`, `object`, ...). */
export function bsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  if (isPlainObject(value)) return 'object';
  const tag = typeof value === 'object' ? bsonTag(value) : undefined;
  return tag ? (MONGOD_TYPE_NAMES[tag] ?? tag.toLowerCase()) : typeof value;
}

/** A string equal for two values exactly when MongoDB's equality match treats them as equal. */
export function valueKey(value: unknown): string {
  if (value === undefined || value === null) return 'z';
  switch (typeof value) {
    case 'number':
      return `n:${value === 0 ? 0 : value}`;
    case 'bigint':
      return `n:${Number(value)}`;
    case 'string':
      return `s:${value}`;
    case 'boolean':
      return `b:${value}`;
    default:
      break;
  }
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (value instanceof RegExp) return `r:${value.source}/${value.flags}`;
  if (Array.isArray(value)) return `a:[${value.map(valueKey).join(',')}]`;
  if (typeof value === 'object') {
    const type = bsonTag(value);
    if (type === 'ObjectId') return `o:${(value as { toHexString(): string }).toHexString()}`;
    if (type === 'Long' || type === 'Int32' || type === 'Double') return `n:${Number(value.valueOf())}`;
    if (type === 'Decimal128') {
      const asNumber = Number(value.toString());
      return Number.isFinite(asNumber) ? `n:${asNumber}` : `dec:${value.toString()}`;
    }
    if (type) return `${type}:${EJSON.stringify(value as Document, { relaxed: false })}`;
    return `x:{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${valueKey(v)}`)
      .join(',')}}`;
  }
  return `?:${String(value)}`;
}

/**
 * A copy of a document's structure (sub-documents and arrays), so updates never touch the
 * stored version. BSON values (ObjectId, Date, Binary, ...) are shared: nothing in the server
 * mutates them, and copying them through BSON would cost a serialization per update.
 */
export function copyDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyDocument) as T;
  if (!isPlainObject(value)) return value;
  const copy: Document = {};
  for (const key of Object.keys(value)) copy[key] = copyDocument(value[key]);
  return copy as T;
}

/**
 * Whether two values would be stored identically (same field order, same values), compared
 * in place rather than by serializing both, which dominated the cost of replacing documents.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((element, i) => sameValue(element, b[i]));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every((key, i) => key === keysB[i] && sameValue(a[key], b[key]));
  }
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return valueKey(a) === valueKey(b) && bsonTag(a) === bsonTag(b);
}

/**
 * Every value an index on `path` holds for `doc`: arrays along the way fan out (multikey),
 * a missing field counts as null. May over-report (a superset is safe for candidate lookup).
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  return collect(doc, path.split('.'), 0);
}

function collect(value: unknown, parts: string[], depth: number): unknown[] {
  if (depth === parts.length) {
    if (Array.isArray(value)) return value.length ? value : [undefined];
    return [value];
  }
  if (Array.isArray(value)) {
    const out = value.flatMap((element) => (isPlainObject(element) ? collect(element, parts, depth) : [undefined]));
    if (/^\d+$/.test(parts[depth])) out.push(...collect(value[Number(parts[depth])], parts, depth + 1));
    return out.length ? out : [undefined];
  }
  if (isPlainObject(value)) return collect(value[parts[depth]], parts, depth + 1);
  return [undefined];
}

/** Whether an array lies anywhere along `path` in `doc` (which makes an index on it multikey). */
export function pathHasArray(doc: Document, path: string): boolean {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return true;
    if (!isPlainObject(current)) return false;
    current = current[part];
  }
  return Array.isArray(current);
}

/** The value at a dotted path without array fan-out, for building `keyValue` in errors. */
export function valueAtPath(doc: Document, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Document)[part];
  }
  return current;
}

/** Sets a dotted path, creating intermediate documents (used to seed upserted documents). */
export function setAtPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let current: Document = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(current[part])) current[part] = {};
    current = current[part] as Document;
  }
  current[parts[parts.length - 1]] = value;
}
