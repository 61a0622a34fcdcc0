/** Whether a derived document would change: compared field by field, whatever order the fields were stored in. */

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Equal content, ignoring `seq` (which says who wrote it, not what it holds). */
export function sameContent(stored: object | null, next: object): boolean {
  if (stored === null) return false;
  const { seq: _storedSeq, ...storedContent } = stored as Record<string, unknown>;
  const { seq: _nextSeq, ...nextContent } = next as Record<string, unknown>;
  return JSON.stringify(canonical(storedContent)) === JSON.stringify(canonical(nextContent));
}
