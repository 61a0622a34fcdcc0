/**
 * One index's distinct first-field keys in MongoDB sort order, so the index can hand out
 * documents in sort order (a sorted page reads a few keys, not the whole collection) and
 * answer prefix regexes. Built when first needed; kept in step while few keys change, and
 * dropped for a rebuild after bulk changes, where splicing one key at a time would cost more.
 */
import type { RangeBound } from './query.planner';
import { compareParts, keyPart, type KeyPart } from './sort.comparator';

interface OrderedKey {
  key: string;
  part: KeyPart;
}

const MAX_INCREMENTAL_CHANGES = 512;

export class OrderedKeys {
  private readonly list: OrderedKey[];
  private changes = 0;

  constructor(values: Iterable<[string, unknown]>) {
    this.list = [...values]
      .map(([key, value]) => ({ key, part: keyPart(value) }))
      .sort((a, b) => compareParts(a.part, b.part));
  }

  /** False once so many keys changed that the owner should drop this list and rebuild later. */
  get worthKeeping(): boolean {
    return this.changes <= MAX_INCREMENTAL_CHANGES;
  }

  private lowerBound(part: KeyPart): number {
    let low = 0;
    let high = this.list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareParts(this.list[mid].part, part) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  insert(key: string, value: unknown): void {
    const part = keyPart(value);
    this.list.splice(this.lowerBound(part), 0, { key, part });
    this.changes += 1;
  }

  remove(key: string, value: unknown): void {
    const part = keyPart(value);
    for (let i = this.lowerBound(part); i < this.list.length && compareParts(this.list[i].part, part) === 0; i += 1) {
      if (this.list[i].key === key) {
        this.list.splice(i, 1);
        this.changes += 1;
        return;
      }
    }
  }

  /** Keys from lowest to highest (direction 1) or the reverse. */
  *inOrder(direction: 1 | -1): Generator<string> {
    if (direction === 1) for (let i = 0; i < this.list.length; i += 1) yield this.list[i].key;
    else for (let i = this.list.length - 1; i >= 0; i -= 1) yield this.list[i].key;
  }

  /**
   * Keys between the bounds, both of one type (a missing bound leaves that side open, up to
   * the end of the type's values).
   */
  *inRange(lower: RangeBound | undefined, upper: RangeBound | undefined): Generator<string> {
    const rank = keyPart((lower ?? upper)!.value).rank;
    const low = lower ? keyPart(lower.value) : undefined;
    const high = upper ? keyPart(upper.value) : undefined;
    let i = low ? this.lowerBound(low) : this.firstOfRank(rank);
    if (low && !lower!.inclusive) while (i < this.list.length && compareParts(this.list[i].part, low) === 0) i += 1;
    for (; i < this.list.length; i += 1) {
      const { part, key } = this.list[i];
      if (part.rank !== rank) return;
      if (high) {
        const order = compareParts(part, high);
        if (order > 0 || (order === 0 && !upper!.inclusive)) return;
      }
      yield key;
    }
  }

  private firstOfRank(rank: number): number {
    let low = 0;
    let high = this.list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.list[mid].part.rank < rank) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Keys of the strings that start with `prefix`. */
  *withPrefix(prefix: string): Generator<string> {
    const start = keyPart(prefix);
    for (let i = this.lowerBound(start); i < this.list.length; i += 1) {
      const { part, key } = this.list[i];
      if (part.rank !== start.rank || typeof part.value !== 'string' || !part.value.startsWith(prefix)) return;
      yield key;
    }
  }
}
