/**
 * Which keys a query reads. First the parts of a filter an index can answer: equality
 * (`{f: v}`, `{f: {$eq: v}}`), `{f: {$in: [...]}}`, case-sensitive anchored prefix regexes
 * (`/^abc/`) and ranges of strings, numbers or dates (`$gt`/`$gte`/`$lt`/`$lte`), also inside a
 * top-level `$and`; and the `$or` lists whose branches may each be answered that way. Values that
 * equality does not match one-to-one through an index key (arrays, operator documents) are left
 * to the scan. Then, per index (the `_id` key included), the key ranges those parts allow: the
 * equalities on its leading fields, then a range or prefix on the next one; and of the indexes
 * that can answer, the one with the fewest keys in its ranges (counted up to a cap). As mongod's
 * fetch stage does, a document read through those ranges is then tested only against the
 * conditions the ranges do not already decide (the residual filter).
 */
import { EJSON, type Document } from 'bson';
import { isPlainObject } from '../common/bson-value.util';
import type { CollectionState } from '../storage/collection.state';
import { encodeKey, KeyTag, prefixEnd, stringPrefixKey, typeStartKey } from '../storage/index-key.encoding';
import { HIGHEST_KEY, type KeyRange, type KeyTable } from '../storage/key-table.scan';

export interface RangeBound {
  value: unknown;
  inclusive: boolean;
}

/** One condition that must hold: a field with its condition, or an operator clause (`$or`, `$expr`, ...). */
export interface Clause {
  path: string;
  value: unknown;
}

type EqualityCondition = { kind: 'equality'; path: string; values: unknown[] };
type PrefixCondition = { kind: 'prefix'; path: string; prefix: string };
type RangeCondition = { kind: 'range'; path: string; lower?: RangeBound; upper?: RangeBound };

/**
 * What an index can answer of a clause. `sole`: the clause says nothing else, and says it of
 * plain values only (so keys in the condition's ranges are exactly the clause's matches on a
 * field that holds no arrays, and for equality on any field).
 */
export type IndexCondition = (EqualityCondition | PrefixCondition | RangeCondition) & { clause: Clause; sole: boolean };

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

