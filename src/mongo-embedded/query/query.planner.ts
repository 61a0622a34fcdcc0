/**
 * Which keys a query reads. First the parts of a filter an index can answer: equality
 * (`{f: v}`, `{f: {$eq: v}}`), `{f: {$in: [...]}}`, case-sensitive anchored prefix regexes
 * (`/^abc/`) and ranges of strings, numbers or dates (`$gt`/`$gte`/`$lt`/`$lte`), also inside a
 * top-level `$and`; and the `$or` lists whose branches may each be answered that way. Values that
 * equality does not match one-to-one through an index key (arrays, operator documents) are left
 * to the scan. Then, per index (the `_id` key included), the key ranges those parts allow: the
 * equalities on its leading fields, then a range or prefix on the next one; and of the indexes
 * that can answer, the one with the fewest keys in its ranges (counted up to a cap).
 */
import type { Document } from 'bson';
import { isPlainObject } from '../common/bson-value.util';
import type { CollectionState } from '../storage/collection.state';
import { encodeKey, KeyTag, prefixEnd, stringPrefixKey, typeStartKey } from '../storage/index-key.encoding';
import { HIGHEST_KEY, type KeyRange, type KeyTable } from '../storage/key-table.scan';

export interface RangeBound {
  value: unknown;
  inclusive: boolean;
}

type EqualityCondition = { kind: 'equality'; path: string; values: unknown[] };
type PrefixCondition = { kind: 'prefix'; path: string; prefix: string };
type RangeCondition = { kind: 'range'; path: string; lower?: RangeBound; upper?: RangeBound };

export type IndexCondition = EqualityCondition | PrefixCondition | RangeCondition;

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

/** An index as the planner sees it: `_id` (the documents' own key) or a full secondary index. */
interface KeySource {
  keys: KeyTable;
  fields: string[];
  multikey: boolean[];
  unique: boolean;
}

/** Reading some key ranges of one index. */
export interface IndexRead {
  source: KeySource;
  ranges: KeyRange[];
  /** How many leading fields the filter sets equal to given values. */
  equalFields: number;
  /** How many leading fields the ranges narrow (the equal ones, and one bounded after them). */
  narrowedFields: number;
  /** On a unique index whose every field is set equal: the keys themselves (each held at most once). */
  wholeKeys?: Buffer[];
}

/** The documents a filter may match: read from index ranges (a union, for an `$or`), or by scanning. */
export type AccessPlan =
  | { kind: 'scan' }
  | {
      kind: 'keys';
      reads: IndexRead[];
      /** Every document in the ranges matches the filter: none needs testing. */
      exact: boolean;
    };

/** Past this many equality combinations on later fields an index reads only the fields before them. */
const MAX_RANGES = 1000;
/** Candidate counts are compared up to this many keys per plan. */
const COUNT_CAP = 1001;

function keySources(collection: CollectionState): KeySource[] {
  const sources: KeySource[] = [{ keys: collection.idKeys, fields: ['_id'], multikey: [false], unique: true }];
  for (const index of collection.indexes) {
    if (!index.usableForLookup) continue;
    sources.push({ keys: index.keys, fields: index.fields, multikey: index.multikey, unique: !!index.spec.unique });
  }
  return sources;
}

function wholePrefix(prefix: Buffer): KeyRange {
  return { start: prefix, end: prefixEnd(prefix) ?? HIGHEST_KEY };
}

function rangeTag(value: unknown): number {
  if (typeof value === 'string') return KeyTag.string;
  return value instanceof Date ? KeyTag.date : KeyTag.number;
}

/** The keys under `prefix` whose next value meets a prefix or range condition. */
function boundedRange(prefix: Buffer, condition: PrefixCondition | RangeCondition, multikey: boolean): KeyRange {
  if (condition.kind === 'prefix') return wholePrefix(stringPrefixKey(prefix, condition.prefix));
  const { lower } = condition;
  // On a multikey field the two bounds may be met by different elements of one array.
  const upper = multikey && lower ? undefined : condition.upper;
  const tag = rangeTag((lower ?? upper)!.value);
  const at = (bound: RangeBound) => Buffer.concat([prefix, encodeKey(bound.value)]);
  const after = (bound: RangeBound) => prefixEnd(at(bound)) ?? HIGHEST_KEY;
  return {
    start: lower ? (lower.inclusive ? at(lower) : after(lower)) : typeStartKey(prefix, tag),
    end: upper ? (upper.inclusive ? after(upper) : at(upper)) : typeStartKey(prefix, tag + 1),
  };
}

