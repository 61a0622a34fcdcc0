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

/** Which fields a top-level projection keeps, or undefined when it is not one. */
function keptFields(projection: Document): ((field: string) => boolean) | undefined {
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
  return (field) => (field === '_id' ? includeId : inclusion ? named.has(field) : !named.has(field));
}

/** The projection applied to each document (stored documents untouched), or undefined when mingo must apply it. */
export function topLevelProjector(projection: Document): ((docs: Document[]) => Document[]) | undefined {
  const keep = keptFields(projection);
  if (!keep) return undefined;
  return (docs) =>
    docs.map((doc) => {
      const projected: Document = {};
      for (const field of Object.keys(doc)) if (keep(field)) projected[field] = doc[field];
      return projected;
    });
}

/** The projected documents (stored documents untouched), or undefined when mingo must do it. */
export function projectTopLevelFields(docs: Document[], projection: Document): Document[] | undefined {
  return topLevelProjector(projection)?.(docs);
}
