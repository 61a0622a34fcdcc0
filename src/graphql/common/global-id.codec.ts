/**
 * Global object ids: the type name and the store id, base64url-encoded, so any object can be
 * refetched with `node(id)` and clients treat ids as opaque (the store's ids may change shape).
 */
import { badUserInput } from './user-input.error';

export type NodeTypeName = 'Article' | 'Person' | 'Organization' | 'Office' | 'Meeting';

const NODE_TYPE_NAMES: readonly NodeTypeName[] = ['Article', 'Person', 'Organization', 'Office', 'Meeting'];

export function toGlobalId(typeName: NodeTypeName, storeId: string): string {
  return Buffer.from(`${typeName}:${storeId}`, 'utf8').toString('base64url');
}

/** The type and store id of a global id, or null when it is not one of ours. */
export function fromGlobalId(globalId: string): { typeName: NodeTypeName; storeId: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const typeName = decoded.slice(0, colon) as NodeTypeName;
  if (colon < 1 || !NODE_TYPE_NAMES.includes(typeName) || toGlobalId(typeName, decoded.slice(colon + 1)) !== globalId)
    return null;
  return { typeName, storeId: decoded.slice(colon + 1) };
}

/** The store id behind a global id of `typeName`, or null when the id is of another type or not an id. */
export function storeIdOf(globalId: string, typeName: NodeTypeName): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed?.typeName === typeName ? parsed.storeId : null;
}

/** The store id behind a global id given as a filter argument; anything but an id of `typeName` is the caller's mistake. */
export function requireStoreId(globalId: string, typeName: NodeTypeName, argument: string): string {
  const storeId = storeIdOf(globalId, typeName);
  if (storeId === null) throw badUserInput(`\`${argument}\` must be the id of a ${typeName}, got "${globalId}"`);
  return storeId;
}
