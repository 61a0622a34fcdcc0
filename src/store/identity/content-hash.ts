/** Content hashes: of article texts (is a reload a change?) and of article versions. */
import { createHash } from 'node:crypto';

const VERSION_HEX_LENGTH = 16;

export function contentHashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Hash of a value built with a fixed key order, so equal content always gives an equal version. */
export function versionOf(value: unknown): string {
  return contentHashOf(JSON.stringify(value)).slice(0, VERSION_HEX_LENGTH);
}
