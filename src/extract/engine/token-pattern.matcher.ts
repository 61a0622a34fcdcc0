/**
 * The one engine every rule table runs on: matches token patterns against a sentence's words,
 * with entity mentions found by earlier stages matched whole. Depth-first backtracking over
 * bounded repeats (longest first); one occurrence of a spec has one way to match (a nested
 * sequence matches greedily), so a pattern tries few alternatives and matching a sentence stays
 * linear in its length. Patterns are compiled once into closures over sets.
 */
import type { Word } from '../text/sentence.splitter';
import type { EntityKind, PatternMatch, TokenPattern, TokenSpec, WordRange, WordSpec } from './token-pattern.type';
import { holdsAt, predicateIndex, type WordPredicate } from './word.predicates';

const DEFAULT_MAX_REPEATS = 6;

/** What patterns run against: a sentence's words and the mentions known in it. */
export interface MatchTarget {
  readonly words: readonly Word[];
  /** The end (exclusive) of a mention of one of `kinds` that starts at word `at`, or -1. */
  mentionEnd(at: number, kinds: readonly EntityKind[]): number;
  /** Whether word `at` is part of a mention of one of `kinds`. */
  inMention(at: number, kinds: readonly EntityKind[]): boolean;
}

/** Captured groups as a chain, newest first (cheaper to extend than an object), made a record once a pattern matches. */
interface Groups {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly previous: Groups | null;
}
const NO_GROUPS = null;

function recordOf(groups: Groups | null): Record<string, WordRange> {
  const out: Record<string, WordRange> = {};
  for (let g = groups; g; g = g.previous) {
    const known = out[g.name];
    out[g.name] = known
      ? { from: Math.min(known.from, g.from), to: Math.max(known.to, g.to) }
      : { from: g.from, to: g.to };
  }
  return out;
}

/**
 * One occurrence of a spec at a word: where it ends, or -1. A nested sequence leaves the groups it
 * captured in `captured` (the only state shared between steps, read right after the call).
 */
type Step = (target: MatchTarget, at: number, groups: Groups | null) => number;
let captured: Groups | null = null;

interface CompiledSpec {
  step: Step;
  min: number;
  max: number;
  as: string | undefined;
}

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

function capture(groups: Groups | null, name: string | undefined, from: number, to: number): Groups | null {
  return !name || to <= from ? groups : { name, from, to, previous: groups };
}

function compileWord(spec: WordSpec): Step {
  const lowers = spec.lower ? new Set(spec.lower) : null;
  const texts = spec.text ? new Set(spec.text) : null;
  const tags = spec.pos ? new Set(spec.pos) : null;
  const required = asList<WordPredicate>(spec.is).map(predicateIndex);
  const forbidden = asList<WordPredicate>(spec.not).map(predicateIndex);
  const outside = spec.outside;
  return (target, at, groups) => {
    const word = target.words[at];
    if (!word) return -1;
    if (lowers && !lowers.has(word.lower)) return -1;
    if (texts && !texts.has(word.text)) return -1;
    if (tags && !tags.has(word.pos)) return -1;
    for (const p of required) if (!holdsAt(p, word)) return -1;
    for (const p of forbidden) if (holdsAt(p, word)) return -1;
    if (outside && target.inMention(at, outside)) return -1;
    captured = groups;
    return at + 1;
  };
}

function compileSpec(spec: TokenSpec): CompiledSpec {
  const max = spec.max ?? DEFAULT_MAX_REPEATS;
  const [min, most] = spec.op === '?' ? [0, 1] : spec.op === '*' ? [0, max] : spec.op === '+' ? [1, max] : [1, 1];
  let step: Step;
  if ('seq' in spec) {
    const inner = spec.seq.map(compileSpec);
    step = (target, at, groups) => {
      const found = matchSequence(inner, 0, target, at, groups);
      if (!found) return -1;
      captured = found.groups;
      return found.end;
    };
  } else if ('entity' in spec) {
    const kinds = asList(spec.entity);
    step = (target, at, groups) => {
      const end = target.mentionEnd(at, kinds);
      captured = groups;
      return end > at ? end : -1;
    };
  } else step = compileWord(spec);
  return { step, min, max: most, as: spec.as };
}

