/** Grouping of one article's facts by the aggregate they count towards. */

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function sumEvidence(facts: ReadonlyArray<{ evidence: readonly unknown[] }>): number {
  return facts.reduce((n, f) => n + f.evidence.length, 0);
}
