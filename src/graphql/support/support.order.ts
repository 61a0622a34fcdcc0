import type { SupportFields } from '../../store';

/** Best supported first (most articles), then the latest seen (undated last), then by `idOf`: how supported facts are listed. */
export function compareBySupport<T extends SupportFields>(idOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    if (a.articleCount !== b.articleCount) return b.articleCount - a.articleCount;
    if (a.lastSeen !== b.lastSeen) {
      if (a.lastSeen === null) return 1;
      if (b.lastSeen === null) return -1;
      return a.lastSeen > b.lastSeen ? -1 : 1;
    }
    const [x, y] = [idOf(a), idOf(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
