/**
 * mingo, as the server uses it: every query, aggregation, projection and update runs with one
 * operator context in which regular expressions (`$regex`, regex values, regexes inside `$in`,
 * `$nin`, `$all`, and `$regexMatch`/`$regexFind`/`$regexFindAll`) run on the linear-time engine
 * instead of JavaScript's backtracking one, and scripts (`$where`, `$function`, `$accumulator`)
 * are off. Import mingo's functions from here, never from `mingo` itself (ESLint enforces it).
 *
 * `{ $regex: 'p', $options: 'x' }` is rewritten to an operator of this module before mingo sees
 * it, because mingo would build a JavaScript RegExp from it, which cannot take option `x` or
 * PCRE-only syntax; regex values and regexes inside arrays reach the replaced operators as they are.
 */
import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query as MingoQuery } from 'mingo/query';
import type { Options } from 'mingo/types';
import { update as mingoUpdate } from 'mingo/updater';
import { ensureArray, flatten, isOperator, resolve } from 'mingo/util';
import { isPlainObject } from '../common/bson-value.util';
import { compileRegex, compileRegExp, LinearRegex } from './linear-regex.engine';
import { MongoServerError } from '../common/mongo-server.error';

/** The operator a `$regex` condition is rewritten to; its argument is a compiled LinearRegex. */
const LINEAR_REGEX = '$linearRegex';

type Predicate = (doc: Document) => boolean;
type QueryOperator = (selector: string, value: unknown, options: Options) => Predicate;
type ExpressionOperator = (obj: Document, expr: unknown, options: Options) => unknown;
type PipelineOperator = (collection: unknown, expr: unknown, options: Options) => unknown;
type ProjectionOperator = (obj: Document, expr: unknown, field: string, options: Options) => unknown;

function asLinear(value: unknown): LinearRegex | undefined {
  if (value instanceof LinearRegex) return value;
  if (value instanceof RegExp) return compileRegExp(value);
  return undefined;
}

/** Whether a field's value (or an element of it, one array level down, as mingo does) matches. */
function valueMatches(regex: LinearRegex, value: unknown): boolean {
  const test = (candidate: unknown): boolean => {
    if (typeof candidate === 'string') return regex.test(candidate);
    // A stored regular expression equal to the pattern matches too, as in MongoDB.
    return candidate instanceof RegExp && candidate.source === regex.source;
  };
  const values = ensureArray(value);
  return values.some(test) || flatten(values, 1).some(test);
}

function fieldPredicate(selector: string, test: (value: unknown) => boolean): Predicate {
  return (doc) => test(resolve(doc, selector, { unwrapArray: true }));
}

const linearRegex: QueryOperator = (selector, value) => {
  if (!(value instanceof LinearRegex)) throw new MongoServerError('BadValue', `unknown operator: ${LINEAR_REGEX}`);
  return fieldPredicate(selector, (field) => valueMatches(value, field));
};

/** `$regex` as mingo hands it on: a RegExp it built from a regex value or from `{ $regex }` it was not shown. */
const regex: QueryOperator = (selector, value) => {
  const compiled = asLinear(value);
  if (!compiled) throw new MongoServerError('BadValue', '$regex has to be a string');
  return fieldPredicate(selector, (field) => valueMatches(compiled, field));
};

/**
 * `$in`, `$nin` or `$all` with regexes among its values: `plainPart` (mingo's operator) for the
 * plain values, RE2 for the patterns, joined by `combine`. Without regexes, mingo's `original`.
 */
function withRegexElements(
  original: QueryOperator,
  plainPart: QueryOperator,
  combine: (plain: Predicate | undefined, patterns: Predicate[]) => Predicate,
): QueryOperator {
  return (selector, value, options) => {
    if (!Array.isArray(value) || !value.some((v) => v instanceof RegExp || v instanceof LinearRegex)) {
      return original(selector, value, options);
    }
    const plainValues = value.filter((v) => !(v instanceof RegExp) && !(v instanceof LinearRegex));
    const patterns = value
      .map(asLinear)
      .filter((v): v is LinearRegex => v !== undefined)
      .map((pattern) => fieldPredicate(selector, (field) => valueMatches(pattern, field)));
    return combine(plainValues.length ? plainPart(selector, plainValues, options) : undefined, patterns);
  };
}

const anyOf = (plain: Predicate | undefined, patterns: Predicate[]): Predicate => {
  return (doc) => (plain?.(doc) ?? false) || patterns.some((p) => p(doc));
};

