/**
 * Shared rules for deriving an entity's fields from its contributions. Every rule depends only
 * on the set of contributions, never on the order they arrived in, so any sequence of loads
 * that ends with the same articles ends with the same documents.
 */
import type { EvidenceDocument } from './evidence.document';
import type { EvidenceSpan } from './tracked-fields.document';

export interface OrderedContribution {
  articleId: string;
  ordinal: number;
}

export function sortContributions<C extends OrderedContribution>(contributions: readonly C[]): C[] {
  return [...contributions].sort((a, b) =>
    a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.ordinal - b.ordinal,
  );
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

export function articleIdsOf(contributions: readonly OrderedContribution[]): string[] {
  return sortedUnique(contributions.map((c) => c.articleId));
}

/** A document as derived from its contributions; the workspace adds the revision when it writes. */
export type Derived<D extends { revision: string }> = Omit<D, 'revision'>;

/** The sentence text of a span of an article's evidence. */
export type EvidenceTexts = (articleId: string, span: EvidenceSpan) => string;

/** All evidence, in article and text order, without repeats of the same span. */
export function evidenceOf(
  contributions: ReadonlyArray<{ articleId: string; evidence: EvidenceSpan[] }>,
  texts: EvidenceTexts,
): EvidenceDocument[] {
  const seen = new Set<string>();
  const all: EvidenceDocument[] = [];
  for (const { articleId, evidence } of contributions) {
    for (const { start, end } of evidence) {
      const key = `${articleId}:${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push({ articleId, text: texts(articleId, { start, end }), start, end });
    }
  }
  return all.sort((a, b) =>
    a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start || a.end - b.end,
  );
}

/**
 * The value most contributions give; ties go to the value `preferred` ranks first (then the
 * smallest string), so the choice never depends on load order. Null when there is no value.
 */
export function mostFrequent(
  values: ReadonlyArray<string | null>,
  preferred: (a: string, b: string) => number = () => 0,
): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null && value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) {
    if (best === null) {
      best = value;
      continue;
    }
    const bestCount = counts.get(best)!;
    const order =
      count !== bestCount ? bestCount - count : preferred(value, best) || (value < best ? -1 : value > best ? 1 : 0);
    if (order < 0) best = value;
  }
  return best;
}
