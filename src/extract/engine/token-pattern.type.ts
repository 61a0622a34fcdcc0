/**
 * Token patterns: rules written as data, in the manner of spaCy's Matcher. A pattern is a
 * sequence of token specs; each spec matches one word (by text, part of speech or a named
 * word predicate), one whole entity mention (a person's name, an organization), or a nested
 * sequence, optionally repeated, and may capture what it matched under a group name.
 */
import type { WordPredicate } from './word.predicates';

export type Quantifier = '?' | '*' | '+';
/** Mentions an extraction stage has already found, matched whole by an entity spec. */
export type EntityKind = 'person' | 'organization' | 'party' | 'place' | 'name';

interface Repetition {
  /** Once by default; `?` zero or one, `*` zero or more, `+` one or more. */
  op?: Quantifier;
  /** The most repeats for `*` and `+` (default 6): bounded, so matching stays linear in the sentence. */
  max?: number;
  /** The name under which the words this spec matched are captured. */
  as?: string;
}

export interface WordSpec extends Repetition {
  /** The word, lower-cased, is one of these. */
  lower?: readonly string[];
  /** The word is exactly one of these (punctuation, or where case matters). */
  text?: readonly string[];
  /** wink's universal part-of-speech tag is one of these. */
  pos?: readonly string[];
  /** Each of these word predicates holds. */
  is?: WordPredicate | readonly WordPredicate[];
  /** None of these word predicates holds. */
  not?: WordPredicate | readonly WordPredicate[];
  /** The word is part of no mention of these kinds. */
  outside?: readonly EntityKind[];
}

export interface EntitySpec extends Repetition {
  /** A whole mention of one of these kinds starts here. */
  entity: EntityKind | readonly EntityKind[];
}

export interface SequenceSpec extends Repetition {
  seq: readonly TokenSpec[];
}

export type TokenSpec = WordSpec | EntitySpec | SequenceSpec;

export interface TokenPattern<Id extends string = string> {
  id: Id;
  tokens: readonly TokenSpec[];
}

export interface WordRange {
  from: number;
  /** Exclusive. */
  to: number;
}

export interface PatternMatch<Id extends string = string> extends WordRange {
  id: Id;
  /** Captured groups; a name captured by several specs spans from the first to the last. */
  groups: Readonly<Record<string, WordRange>>;
}
