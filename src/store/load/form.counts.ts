/**
 * How many facts write each field of an aggregate in each form: a person's names and aliases,
 * an office's titles and jurisdiction names, a meeting's dates, places and roles. The displayed
 * value is derived from these counts, never from load order, so it can be derived again when an
 * article is taken out. Stored in the aggregate itself, at most `MAX_FORMS_PER_FIELD` per field
 * (the most used): an entity is written in a bounded number of ways.
 */
import type { StoredForms } from '../documents/support.document';

export const MAX_FORMS_PER_FIELD = 200;

export class FormCounts {
  private readonly fields = new Map<string, Map<string, number>>();

  constructor(stored: StoredForms | null | undefined) {
    for (const [field, pairs] of Object.entries(stored ?? {})) this.fields.set(field, new Map(pairs));
  }

  add(field: string, form: string, delta: number): void {
    let forms = this.fields.get(field);
    if (!forms) {
      forms = new Map();
      this.fields.set(field, forms);
    }
    forms.set(form, (forms.get(form) ?? 0) + delta);
  }

  /** The forms of `field` some fact still uses, with their counts. */
  counts(field: string): Map<string, number> {
    return new Map([...(this.fields.get(field) ?? [])].filter(([, count]) => count > 0));
  }

  toStored(): StoredForms {
    const stored: StoredForms = {};
    for (const field of [...this.fields.keys()].sort()) {
      const pairs = rankedForms(this.counts(field)).slice(0, MAX_FORMS_PER_FIELD);
      if (pairs.length) stored[field] = pairs.map((form) => [form, this.fields.get(field)!.get(form)!]);
    }
    return stored;
  }
}

/** The forms by count, then alphabetically. */
export function rankedForms(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0)).map(([form]) => form);
}

/**
 * The form most facts use; ties go to the form `preferred` ranks first, then the smallest
 * string, so the choice never depends on load order. Null when there is none.
 */
export function mostUsed(
  counts: ReadonlyMap<string, number>,
  preferred: (a: string, b: string) => number = () => 0,
): string | null {
  let best: string | null = null;
  for (const [form, count] of counts) {
    if (best === null) {
      best = form;
      continue;
    }
    const bestCount = counts.get(best)!;
    const order =
      count !== bestCount ? bestCount - count : preferred(form, best) || (form < best ? -1 : form > best ? 1 : 0);
    if (order < 0) best = form;
  }
  return best;
}
