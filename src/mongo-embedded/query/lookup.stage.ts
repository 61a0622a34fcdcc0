/**
 * `$lookup` with `localField`/`foreignField`, run against the foreign collection's indexes:
 * each input document's local values become an `$in` on the foreign field, so a join reads
 * the matching documents instead of the whole foreign collection per call.
 */
import type { Document } from 'bson';
import { isPlainObject, valuesAtPath } from '../common/bson-value.util';
import { gather, PAUSE, type DocumentStream } from './document.stream';

export interface EqualityLookup {
  from: string;
  localField: string;
  foreignField: string;
  as: string;
}

/** The stage's spec when it is a plain equality join this module runs (else mingo does). */
export function equalityLookup(stage: Document): EqualityLookup | undefined {
  const spec = stage.$lookup;
  if (!isPlainObject(spec) || spec.pipeline !== undefined || spec.let !== undefined) return undefined;
  const { from, localField, foreignField, as } = spec;
  if (typeof from !== 'string' || typeof localField !== 'string' || typeof foreignField !== 'string') return undefined;
  // A dotted `as` would write into a nested document shared with the input.
  if (typeof as !== 'string' || as.includes('.')) return undefined;
  return { from, localField, foreignField, as };
}

/**
 * The input documents with their joined foreign documents. `matching` reads the foreign
 * collection (through its indexes) for a filter; the join pauses after each input document.
 */
export function* runEqualityLookup(
  input: Document[],
  lookup: EqualityLookup,
  matching: (filter: Document) => DocumentStream,
  copy: (doc: Document) => Document,
): DocumentStream<Document[]> {
  const joined: Document[] = [];
  for (const doc of input) {
    // A missing local field matches foreign documents whose field is null or missing, as in MongoDB.
    const values = valuesAtPath(doc, lookup.localField).map((v) => (v === undefined ? null : v));
    const matches = yield* gather(matching({ [lookup.foreignField]: { $in: values } }));
    joined.push({ ...doc, [lookup.as]: matches.map(copy) });
    yield PAUSE;
  }
  return joined;
}
