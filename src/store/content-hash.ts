/** Content hashes: of article texts (is a reload a change?) and of derived documents (their revision). */
import { createHash } from 'node:crypto';

const REVISION_HEX_LENGTH = 16;

export function contentHashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Hash of a value built with a fixed key order, so equal content always gives an equal revision. */
export function revisionOf(value: unknown): string {
  return contentHashOf(JSON.stringify(value)).slice(0, REVISION_HEX_LENGTH);
}
