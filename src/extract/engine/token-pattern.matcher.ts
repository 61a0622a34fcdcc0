/**
 * The one engine every rule table runs on: matches token patterns against a sentence's words,
 * with entity mentions found by earlier stages matched whole. Backtracking over bounded
 * repeats, so a pattern tries few alternatives and matching a sentence stays linear in its length.
 */
import type { Word } from '../text/sentence.splitter';
import type {
  EntityKind,
  EntitySpec,
  PatternMatch,
  SequenceSpec,
  TokenPattern,
  TokenSpec,
  WordRange,
  WordSpec,
} from './token-pattern.type';
import { holds, type WordPredicate } from './word.predicates';

const DEFAULT_MAX_REPEATS = 6;

/** What patterns run against: a sentence's words and the mentions known in it. */
export interface MatchTarget {
  readonly words: readonly Word[];
  /** The end (exclusive) of a mention of one of `kinds` that starts at word `at`, or -1. */
  mentionEnd(at: number, kinds: readonly EntityKind[]): number;
  /** Whether word `at` is part of a mention of one of `kinds`. */
  inMention(at: number, kinds: readonly EntityKind[]): boolean;
}

type Groups = Readonly<Record<string, WordRange>>;
interface State {
  at: number;
  groups: Groups;
}

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

function wordFits(spec: WordSpec, target: MatchTarget, at: number): boolean {
  const word = target.words[at];
  if (!word) return false;
  if (spec.outside && target.inMention(at, spec.outside)) return false;
  if (spec.lower && !spec.lower.includes(word.text.toLowerCase())) return false;
  if (spec.text && !spec.text.includes(word.text)) return false;
  if (spec.pos && !spec.pos.includes(word.pos)) return false;
  if (!asList<WordPredicate>(spec.is).every((p) => holds(p, word))) return false;
  return !asList<WordPredicate>(spec.not).some((p) => holds(p, word));
}

function capture(groups: Groups, name: string | undefined, from: number, to: number): Groups {
  if (!name || to <= from) return groups;
  const known = groups[name];
  const range = known ? { from: Math.min(known.from, from), to: Math.max(known.to, to) } : { from, to };
  return { ...groups, [name]: range };
}

/** Every way one occurrence of `spec` can match at `state.at`. */
function once(spec: TokenSpec, state: State, target: MatchTarget): State[] {
  const { at, groups } = state;
  if ('seq' in spec) return sequence((spec as SequenceSpec).seq, 0, state, target);
  if ('entity' in spec) {
    const end = target.mentionEnd(at, asList((spec as EntitySpec).entity));
    return end > at ? [{ at: end, groups }] : [];
  }
  return wordFits(spec as WordSpec, target, at) ? [{ at: at + 1, groups }] : [];
}

function bounds(spec: TokenSpec): [number, number] {
  const max = spec.max ?? DEFAULT_MAX_REPEATS;
  switch (spec.op) {
    case '?':
      return [0, 1];
    case '*':
      return [0, max];
    case '+':
      return [1, max];
    default:
      return [1, 1];
  }
}

/**
 * The ways `specs[index..]` can match from `state`: the first that completes, trying the longest
 * repeats first (a nested sequence matches greedily, without backtracking into it).
 */
function sequence(specs: readonly TokenSpec[], index: number, state: State, target: MatchTarget): State[] {
  if (index === specs.length) return [state];
  const spec = specs[index];
  const [min, max] = bounds(spec);
  // layers[n]: the states after n occurrences of the spec
  const layers: State[][] = [[state]];
  for (let n = 1; n <= max; n++) {
    // an occurrence that consumes nothing would repeat forever
    const next = layers[n - 1].flatMap((s) => once(spec, s, target).filter((t) => t.at > s.at));
    if (!next.length) break;
    layers.push(next);
  }
  const out: State[] = [];
  for (let n = layers.length - 1; n >= min; n--) {
    for (const s of layers[n]) {
      const captured = { at: s.at, groups: capture(s.groups, spec.as, state.at, s.at) };
      out.push(...sequence(specs, index + 1, captured, target));
      if (out.length) return out;
    }
  }
  return out;
}

/** The pattern's match starting exactly at word `at`, preferring the longest repeats, or null. */
export function matchAt<Id extends string>(
  pattern: TokenPattern<Id>,
  target: MatchTarget,
  at: number,
): PatternMatch<Id> | null {
  const [first] = sequence(pattern.tokens, 0, { at, groups: {} }, target);
  return first && first.at > at ? { id: pattern.id, from: at, to: first.at, groups: first.groups } : null;
}

/** Every match of every pattern, at every start, in sentence order. */
export function matchAll<Id extends string>(
  patterns: readonly TokenPattern<Id>[],
  target: MatchTarget,
): PatternMatch<Id>[] {
  const out: PatternMatch<Id>[] = [];
  for (let at = 0; at < target.words.length; at++) {
    for (const pattern of patterns) {
      const match = matchAt(pattern, target, at);
      if (match) out.push(match);
    }
  }
  return out;
}

/** A target with no mentions: for rules over plain words. */
export function wordsOnly(words: readonly Word[]): MatchTarget {
  return { words, mentionEnd: () => -1, inMention: () => false };
}