function byPath(conditions: IndexCondition[]): Map<string, IndexCondition> {
  const map = new Map<string, IndexCondition>();
  for (const condition of conditions) {
    const known = map.get(condition.path);
    // Equality narrows most; otherwise the first condition on a path is as good as another.
    if (!known || (condition.kind === 'equality' && known.kind !== 'equality')) map.set(condition.path, condition);
  }
  return map;
}

/** Distinct keys of the values, in key order. */
function distinctKeys(values: unknown[]): Buffer[] {
  const keys = new Map<string, Buffer>();
  for (const value of values) {
    const key = encodeKey(value);
    keys.set(key.toString('latin1'), key);
  }
  return [...keys.values()].sort(Buffer.compare);
}

/** The ranges of `source` that `conditions` allow, or undefined when they say nothing about its first field. */
function indexRead(source: KeySource, conditions: Map<string, IndexCondition>): IndexRead | undefined {
  let prefixes = [Buffer.alloc(0)];
  let equalFields = 0;
  for (let i = 0; i < source.fields.length; i += 1) {
    const condition = conditions.get(source.fields[i]);
    if (!condition) break;
    if (condition.kind !== 'equality') {
      const ranges = prefixes.map((prefix) => boundedRange(prefix, condition, source.multikey[i]));
      return { source, ranges, equalFields, narrowedFields: equalFields + 1 };
    }
    const keys = distinctKeys(condition.values);
    // A long `$in` on the first field is a loader's batch: each value is one range.
    if (i > 0 && prefixes.length * keys.length > MAX_RANGES) break;
    prefixes = prefixes.flatMap((prefix) => keys.map((key) => Buffer.concat([prefix, key])));
    equalFields += 1;
  }
  if (equalFields === 0) return undefined;
  const read: IndexRead = { source, ranges: prefixes.map(wholePrefix), equalFields, narrowedFields: equalFields };
  if (source.unique && equalFields === source.fields.length) read.wholeKeys = prefixes;
  return read;
}

/** How many keys the reads cover, counted up to the cap. */
export function estimate(reads: IndexRead[]): number {
  let total = 0;
  for (const read of reads) {
    for (const range of read.ranges) {
      total += read.source.keys.count(range, COUNT_CAP);
      if (total >= COUNT_CAP) return COUNT_CAP;
    }
  }
  return total;
}

function isPlainScalar(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && !Number.isNaN(value)) ||
    value instanceof Date
  );
}

/**
 * Whether the filter is nothing but one top-level field equal to one of some non-null scalars:
 * then an index on that field (first) holds exactly MongoDB's matches, element by element on
 * arrays, and no document needs testing (which for a long `$in` would cost more than the read:
 * mingo rebuilds the list's set for every document).
 */
function exactEquality(filter: Document): string | undefined {
  const paths = Object.keys(filter);
  if (paths.length !== 1 || paths[0].startsWith('$') || paths[0].includes('.')) return undefined;
  const operand: unknown = filter[paths[0]];
  const operators = isPlainObject(operand) ? Object.keys(operand) : [];
  if (operators.length > 1 || (operators.length === 1 && operators[0] !== '$in' && operators[0] !== '$eq'))
    return undefined;
  const [condition] = indexConditions(filter);
  if (condition?.kind !== 'equality' || !condition.values.every(isPlainScalar)) return undefined;
  return condition.path;
}

interface Candidates {
  reads: IndexRead[];
  /** The keys they cover, up to COUNT_CAP; undefined until asked for. */
  estimate?: number;
}

function estimated(candidates: Candidates): number {
  candidates.estimate ??= estimate(candidates.reads);
  return candidates.estimate;
}

