/** Evidence is always a whole sentence (or caption) of the text, so `text.slice(start, end)` gives it back. */
import type { Evidence } from '../extraction-record.type';
import type { TextSpan } from './text-span.type';

export function evidenceOf(sentence: TextSpan & { text: string }): Evidence {
  return { text: sentence.text, start: sentence.start, end: sentence.end };
}

/** Evidence list without repeats, in text order. */
export function uniqueEvidence(items: Evidence[]): Evidence[] {
  const seen = new Map<number, Evidence>();
  for (const e of items) if (!seen.has(e.start)) seen.set(e.start, e);
  return [...seen.values()].sort((a, b) => a.start - b.start);
}
