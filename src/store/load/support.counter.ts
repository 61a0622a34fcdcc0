/**
 * An aggregate's support while a plan is made: the stored counts, minus the articles taken out,
 * plus the articles put in. The first and last dates follow additions exactly; when an article
 * carrying one of them is taken out they are found again among the remaining facts.
 */
import type { SupportFields } from '../documents/support.document';

export interface SupportChange {
  date: string | null;
  evidence: number;
}

export class SupportCounter {
  articleCount: number;
  evidenceCount: number;
  private first: string | null;
  private last: string | null;
  /** Dates of the articles put in, when the stored first/last must be found again. */
  private addedFirst: string | null = null;
  private addedLast: string | null = null;
  private datesStale = false;

  constructor(stored: SupportFields | null) {
    const live = stored !== null && stored.articleCount > 0;
    this.articleCount = live ? stored.articleCount : 0;
    this.evidenceCount = live ? stored.evidenceCount : 0;
    this.first = live ? stored.firstSeen : null;
    this.last = live ? stored.lastSeen : null;
  }

  get live(): boolean {
    return this.articleCount > 0;
  }

  /** Whether the first or last date must be found again among the facts (see `settleDates`). */
  get needsDates(): boolean {
    return this.datesStale && this.articleCount > 0;
  }

  takeOut(change: SupportChange): void {
    this.articleCount -= 1;
    this.evidenceCount -= change.evidence;
    if (this.articleCount === 0) {
      // Nothing stored remains, so no date of it does: only what is put in next counts.
      this.first = this.addedFirst;
      this.last = this.addedLast;
      this.datesStale = false;
    } else if (change.date !== null && (change.date === this.first || change.date === this.last)) {
      this.datesStale = true;
    }
  }

  putIn(change: SupportChange): void {
    this.articleCount += 1;
    this.evidenceCount += change.evidence;
    if (change.date === null) return;
    this.first = minDate(this.first, change.date);
    this.last = maxDate(this.last, change.date);
    this.addedFirst = minDate(this.addedFirst, change.date);
    this.addedLast = maxDate(this.addedLast, change.date);
  }

  /** The first and last dates of the facts that remain of the stored ones (the loader queries them). */
  settleDates(remaining: { first: string | null; last: string | null }): void {
    this.first = minDate(remaining.first, this.addedFirst);
    this.last = maxDate(remaining.last, this.addedLast);
    this.datesStale = false;
  }

  fields(): SupportFields {
    if (this.datesStale && this.articleCount > 0) throw new Error('support: first/last dates were not settled');
    const live = this.articleCount > 0;
    return {
      articleCount: live ? this.articleCount : 0,
      evidenceCount: live ? this.evidenceCount : 0,
      firstSeen: live ? this.first : null,
      lastSeen: live ? this.last : null,
    };
  }
}

function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function maxDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