/** The index reads that answer `filter` best, or undefined when only a scan can. */
function bestReads(sources: KeySource[], filter: Document): Candidates | undefined {
  const conditions = byPath(indexConditions(filter));
  // By the fields they narrow: of two indexes that narrow the same fields (`{ a: 1 }` and
  // `{ a: 1, b: 1 }` for a filter on `a`), the one with fewer fields has smaller keys; no need to count.
  const byNarrowed = new Map<string, Candidates>();
  for (const source of sources) {
    const read = indexRead(source, conditions);
    if (!read) continue;
    // A unique index with every field equal to given values holds one key per value: nothing beats it.
    if (source.unique && read.equalFields === source.fields.length)
      return { reads: [read], estimate: read.ranges.length };
    const key = JSON.stringify(source.fields.slice(0, read.narrowedFields));
    const known = byNarrowed.get(key);
    if (!known || known.reads[0].source.fields.length > source.fields.length) byNarrowed.set(key, { reads: [read] });
  }
  const plans = [...byNarrowed.values()];
  for (const branches of orBranches(filter)) {
    const branchPlans = branches.map((branch) => bestReads(sources, branch));
    if (branchPlans.every((plan) => plan !== undefined))
      plans.push({ reads: branchPlans.flatMap((plan) => plan!.reads) });
  }
  if (plans.length <= 1) return plans[0];
  let best = plans[0];
  for (const plan of plans) {
    if (estimated(plan) < estimated(best)) best = plan;
    if (estimated(best) === 0) break;
  }
  return best;
}

export interface PlannedAccess {
  plan: AccessPlan;
  /** How many keys (or documents, for a scan) the plan reads, counted up to COUNT_CAP for index reads. */
  estimate(): number;
}

/** How to find the documents that may match `filter`. */
export function planAccess(collection: CollectionState, filter: Document): PlannedAccess {
  const scan: PlannedAccess = { plan: { kind: 'scan' }, estimate: () => collection.count };
  if (Object.keys(filter).length === 0) return scan;
  const best = bestReads(keySources(collection), filter);
  if (!best) return scan;
  const exactPath = exactEquality(filter);
  const exact = exactPath !== undefined && best.reads.length === 1 && best.reads[0].source.fields[0] === exactPath;
  return { plan: { kind: 'keys', reads: best.reads, exact }, estimate: () => estimated(best) };
}

/** The keys under `prefix` whose next value meets `condition` (for an `$in`, from its lowest value to its highest). */
function walkRange(prefix: Buffer, condition: IndexCondition): KeyRange {
  if (condition.kind !== 'equality') return boundedRange(prefix, condition, false);
  const keys = distinctKeys(condition.values);
  if (!keys.length) return { start: prefix, end: prefix };
  return {
    start: Buffer.concat([prefix, keys[0]]),
    end: prefixEnd(Buffer.concat([prefix, keys[keys.length - 1]])) ?? HIGHEST_KEY,
  };
}

/**
 * Where a walk on `sortPath` may start and stop: the filter's own bounds on that field, or, when
 * the filter has none but every branch of an `$or` has some, from the lowest branch's start to
 * the highest branch's end (every match is within one of them). A superset: the filter decides.
 */
function walkBounds(prefix: Buffer, filter: Document, sortPath: string): KeyRange {
  const own = byPath(indexConditions(filter)).get(sortPath);
  if (own) return walkRange(prefix, own);
  for (const branches of orBranches(filter)) {
    const ranges = branches.map((branch) => {
      const condition = byPath(indexConditions(branch)).get(sortPath);
      return condition && walkRange(prefix, condition);
    });
    if (!ranges.every((range) => range !== undefined)) continue;
    return {
      start: (ranges as KeyRange[]).map((range) => range.start).sort(Buffer.compare)[0],
      end: (ranges as KeyRange[]).map((range) => range.end).sort(Buffer.compare)[ranges.length - 1],
    };
  }
  return wholePrefix(prefix);
}

/**
 * A walk in the order of `sortPath`: an index whose fields before it are each set equal to one
 * value by the filter and whose `sortPath` field holds no arrays, read in key order within those
 * values (and within the filter's own bounds on `sortPath`, see walkBounds). Undefined when no
 * index gives it.
 */
export function orderedRead(collection: CollectionState, filter: Document, sortPath: string): IndexRead | undefined {
  const conditions = byPath(indexConditions(filter));
  for (const source of keySources(collection)) {
    const position = source.fields.indexOf(sortPath);
    if (position < 0 || source.multikey[position]) continue;
    const fixed = source.fields.slice(0, position).map((field) => {
      const condition = conditions.get(field);
      const keys = condition?.kind === 'equality' ? distinctKeys(condition.values) : [];
      return keys.length === 1 ? keys[0] : undefined;
    });
    if (!fixed.every((key) => key !== undefined)) continue;
    const range = walkBounds(Buffer.concat(fixed as Buffer[]), filter, sortPath);
    return { source, ranges: [range], equalFields: position, narrowedFields: position + 1 };
  }
  return undefined;
}
