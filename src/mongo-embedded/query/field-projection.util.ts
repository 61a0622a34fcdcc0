/**
 * Projections that only name top-level fields (`{ a: 1, b: 1 }` or `{ a: 0, b: 0 }`), the
 * kind clients send on nearly every read, applied directly: through mingo each one built a
 * query and a pipeline, which cost more than the read itself. Anything else (dotted paths,
 * operators, expressions, mixed inclusion and exclusion) is left to mingo.
 */
import type { Document } from 'bson';

function flag(value: unknown): boolean | undefined {
  if (value === 1 || value === true) return true;
  if (value === 0 || value === false) return false;
  return undefined;
}

/** The projected documents (stored documents untouched), or undefined when mingo must do it. */
export function projectTopLevelFields(docs: Document[], projection: Document): Document[] | undefined {
  let includeId = true;
  const named = new Set<string>();
  let including: boolean | undefined;
  for (const [field, value] of Object.entries(projection)) {
    const included = flag(value);
    if (included === undefined || field.includes('.') || field.startsWith('$')) return undefined;
    if (field === '_id') {
      includeId = included;
      continue;
    }
    if (including !== undefined && including !== included) return undefined;
    including = included;
    named.add(field);
  }
  // With only `_id` named, as in MongoDB, `{ _id: 1 }` keeps just the id and `{ _id: 0 }` all the rest.
  const inclusion = including ?? includeId;
  const keep = (field: string) => (field === '_id' ? includeId : inclusion ? named.has(field) : !named.has(field));
  return docs.map((doc) => {
    const projected: Document = {};
    for (const field of Object.keys(doc)) if (keep(field)) projected[field] = doc[field];
    return projected;
  });
}