/** The first way `specs[index..]` match from `at`, trying the longest repeats first; null if none does. */
function matchSequence(
  specs: readonly CompiledSpec[],
  index: number,
  target: MatchTarget,
  at: number,
  groups: Groups | null,
): { end: number; groups: Groups | null } | null {
  if (index === specs.length) return { end: at, groups };
  const spec = specs[index];
  if (spec.max === 1) {
    // the common case, without lists: one occurrence if it fits, else none if allowed
    const end = spec.step(target, at, groups);
    if (end > at) {
      const found = matchSequence(specs, index + 1, target, end, capture(captured, spec.as, at, end));
      if (found) return found;
    }
    return spec.min === 0 ? matchSequence(specs, index + 1, target, at, groups) : null;
  }
  // most repeats fail at once: no lists for them
  const first = spec.step(target, at, groups);
  if (first <= at) return spec.min === 0 ? matchSequence(specs, index + 1, target, at, groups) : null;
  // where each number of occurrences ends: one way each, so the list is short
  const ends: number[] = [at, first];
  const inner: Array<Groups | null> = [groups, captured];
  for (let n = 2; n <= spec.max; n++) {
    const end = spec.step(target, ends[n - 1], inner[n - 1]);
    // an occurrence that consumes nothing would repeat forever
    if (end <= ends[n - 1]) break;
    ends.push(end);
    inner.push(captured);
  }
  for (let n = ends.length - 1; n >= spec.min; n--) {
    const found = matchSequence(specs, index + 1, target, ends[n], capture(inner[n], spec.as, at, ends[n]));
    if (found) return found;
  }
  return null;
}

const compiled = new WeakMap<TokenPattern<string>, readonly CompiledSpec[]>();

function compiledOf(pattern: TokenPattern<string>): readonly CompiledSpec[] {
  let specs = compiled.get(pattern);
  if (!specs) {
    specs = pattern.tokens.map(compileSpec);
    compiled.set(pattern, specs);
  }
  return specs;
}

function matchCompiled<Id extends string>(
  id: Id,
  specs: readonly CompiledSpec[],
  target: MatchTarget,
  at: number,
): PatternMatch<Id> | null {
  const found = matchSequence(specs, 0, target, at, NO_GROUPS);
  return found && found.end > at ? { id, from: at, to: found.end, groups: recordOf(found.groups) } : null;
}

/** The pattern's match starting exactly at word `at`, preferring the longest repeats, or null. */
export function matchAt<Id extends string>(
  pattern: TokenPattern<Id>,
  target: MatchTarget,
  at: number,
): PatternMatch<Id> | null {
  return matchCompiled(pattern.id, compiledOf(pattern), target, at);
}

/** A table's pattern, compiled, with the words its first token must be (null: any word may open it). */
interface CompiledPattern {
  readonly id: string;
  readonly specs: readonly CompiledSpec[];
  readonly opensWith: ReadonlySet<string> | null;
}

/** `met with`, `held talks`: a pattern whose first token is a required word in `lower` can open only there. */
function openingWords(pattern: TokenPattern<string>): ReadonlySet<string> | null {
  const first = pattern.tokens[0];
  const required = first && first.op !== '?' && first.op !== '*';
  return required && 'lower' in first && first.lower ? new Set(first.lower) : null;
}

const compiledTables = new WeakMap<readonly TokenPattern<string>[], readonly CompiledPattern[]>();

/** A table's patterns compiled once: tables are module constants, matched many times a sentence. */
function compiledTable(patterns: readonly TokenPattern<string>[]): readonly CompiledPattern[] {
  let table = compiledTables.get(patterns);
  if (!table) {
    table = patterns.map((p) => ({ id: p.id, specs: compiledOf(p), opensWith: openingWords(p) }));
    compiledTables.set(patterns, table);
  }
  return table;
}

/** The matches of a table's patterns starting at word `at`, in table order, added to `out`. */
function matchTableAt<Id extends string>(
  table: readonly CompiledPattern[],
  target: MatchTarget,
  at: number,
  out: PatternMatch<Id>[],
): void {
  const word = target.words[at].lower;
  for (const pattern of table) {
    if (pattern.opensWith && !pattern.opensWith.has(word)) continue;
    const match = matchCompiled(pattern.id as Id, pattern.specs, target, at);
    if (match) out.push(match);
  }
}

/** Every match of every pattern starting at a word in [from, to) (the whole sentence by default), in order. */
export function matchAll<Id extends string>(
  patterns: readonly TokenPattern<Id>[],
  target: MatchTarget,
  from = 0,
  to = target.words.length,
): PatternMatch<Id>[] {
  const out: PatternMatch<Id>[] = [];
  const table = compiledTable(patterns);
  for (let at = Math.max(0, from); at < Math.min(to, target.words.length); at++) matchTableAt(table, target, at, out);
  return out;
}

/** Every match of every pattern starting at one of the given words, in the order of `starts`. */
export function matchAllAt<Id extends string>(
  patterns: readonly TokenPattern<Id>[],
  target: MatchTarget,
  starts: Iterable<number>,
): PatternMatch<Id>[] {
  const out: PatternMatch<Id>[] = [];
  const table = compiledTable(patterns);
  for (const at of starts) if (at >= 0 && at < target.words.length) matchTableAt(table, target, at, out);
  return out;
}

/** A target with no mentions: for rules over plain words. */
export function wordsOnly(words: readonly Word[]): MatchTarget {
  return { words, mentionEnd: () => -1, inMention: () => false };
}
