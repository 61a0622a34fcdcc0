/**
 * The BSON library decodes field names (and regular expression patterns) without checking
 * their UTF-8, turning bad bytes into replacement characters, while it refuses bad UTF-8 in
 * string values. This walks a document that already decoded and applies the same rule to
 * names and patterns, so a bad name is refused instead of stored altered.
 */
import { isAscii, isUtf8 } from 'node:buffer';

/** Byte sizes of the fixed-width element types (double, ObjectId, bool, date, ...). */
const FIXED_SIZES: Record<number, number> = {
  0x01: 8,
  0x06: 0,
  0x07: 12,
  0x08: 1,
  0x09: 8,
  0x0a: 0,
  0x10: 4,
  0x11: 8,
  0x12: 8,
  0x13: 16,
  0x7f: 0,
  0xff: 0,
};
const STRING_LIKE = new Set([0x02, 0x0d, 0x0e]);

export class InvalidFieldNameError extends Error {}

function cstringEnd(doc: Buffer, from: number): number {
  return doc.indexOf(0, from);
}

function checkUtf8(doc: Buffer, from: number, to: number, what: string): void {
  let ascii = true;
  for (let i = from; i < to && ascii; i += 1) ascii = doc[i] < 0x80;
  if (!ascii && !isUtf8(doc.subarray(from, to))) {
    throw new InvalidFieldNameError(`invalid UTF-8 in a ${what} (byte ${from} of the document)`);
  }
}

/**
 * Throws InvalidFieldNameError when a field name or regex in `doc` (one whole BSON document
 * that BSON.deserialize accepted, so its structure is sound) is not valid UTF-8.
 */
export function checkFieldNamesUtf8(doc: Buffer): void {
  if (isAscii(doc)) return;
  // Ends of the documents being walked, innermost last; each ends with a 0x00 byte.
  const ends = [doc.readInt32LE(0)];
  let at = 4;
  while (ends.length) {
    const end = ends[ends.length - 1];
    if (at >= end - 1) {
      at = end;
      ends.pop();
      continue;
    }
    const type = doc[at];
    const nameEnd = cstringEnd(doc, at + 1);
    checkUtf8(doc, at + 1, nameEnd, 'field name');
    at = nameEnd + 1;
    if (type in FIXED_SIZES) at += FIXED_SIZES[type];
    else if (STRING_LIKE.has(type)) at += 4 + doc.readInt32LE(at);
    else if (type === 0x03 || type === 0x04) {
      ends.push(at + doc.readInt32LE(at));
      at += 4;
    } else if (type === 0x05) at += 5 + doc.readInt32LE(at);
    else if (type === 0x0b) {
      const patternEnd = cstringEnd(doc, at);
      const optionsEnd = cstringEnd(doc, patternEnd + 1);
      checkUtf8(doc, at, optionsEnd, 'regular expression');
      at = optionsEnd + 1;
    } else if (type === 0x0c) at += 4 + doc.readInt32LE(at) + 12;
    else if (type === 0x0f) {
      // Code with scope: total size, the code string, then the scope document.
      const scopeEnd = at + doc.readInt32LE(at);
      ends.push(scopeEnd);
      at += 8 + doc.readInt32LE(at + 4) + 4;
    } else {
      throw new InvalidFieldNameError(`unknown BSON element type ${type}`);
    }
  }
}
