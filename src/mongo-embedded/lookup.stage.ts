/**
 * `$lookup` with `localField`/`foreignField`, run against the foreign collection's indexes:
 * each input document's local values become an `$in` on the foreign field, so a join reads
 * the matching documents instead of the whole foreign collection per call.
 */
import type { Document } from 'bson';
import { Query } from './mingo.context';
import { isPlainObject, valuesAtPath } from './bson-value.util';
import type { CollectionState } from './collection.state';

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

export function runEqualityLookup(
  input: Document[],
  lookup: EqualityLookup,
  foreign: CollectionState | undefined,
  copy: (doc: Document) => Document,
): Document[] {
  return input.map((doc) => {
    if (!foreign) return { ...doc, [lookup.as]: [] };
    // A missing local field matches foreign documents whose field is null or missing, as in MongoDB.
    const values = valuesAtPath(doc, lookup.localField).map((v) => (v === undefined ? null : v));
    const filter = { [lookup.foreignField]: { $in: values } };
    const query = new Query(filter, {});
    const matches = foreign
      .candidates(filter)
      .filter((candidate) => query.test(candidate))
      .map(copy);
    return { ...doc, [lookup.as]: matches };
  });
}
