/**
 * Finds the parts of a filter an index can answer: equality (`{f: v}`, `{f: {$eq: v}}`),
 * `{f: {$in: [...]}}`, case-sensitive anchored prefix regexes (`/^abc/`) and ranges of
 * strings, numbers or dates (`$gt`/`$gte`/`$lt`/`$lte`), also inside a top-level `$and`;
 * and the `$or` lists whose branches may each be answered that way.
 * Values that equality does not match one-to-one through an index key (arrays, operator
 * documents) are left to the scan.
 */
import type { Document } from 'bson';
import { isPlainObject } from './bson-value.util';

export interface RangeBound {
  value: unknown;
  inclusive: boolean;
}

export type IndexCondition =
  | { kind: 'equality'; path: string; values: unknown[] }
  | { kind: 'prefix'; path: string; prefix: string }
  | { kind: 'range'; path: string; lower?: RangeBound; upper?: RangeBound };

function isIndexableValue(value: unknown): boolean {
  if (Array.isArray(value) || value instanceof RegExp || value === undefined) return false;
  if (isPlainObject(value)) return Object.keys(value).every((k) => !k.startsWith('$'));
  return true;
}

const REGEX_SPECIAL = new Set(['.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$', '\\']);

/**
 * The literal text every match of `^literal...` starts with, or undefined when the pattern is
 * not anchored, has flags, or could match otherwise (an alternation).
 */
export function literalPrefix(source: string, flags: string): string | undefined {
  if (flags !== '' || !source.startsWith('^')) return undefined;
  let prefix = '';
  let i = 1;
  for (; i < source.length; i += 1) {
    const char = source[i];
    if (char === '\\') {
      const next = source[i + 1];
      if (next === undefined || /[0-9A-Za-z]/.test(next)) break;
      prefix += next;
      i += 1;
    } else if (REGEX_SPECIAL.has(char)) {
      break;
    } else {
      prefix += char;
    }
  }
  // A quantifier applies to the last literal character, which is then not certain.
  if (i < source.length && '*?{'.includes(source[i])) prefix = prefix.slice(0, -1);
  if (source.includes('|')) return undefined;
  return prefix === '' ? undefined : prefix;
}

function regexCondition(path: string, condition: unknown): IndexCondition | undefined {
  let source: string | undefined;
  let flags = '';
  if (condition instanceof RegExp) {
    source = condition.source;
    flags = condition.flags;
  } else if (isPlainObject(condition) && Object.keys(condition).every((k) => k === '$regex' || k === '$options')) {
    if (condition.$regex instanceof RegExp) {
      source = condition.$regex.source;
      flags = condition.$regex.flags;
    } else if (typeof condition.$regex === 'string') source = condition.$regex;
    if (typeof condition.$options === 'string') flags += condition.$options;
  }
  const prefix = source === undefined ? undefined : literalPrefix(source, flags);
  return prefix === undefined ? undefined : { kind: 'prefix', path, prefix };
}

/** What a range bound may be: comparisons only match values of the bound's own type (MongoDB's type bracketing). */
function rangeType(value: unknown): string | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' && !Number.isNaN(value)) return 'number';
  if (value instanceof Date) return 'date';
  return undefined;
}

function rangeCondition(path: string, condition: Document): IndexCondition | undefined {
  const operators = Object.keys(condition);
  if (!operators.every((op) => op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte')) return undefined;
  const bound = (strict: string, inclusive: string): RangeBound | undefined => {
    if (strict in condition && inclusive in condition) return undefined;
    if (strict in condition) return { value: condition[strict], inclusive: false };
    if (inclusive in condition) return { value: condition[inclusive], inclusive: true };
    return undefined;
  };
  const lower = bound('$gt', '$gte');
  const upper = bound('$lt', '$lte');
  const types = [lower, upper].filter((b) => b !== undefined).map((b) => rangeType(b.value));
  if (!types.length || types.some((t) => t === undefined) || new Set(types).size > 1) return undefined;
  return { kind: 'range', path, lower, upper };
}

export function indexConditions(filter: Document): IndexCondition[] {
  const conditions: IndexCondition[] = [];
  for (const [path, condition] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) conditions.push(...indexConditions(clause));
      continue;
    }
    if (path.startsWith('$')) continue;
    const prefix = regexCondition(path, condition);
    if (prefix) {
      conditions.push(prefix);
      continue;
    }
    if (isPlainObject(condition) && Object.keys(condition).some((k) => k.startsWith('$'))) {
      if ('$eq' in condition && isIndexableValue(condition.$eq))
        conditions.push({ kind: 'equality', path, values: [condition.$eq] });
      else if (Array.isArray(condition.$in) && condition.$in.every(isIndexableValue)) {
        conditions.push({ kind: 'equality', path, values: condition.$in });
      } else {
        const range = rangeCondition(path, condition);
        if (range) conditions.push(range);
      }
      continue;
    }
    if (isIndexableValue(condition)) conditions.push({ kind: 'equality', path, values: [condition] });
  }
  return conditions;
}

/** The branch lists of every `$or` that must hold (top level or inside `$and`). */
export function orBranches(filter: Document): Document[][] {
  const lists: Document[][] = [];
  if (Array.isArray(filter.$or) && filter.$or.every(isPlainObject)) lists.push(filter.$or as Document[]);
  if (Array.isArray(filter.$and)) {
    for (const clause of filter.$and) if (isPlainObject(clause)) lists.push(...orBranches(clause));
  }
  return lists;
}
