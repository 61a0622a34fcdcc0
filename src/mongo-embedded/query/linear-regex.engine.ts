/**
 * Regular expressions as MongoDB takes them (`$regex` with options i, m, s, x, u), run by RE2
 * (through re2js, a JavaScript port) instead of JavaScript's backtracking engine: matching takes
 * time linear in the input, so no pattern can freeze the server. Patterns RE2 cannot run
 * (backreferences, lookaround, possessive quantifiers, atomic groups) are refused with BadValue
 * naming what is unsupported. Compiled patterns are kept, since clients send the same ones again.
 */
import { RE2JS, RE2JSException } from 're2js';
import { abbreviated, MongoServerError } from '../common/mongo-server.error';

const CACHE_CAPACITY = 1_000;
const LONGEST_CACHED_PATTERN = 4_096;

/** Constructs PCRE (MongoDB's engine) has and RE2 refuses, recognised to say which one a pattern used. */
const UNSUPPORTED_SYNTAX: Array<[RegExp, string]> = [
  [/\(\?<?[=!]/, 'lookahead or lookbehind'],
  [/\\[1-9]|\\k[<{']|\\g\{?-?\d/, 'backreferences'],
  [/(?:[*+?}])\+/, 'possessive quantifiers'],
  [/\(\?>/, 'atomic groups'],
  [/\(\?(?:R|\d|\(|&|P>)/, 'recursion and conditional groups'],
];

export interface RegexMatch {
  match: string;
  /** Index of the match in code points, as MongoDB counts it. */
  idx: number;
  captures: Array<string | null>;
}

/** One compiled pattern with its MongoDB options. */
export class LinearRegex {
  constructor(
    readonly source: string,
    readonly options: string,
    private readonly compiled: RE2JS,
  ) {}

  test(input: string): boolean {
    return this.compiled.test(input);
  }

  /** The first match, or every non-overlapping match, with captures (for `$regexFind`/`$regexFindAll`). */
  find(input: string, all: boolean): RegexMatch[] {
    const matcher = this.compiled.matcher(input);
    const groups = matcher.groupCount();
    const matches: RegexMatch[] = [];
    let codePoints = 0;
    let counted = 0;
    let from = 0;
    while (from <= input.length && matcher.find(from)) {
      const start = matcher.start();
      const end = matcher.end();
      for (; counted < start; counted += 1) {
        const unit = input.charCodeAt(counted);
        if (unit < 0xdc00 || unit > 0xdfff) codePoints += 1;
      }
      const captures: Array<string | null> = [];
      for (let g = 1; g <= groups; g += 1) captures.push(matcher.group(g));
      matches.push({ match: input.slice(start, end), idx: codePoints, captures });
      if (!all) break;
      // An empty match moves on by one character so the search always advances.
      from = end > start ? end : end + (isHighSurrogate(input.charCodeAt(end)) ? 2 : 1);
    }
    return matches;
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function badValue(message: string): MongoServerError {
  return new MongoServerError('BadValue', message);
}

/** MongoDB's options, checked; `s` from the BSON library's `g` (its name for BSON's dot-all `s`). */
function normalizeOptions(options: string): string {
  let normalized = '';
  for (const option of options) {
    if (!'imsxu'.includes(option)) throw badValue(`invalid flag in regex options: ${option}`);
    if (!normalized.includes(option)) normalized += option;
  }
  return normalized;
}

/**
 * The pattern without the whitespace and `#` comments that option `x` (extended) makes
 * insignificant: outside character classes, unless escaped, as PCRE reads them.
 */
export function stripExtendedSyntax(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '\\') {
      if (pattern[i + 1] === 'Q') {
        // \Q...\E is literal text, whitespace included.
        const end = pattern.indexOf('\\E', i + 2);
        const stop = end < 0 ? pattern.length : end + 2;
        out += pattern.slice(i, stop);
        i = stop - 1;
      } else {
        out += pattern.slice(i, i + 2);
        i += 1;
      }
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      // A ']' right after '[' or '[^' is a literal member, not the end of the class.
      for (const lead of ['^', ']']) {
        if (pattern[i + 1] === lead) {
          out += lead;
          i += 1;
        }
      }
      continue;
    }
    if (char === '#') {
      const newline = pattern.indexOf('\n', i);
      i = newline < 0 ? pattern.length : newline;
      continue;
    }
    if (' \t\n\r\f\v'.includes(char)) continue;
    out += char;
  }
  return out;
}

function unsupportedReason(pattern: string): string | undefined {
  return UNSUPPORTED_SYNTAX.find(([syntax]) => syntax.test(pattern))?.[1];
}

const cache = new Map<string, LinearRegex>();

/** Compiles `pattern` with MongoDB `options`; BadValue when it is invalid or uses what RE2 cannot run. */
export function compileRegex(pattern: string, options = ''): LinearRegex {
  const normalized = normalizeOptions(options);
  const key = `${normalized}/${pattern}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  if (pattern.includes('\0')) throw badValue('Regular expression cannot contain an embedded null byte');
  const source = normalized.includes('x') ? stripExtendedSyntax(pattern) : pattern;
  let flags = 0;
  if (normalized.includes('i')) flags |= RE2JS.CASE_INSENSITIVE;
  if (normalized.includes('m')) flags |= RE2JS.MULTILINE;
  if (normalized.includes('s')) flags |= RE2JS.DOTALL;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, flags);
  } catch (err) {
    if (!(err instanceof RE2JSException)) throw err;
    const reason = unsupportedReason(source);
    throw badValue(
      reason
        ? `Regular expression /${abbreviated(pattern)}/ is not supported by the embedded server: it uses ${reason}, ` +
            `which RE2 (the engine it runs regular expressions with, in time linear in the input) cannot run ` +
            `(${abbreviated(err.message)})`
        : `Regular expression is invalid: ${abbreviated(err.message)}`,
    );
  }
  const regex = new LinearRegex(pattern, normalized, compiled);
  if (pattern.length <= LONGEST_CACHED_PATTERN) {
    if (cache.size >= CACHE_CAPACITY) cache.delete(cache.keys().next().value!);
    cache.set(key, regex);
  }
  return regex;
}

/** The MongoDB options of a decoded BSON regular expression (the BSON library maps BSON `s` to `g`). */
function optionsOf(regex: RegExp): string {
  let options = '';
  if (regex.ignoreCase) options += 'i';
  if (regex.multiline) options += 'm';
  if (regex.global || regex.dotAll) options += 's';
  return options;
}

/** A BSON regular expression value (`{ field: /abc/i }`), compiled; `extraOptions` from `$options`. */
export function compileRegExp(regex: RegExp, extraOptions = ''): LinearRegex {
  return compileRegex(regex.source, optionsOf(regex) + extraOptions);
}