const queryOverrides: Record<string, QueryOperator> = {
  [LINEAR_REGEX]: linearRegex,
  $regex: regex,
  $in: withRegexElements(queryOperators.$in as QueryOperator, queryOperators.$in as QueryOperator, anyOf),
  // A document matches $nin when it matches none of the values: the $in of them, negated.
  $nin: withRegexElements(
    queryOperators.$nin as QueryOperator,
    queryOperators.$in as QueryOperator,
    (plain, patterns) => {
      const matchesAny = anyOf(plain, patterns);
      return (doc) => !matchesAny(doc);
    },
  ),
  $all: withRegexElements(
    queryOperators.$all as QueryOperator,
    queryOperators.$all as QueryOperator,
    (plain, patterns) => {
      return (doc) => (plain?.(doc) ?? true) && patterns.every((p) => p(doc));
    },
  ),
  $not: (selector, value, options) =>
    (queryOperators.$not as QueryOperator)(selector, rewriteCondition(value), options),
  $elemMatch: (selector, value, options) =>
    (queryOperators.$elemMatch as QueryOperator)(selector, rewriteElemMatch(value), options),
};

/** The `{ input, regex, options }` of `$regexMatch`/`$regexFind`/`$regexFindAll`, evaluated. */
function regexArguments(
  name: string,
  obj: Document,
  expr: unknown,
  options: Options,
): { input: string; regex: LinearRegex } | undefined {
  const args = evalExpr(obj, expr, options) as { input?: unknown; regex?: unknown; options?: unknown };
  if (!isPlainObject(args)) throw new MongoServerError('BadValue', `${name} expects an object of named arguments`);
  const { input, regex: pattern, options: flags } = args;
  if (flags !== undefined && flags !== null && typeof flags !== 'string')
    throw new MongoServerError('BadValue', `${name} needs 'options' to be a string`);
  if (pattern instanceof RegExp && flags && optionsGiven(pattern)) {
    throw new MongoServerError('BadValue', `${name}: options cannot be given both in 'regex' and in 'options'`);
  }
  if (input === null || input === undefined || pattern === null || pattern === undefined) return undefined;
  if (typeof input !== 'string') throw new MongoServerError('BadValue', `${name} needs 'input' to be of type string`);
  if (pattern instanceof RegExp) return { input, regex: compileRegExp(pattern, (flags as string) ?? '') };
  if (typeof pattern !== 'string')
    throw new MongoServerError('BadValue', `${name} needs 'regex' to be of type string or regex`);
  return { input, regex: compileRegex(pattern, (flags as string) ?? '') };
}

function optionsGiven(pattern: RegExp): boolean {
  return pattern.ignoreCase || pattern.multiline || pattern.global || pattern.dotAll;
}

const expressionOverrides: Record<string, ExpressionOperator> = {
  $regexMatch: (obj, expr, options) => {
    const args = regexArguments('$regexMatch', obj, expr, options);
    return args ? args.regex.test(args.input) : false;
  },
  $regexFind: (obj, expr, options) => {
    const args = regexArguments('$regexFind', obj, expr, options);
    return args ? (args.regex.find(args.input, false)[0] ?? null) : null;
  },
  $regexFindAll: (obj, expr, options) => {
    const args = regexArguments('$regexFindAll', obj, expr, options);
    return args ? args.regex.find(args.input, true) : [];
  },
};

const pipelineOverrides: Record<string, PipelineOperator> = {
  $match: (collection, expr, options) =>
    (pipelineOperators.$match as PipelineOperator)(collection, rewriteFilter(expr as Document), options),
  $graphLookup: (collection, expr, options) => {
    const spec = expr as Document;
    const restrict = spec.restrictSearchWithMatch as Document | undefined;
    const rewritten = isPlainObject(restrict) ? { ...spec, restrictSearchWithMatch: rewriteFilter(restrict) } : spec;
    return (pipelineOperators.$graphLookup as PipelineOperator)(collection, rewritten, options);
  },
};

const projectionOverrides: Record<string, ProjectionOperator> = {
  $elemMatch: (obj, expr, field, options) =>
    (projectionOperators.$elemMatch as ProjectionOperator)(obj, rewriteFilter(expr as Document), field, options),
};

const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: { ...expressionOperators, ...expressionOverrides },
  pipeline: { ...pipelineOperators, ...pipelineOverrides },
  projection: { ...projectionOperators, ...projectionOverrides },
  query: { ...queryOperators, ...queryOverrides },
  window: windowOperators,
} as unknown as Parameters<typeof Context.init>[0]);

/** What a caller may set: `let` variables and, for `$lookup`/`$unionWith`, other collections. */
export interface MingoOptions {
  variables?: Document;
  collectionResolver?: (name: string) => Document[];
}

function withContext(options: MingoOptions = {}): Partial<Options> {
  return { ...options, context: CONTEXT, scriptEnabled: false } as Partial<Options>;
}

