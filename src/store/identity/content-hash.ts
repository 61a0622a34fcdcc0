/**
 * SHA-256 in hex: of article texts (is a reload a change?), of article versions, and the prefix
 * of it that stable ids are (stable-id.ts).
 */
import { createHash } from 'node:crypto';

const SHA256_HEX_LENGTH = 64;
const VERSION_HEX_LENGTH = 16;

/**
 * The first `hexLength` (even) hex characters of the SHA-256 of `text`, as a string of their own.
 * `digest('hex').slice()` would give a view that keeps the whole 64-character digest alive behind
 * every id, nearly three times the memory of the id itself; a load's change tally holds about four
 * ids per article until the load ends (some 400,000 for 100,000 articles).
 */
export function sha256Hex(text: string, hexLength = SHA256_HEX_LENGTH): string {
  return createHash('sha256')
    .update(text, 'utf8')
    .digest()
    .toString('hex', 0, hexLength / 2);
}

export function contentHashOf(text: string): string {
  return sha256Hex(text);
}

/** Hash of a value built with a fixed key order, so equal content always gives an equal version. */
export function versionOf(value: unknown): string {
  return sha256Hex(JSON.stringify(value), VERSION_HEX_LENGTH);
}