function regexCondition(path: string, condition: unknown): PrefixCondition | undefined {
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

function rangeCondition(path: string, condition: Document): RangeCondition | undefined {
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

/** The clauses that must all hold: the filter's own, with those of a top-level `$and` in its place. */
export function clausesOf(filter: Document): Clause[] {
  const clauses: Clause[] = [];
  for (const [path, value] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(value) && value.length && value.every(isPlainObject)) {
      for (const part of value) clauses.push(...clausesOf(part));
    } else clauses.push({ path, value });
  }
  return clauses;
}

function conditionOf(clause: Clause): IndexCondition | undefined {
  const { path, value: condition } = clause;
  if (path.startsWith('$')) return undefined;
  const prefix = regexCondition(path, condition);
  if (prefix) return { ...prefix, clause, sole: false };
  if (isPlainObject(condition) && Object.keys(condition).some((k) => k.startsWith('$'))) {
    const operators = Object.keys(condition);
    const values =
      '$eq' in condition && isIndexableValue(condition.$eq)
        ? [condition.$eq]
        : Array.isArray(condition.$in) && condition.$in.every(isIndexableValue)
          ? condition.$in
          : undefined;
    if (values) {
      const sole = operators.length === 1 && values.every(isPlainScalar);
      return { kind: 'equality', path, values, clause, sole };
    }
    const range = rangeCondition(path, condition);
    return range && { ...range, clause, sole: true };
  }
  if (!isIndexableValue(condition)) return undefined;
  return { kind: 'equality', path, values: [condition], clause, sole: isPlainScalar(condition) };
}

/** The filter less its equalities and `$in`s of plain scalars and its ranges (what an index may decide); null when nothing else. */
export function beyondPlainConditions(filter: Document): Document | null {
  return residualFilter(
    filter,
    clausesOf(filter).filter((clause) => conditionOf(clause)?.sole === true),
  );
}

export function indexConditions(filter: Document): IndexCondition[] {
  return clausesOf(filter).flatMap((clause) => conditionOf(clause) ?? []);
}

/**
 * Whether keys in the condition's ranges on an index field are exactly the documents its clause
 * matches. Dotted paths are left to the test: through arrays of sub-documents, MongoDB's matching
 * and the index's keys part ways. `eachValue`: an equality's ranges hold its values and nothing
 * between them (a walk reads an `$in` from its lowest value to its highest).
 */
function decides(condition: IndexCondition, multikey: boolean, eachValue: boolean): boolean {
  if (!condition.sole || condition.path.includes('.')) return false;
  if (condition.kind === 'equality') return eachValue;
  // On an array field, the two bounds of a range may be met by two different elements.
  return condition.kind === 'range' && !multikey;
}

/** The filter less the clauses an index read decides; null when it decides every one. */
export function residualFilter(filter: Document, decided: readonly Clause[]): Document | null {
  const rest = clausesOf(filter).filter(
    (clause) => !decided.some((known) => known.path === clause.path && known.value === clause.value),
  );
  if (!rest.length) return null;
  if (rest.length === 1) return { [rest[0].path]: rest[0].value };
  return { $and: rest.map((clause) => ({ [clause.path]: clause.value })) };
}

/** The `$or` clauses that must hold (top level or inside `$and`), each with its branches. */
function orClauses(clauses: Clause[]): Array<{ clause: Clause; branches: Document[] }> {
  return clauses.flatMap((clause) =>
    clause.path === '$or' && Array.isArray(clause.value) && clause.value.length && clause.value.every(isPlainObject)
      ? [{ clause, branches: clause.value as Document[] }]
      : [],
  );
}

/**
 * An index as the planner sees it: `_id` (the documents' own key), a full secondary index, or
 * a partial one whose filter expression the query's own clauses state (as mongod requires).
 */
interface KeySource {
  keys: KeyTable;
  fields: string[];
  multikey: boolean[];
  unique: boolean;
  /** The query's clauses that the partial index's expression is made of: every document it holds meets them. */
  implied: Clause[];
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
  /** The clauses every key in the ranges meets, and no other key: no document read needs testing against them. */
  decided: Clause[];
}

/** The documents a filter may match: read from index ranges (a union, for an `$or`), or by scanning. */
export type AccessPlan =
  | { kind: 'scan' }
  | {
      kind: 'keys';
      reads: IndexRead[];
      /** What a document in the ranges must still be tested against; null when every one matches. */
      residual: Document | null;
    };

/** Past this many equality combinations on later fields an index reads only the fields before them. */
const MAX_RANGES = 1000;
/** Candidate counts are compared up to this many keys per plan. */
const COUNT_CAP = 1001;

const sameValue = (a: unknown, b: unknown): boolean =>
  EJSON.stringify({ v: a } as Document, { relaxed: false }) ===
  EJSON.stringify({ v: b } as Document, { relaxed: false });

/** The clauses each clause of `expression` is one of, or undefined when some clause is not among them. */
function impliedClauses(expression: Document, clauses: Clause[]): Clause[] | undefined {
  const implied: Clause[] = [];
  for (const needed of clausesOf(expression)) {
    const found = clauses.find((clause) => clause.path === needed.path && sameValue(clause.value, needed.value));
    if (!found) return undefined;
    implied.push(found);
  }
  return implied;
}

function keySources(collection: CollectionState, clauses: Clause[]): KeySource[] {
  const sources: KeySource[] = [
    { keys: collection.idKeys, fields: ['_id'], multikey: [false], unique: true, implied: [] },
  ];
  for (const index of collection.indexes) {
    // A sparse index leaves out the documents without its fields, which `{ f: null }` matches.
    if (index.spec.sparse) continue;
    const { partialFilterExpression } = index.spec;
    const implied = partialFilterExpression ? impliedClauses(partialFilterExpression, clauses) : [];
    if (!implied) continue;
    sources.push({
      keys: index.keys,
      fields: index.fields,
      multikey: index.multikey,
      unique: !!index.spec.unique,
      implied,
    });
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
  const decided: Clause[] = [...source.implied];
  for (let i = 0; i < source.fields.length; i += 1) {
    const condition = conditions.get(source.fields[i]);
    if (!condition) break;
    if (condition.kind !== 'equality') {
      const ranges = prefixes.map((prefix) => boundedRange(prefix, condition, source.multikey[i]));
      if (decides(condition, source.multikey[i], true)) decided.push(condition.clause);
      return { source, ranges, equalFields, narrowedFields: equalFields + 1, decided };
    }
    const keys = distinctKeys(condition.values);
    // A long `$in` on the first field is a loader's batch: each value is one range.
    if (i > 0 && prefixes.length * keys.length > MAX_RANGES) break;
    prefixes = prefixes.flatMap((prefix) => keys.map((key) => Buffer.concat([prefix, key])));
    equalFields += 1;
    if (decides(condition, source.multikey[i], true)) decided.push(condition.clause);
  }
  if (equalFields === 0) return undefined;
  const read: IndexRead = {
    source,
    ranges: prefixes.map(wholePrefix),
    equalFields,
    narrowedFields: equalFields,
    decided,
  };
  if (source.unique && equalFields === source.fields.length) read.wholeKeys = prefixes;
  return read;
}

/** How many keys the reads cover, counted up to `cap`. */
export function estimate(reads: IndexRead[], cap = COUNT_CAP): number {
  let total = 0;
  for (const read of reads) {
    for (const range of read.ranges) {
      total += read.source.keys.count(range, cap - total);
      if (total >= cap) return cap;
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

interface Candidates {
  reads: IndexRead[];
  /** What a document they read must still be tested against; null when every one matches. */
  residual: Document | null;
  /** The keys they cover, up to COUNT_CAP; undefined until asked for. */
  estimate?: number;
}

function estimated(candidates: Candidates): number {
  candidates.estimate ??= estimate(candidates.reads);
  return candidates.estimate;
}

/** The index reads that answer `filter` best, or undefined when only a scan can. */
function bestReads(collection: CollectionState, filter: Document): Candidates | undefined {
  const clauses = clausesOf(filter);
  const sources = keySources(collection, clauses);
  const conditions = byPath(clauses.flatMap((clause) => conditionOf(clause) ?? []));
  // By the fields they narrow: of two indexes that narrow the same fields (`{ a: 1 }` and
  // `{ a: 1, b: 1 }` for a filter on `a`), the one with fewer fields has smaller keys; no need to count.
  const byNarrowed = new Map<string, Candidates>();
  for (const source of sources) {
    const read = indexRead(source, conditions);
    if (!read) continue;
    const residual = residualFilter(filter, read.decided);
    // A unique index with every field equal to given values holds one key per value: nothing beats it.
    if (source.unique && read.equalFields === source.fields.length)
      return { reads: [read], residual, estimate: read.ranges.length };
    const key = JSON.stringify(source.fields.slice(0, read.narrowedFields));
    const known = byNarrowed.get(key);
    if (!known || known.reads[0].source.fields.length > source.fields.length)
      byNarrowed.set(key, { reads: [read], residual });
  }
  // An index that narrows every field another narrows, and more, reads no more keys: no need to count.
  const plans = [...byNarrowed.values()].filter(
    (plan, _, all) => !all.some((other) => other !== plan && narrowsMore(other, plan)),
  );
  for (const { clause, branches } of orClauses(clauses)) {
    const branchPlans = branches.map((branch) => bestReads(collection, branch));
    if (!branchPlans.every((plan) => plan !== undefined)) continue;
    // Branches each read exactly: their union is exactly the `$or`'s matches, the rest is still to test.
    const exact = branchPlans.every((plan) => plan!.residual === null);
    plans.push({
      reads: branchPlans.flatMap((plan) => plan!.reads),
      residual: exact ? residualFilter(filter, [clause]) : filter,
    });
  }
  if (plans.length <= 1) return plans[0];
  // The fewest keys; of as many, one whose documents need no test.
  const better = (plan: Candidates, than: Candidates) =>
    estimated(plan) < estimated(than) ||
    (estimated(plan) === estimated(than) && plan.residual === null && than.residual !== null);
  let best = plans[0];
  for (const plan of plans) {
    if (better(plan, best)) best = plan;
    if (estimated(best) === 0 && best.residual === null) break;
  }
  return best;
}

function narrowedPaths(candidates: Candidates): string[] {
  const [read] = candidates.reads;
  return read.source.fields.slice(0, read.narrowedFields);
}

/** Whether `a`'s index narrows a strict superset of the fields `b`'s narrows (with the same conditions). */
function narrowsMore(a: Candidates, b: Candidates): boolean {
  const paths = narrowedPaths(a);
  const others = narrowedPaths(b);
  return paths.length > others.length && others.every((path) => paths.includes(path));
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
  const best = bestReads(collection, filter);
  if (!best) return scan;
  return { plan: { kind: 'keys', reads: best.reads, residual: best.residual }, estimate: () => estimated(best) };
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

/** The ranges in key order, overlapping ones merged. */
function mergedRanges(ranges: KeyRange[]): KeyRange[] {
  const merged: KeyRange[] = [];
  for (const range of [...ranges].sort((a, b) => Buffer.compare(a.start, b.start))) {
    const last = merged[merged.length - 1];
    if (last && Buffer.compare(range.start, last.end) <= 0) {
      if (Buffer.compare(range.end, last.end) > 0) last.end = range.end;
    } else merged.push({ ...range });
  }
  return merged;
}

/**
 * Where a walk on `sortPath` may go: the filter's own bounds on that field, or, when the filter
 * has none but every branch of an `$or` has some, the branches' bounds (every match is within
 * one of them), in key order. A superset: the filter decides.
 */
function walkBounds(prefix: Buffer, clauses: Clause[], own: IndexCondition | undefined, sortPath: string): KeyRange[] {
  if (own) return [walkRange(prefix, own)];
  for (const { branches } of orClauses(clauses)) {
    const ranges = branches.map((branch) => {
      const condition = byPath(indexConditions(branch)).get(sortPath);
      return condition && walkRange(prefix, condition);
    });
    if (ranges.every((range) => range !== undefined)) return mergedRanges(ranges as KeyRange[]);
  }
  return [wholePrefix(prefix)];
}

/**
 * A walk in the order of `sortPath`: an index whose fields before it are each set equal to one
 * value by the filter and whose `sortPath` field holds no arrays, read in key order within those
 * values (and within the filter's own bounds on `sortPath`, see walkBounds). Undefined when no
 * index gives it.
 */
export function orderedRead(collection: CollectionState, filter: Document, sortPath: string): IndexRead | undefined {
  const clauses = clausesOf(filter);
  const conditions = byPath(clauses.flatMap((clause) => conditionOf(clause) ?? []));
  for (const source of keySources(collection, clauses)) {
    const position = source.fields.indexOf(sortPath);
    if (position < 0 || source.multikey[position]) continue;
    const before = source.fields.slice(0, position).map((field) => conditions.get(field));
    const fixed = before.map((condition) => {
      const keys = condition?.kind === 'equality' ? distinctKeys(condition.values) : [];
      return keys.length === 1 ? keys[0] : undefined;
    });
    if (!fixed.every((key) => key !== undefined)) continue;
    const own = conditions.get(sortPath);
    const ranges = walkBounds(Buffer.concat(fixed as Buffer[]), clauses, own, sortPath);
    const eachValue = own?.kind !== 'equality' || distinctKeys(own.values).length === 1;
    const decided = [...before, own].filter(
      (condition): condition is IndexCondition => condition !== undefined && decides(condition, false, eachValue),
    );
    return {
      source,
      ranges,
      equalFields: position,
      narrowedFields: position + 1,
      decided: [...source.implied, ...decided.map((condition) => condition.clause)],
    };
  }
  return undefined;
}