/** A `$regex` (with its `$options`) as the operator of this module, compiled. */
function linearRegexOf(condition: Document): LinearRegex {
  const { $regex: pattern, $options: flags } = condition;
  if (flags !== undefined && typeof flags !== 'string')
    throw new MongoServerError('BadValue', '$options has to be a string');
  if (pattern instanceof RegExp) {
    if (flags && optionsGiven(pattern))
      throw new MongoServerError('BadValue', 'options set in both $regex and $options');
    return compileRegExp(pattern, flags ?? '');
  }
  if (typeof pattern !== 'string') throw new MongoServerError('BadValue', '$regex has to be a string');
  return compileRegex(pattern, flags ?? '');
}

/** A field's condition with any `$regex`/`$options` replaced by the linear-time operator. */
export function rewriteCondition(condition: unknown): unknown {
  if (!isPlainObject(condition) || !Object.keys(condition).some(isOperator)) return condition;
  const rewritten: Document = {};
  for (const [operator, argument] of Object.entries(condition)) {
    if (operator === '$regex') rewritten[LINEAR_REGEX] = linearRegexOf(condition);
    else if (operator === '$options') {
      if (!('$regex' in condition)) throw new MongoServerError('BadValue', '$options needs a $regex');
    } else if (operator === '$not') rewritten.$not = rewriteCondition(argument);
    else if (operator === '$elemMatch') rewritten.$elemMatch = rewriteElemMatch(argument);
    else rewritten[operator] = argument;
  }
  return rewritten;
}

/** `$elemMatch`'s argument: conditions on each element (all operators) or a filter over its fields. */
function rewriteElemMatch(criteria: unknown): unknown {
  if (!isPlainObject(criteria)) return criteria;
  const logical = ['$and', '$or', '$nor'];
  const onElements = Object.keys(criteria).every((key) => isOperator(key) && !logical.includes(key));
  return onElements ? rewriteCondition(criteria) : rewriteFilter(criteria);
}

/** A query filter with every `$regex` condition, at any depth, on the linear-time engine. */
export function rewriteFilter(filter: Document): Document {
  if (!isPlainObject(filter)) return filter;
  const rewritten: Document = {};
  for (const [key, value] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
      rewritten[key] = value.map((clause) => rewriteFilter(clause as Document));
    } else if (key.startsWith('$')) rewritten[key] = value;
    else rewritten[key] = rewriteCondition(value);
  }
  return rewritten;
}

/** A compiled query filter (mingo's Query) on the server's operator context. */
export class Query extends MingoQuery {
  constructor(filter: Document, options: MingoOptions = {}) {
    super(rewriteFilter(filter), withContext(options));
  }
}

export function aggregate(documents: Iterable<Document>, pipeline: Document[], options: MingoOptions = {}): Document[] {
  return new Aggregator(pipeline, withContext(options)).run(documents) as Document[];
}

/** The documents of `documents` that match `filter`, projected. */
export function find(documents: Document[], filter: Document, projection?: Document): Document[] {
  return new Query(filter).find(documents, projection).all() as Document[];
}

/** Applies update operators to `doc` in place (mingo's update); returns the paths it changed. */
export function update(
  doc: Document,
  modifier: Document,
  arrayFilters: Document[] | undefined,
  filter: Document,
  options: MingoOptions & { cloneMode?: 'deep' | 'copy' | 'none' } = {},
): string[] {
  const { cloneMode, ...queryOptions } = options;
  const pull = modifier.$pull;
  const rewrittenModifier = isPlainObject(pull)
    ? {
        ...modifier,
        $pull: Object.fromEntries(Object.entries(pull).map(([path, c]) => [path, rewritePullCondition(c)])),
      }
    : modifier;
  return mingoUpdate(doc, rewrittenModifier, arrayFilters?.map(rewriteFilter), rewriteFilter(filter), {
    cloneMode,
    queryOptions: withContext(queryOptions),
  });
}

/** A `$pull` condition: a condition on the element (operators) or a filter over its fields. */
function rewritePullCondition(condition: unknown): unknown {
  if (!isPlainObject(condition)) return condition;
  return Object.keys(condition).some(isOperator) ? rewriteCondition(condition) : rewriteFilter(condition);
}

/**
 * A command's `let` variables, each evaluated once as an aggregation expression, as mongod does
 * (`{ y: { $literal: 'x' } }` binds 'x'); names must start with a lowercase letter.
 */
export function evaluateVariables(variables: Document | undefined): Document | undefined {
  if (!variables) return undefined;
  const values: Document = {};
  for (const [name, expression] of Object.entries(variables)) {
    if (!/^[a-z][A-Za-z0-9_]*$/.test(name)) {
      throw new MongoServerError(
        'FailedToParse',
        `'${name}' starts with an invalid character for a user variable name`,
      );
    }
    values[name] = evalExpr({}, expression, withContext() as Options);
  }
  return values;
}
