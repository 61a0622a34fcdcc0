/**
 * Whether a derived document would change: compared field by field, whatever order the fields
 * were stored in, as their JSON would be (a date equals its ISO string; a field set to undefined
 * is absent), without building copies of either document.
 */

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date) return sameValue(a.toISOString(), b);
  if (b instanceof Date) return sameValue(a, b.toISOString());
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>, null);
}

/** The fields other than `ignored` hold the same values in both. */
function sameFields(a: Record<string, unknown>, b: Record<string, unknown>, ignored: string | null): boolean {
  let fields = 0;
  for (const key in a) {
    if (key === ignored || a[key] === undefined) continue;
    if (!sameValue(a[key], b[key])) return false;
    fields++;
  }
  for (const key in b) if (key !== ignored && b[key] !== undefined) fields--;
  return fields === 0;
}

/** Equal content, ignoring `seq` (which says who wrote it, not what it holds). */
export function sameContent(stored: object | null, next: object): boolean {
  if (stored === null) return false;
  return sameFields(stored as Record<string, unknown>, next as Record<string, unknown>, 'seq');
}
