/**
 * Ids and slugs for new entities: the id hashes the natural key, and when that id (or slug) is
 * already held by a different entity (two meetings of the same people on undated occasions, two
 * people whose names differ only in punctuation) a numbered key (`key#2`) or an id-suffixed slug
 * is used. Documents emptied by the current load count as free, so a reload gets the same ids.
 */
import type { EntityWorkspace, TrackedDocument } from './entity.workspace';
import { slugOf } from './name-key';
import { stableId, type EntityKind } from './stable-id';

const SLUG_ID_SUFFIX_LENGTH = 8;

export async function allocateId<C extends { articleId: string }, I, D extends TrackedDocument<C>>(
  workspace: EntityWorkspace<C, I, D>,
  kind: EntityKind,
  baseKey: string,
): Promise<{ id: string; key: string }> {
  for (let n = 1; ; n++) {
    const key = n === 1 ? baseKey : `${baseKey}#${n}`;
    const id = stableId(kind, key);
    await workspace.load([id]);
    if (!workspace.isTaken(id)) return { id, key };
  }
}

/** The slug for a new entity; the documents holding its base slug must have been fetched (see `baseSlugFilter`). */
export function allocateSlug<C extends { articleId: string }, I, D extends TrackedDocument<C> & { slug: string }>(
  workspace: EntityWorkspace<C, I, D>,
  name: string,
  id: string,
): string {
  const base = slugOf(name);
  const suffixed = `${base ? `${base}-` : ''}${id.slice(0, SLUG_ID_SUFFIX_LENGTH)}`;
  if (!base) return suffixed;
  return workspace.matching((doc) => doc.slug === base && doc._id !== id).length ? suffixed : base;
}

/** The filter that fetches every document holding one of the base slugs of these names. */
export function baseSlugFilter(names: readonly string[]): { slug: { $in: string[] } } {
  return { slug: { $in: [...new Set(names.map(slugOf).filter(Boolean))] } };
}
