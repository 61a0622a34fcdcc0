/**
 * Index keys as bytes: SQLite compares BLOBs byte by byte, so a key's bytes are laid out for that
 * comparison to be MongoDB's (type order first: null < numbers < strings < documents < arrays <
 * binary < ObjectId < booleans < dates < timestamps < regexes), and for equal bytes to mean
 * MongoDB's equality (5, 5.0 and Long(5) are one key). Each value's encoding is self-delimiting,
 * so a compound key is its fields' encodings one after the other, and "every key whose first
 * field is v" is the byte range starting with v's encoding.
 *
 * Numbers are compared as doubles (Int64 beyond 2^53 and Decimal128 lose precision: equal keys
 * are then candidates only, and the filter decides), strings by their UTF-8 bytes, as mongod does.
 */
import { EJSON, type Document } from 'bson';
import { isPlainObject } from '../common/bson-value.util';

export const KeyTag = {
  minKey: 0x01,
  null: 0x02,
  number: 0x03,
  string: 0x04,
  object: 0x05,
  array: 0x06,
  binary: 0x07,
  objectId: 0x08,
  boolean: 0x09,
  date: 0x0a,
  timestamp: 0x0b,
  regex: 0x0c,
  /** JavaScript code and other rarities, compared by their Extended JSON text. */
  other: 0x0d,
  maxKey: 0x0e,
} as const;

/** Ends a string (after escaping each NUL byte in it as 0x00 0xFF) and a document or array. */
const END = 0x00;
const ESCAPED_NUL = 0xff;

const numberView = new DataView(new ArrayBuffer(8));

class KeyWriter {
  private buffer = Buffer.allocUnsafe(128);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  bytes(source: Uint8Array): void {
    this.reserve(source.length);
    this.buffer.set(source, this.length);
    this.length += source.length;
  }

  /** UTF-8, with NUL bytes escaped, then the two-byte terminator. */
  string(text: string): void {
    const parts = text.includes('\0') ? text.split('\0') : [text];
    parts.forEach((part, i) => {
      if (i > 0) {
        this.byte(0x00);
        this.byte(ESCAPED_NUL);
      }
      this.reserve(part.length * 3);
      this.length += this.buffer.write(part, this.length, 'utf8');
    });
    this.byte(END);
    this.byte(END);
  }

  /** A double, 8 big-endian bytes that sort in numeric order; NaN sorts first, as in MongoDB. */
  number(value: number): void {
    this.reserve(8);
    if (Number.isNaN(value)) {
      this.buffer.fill(0, this.length, this.length + 8);
    } else {
      numberView.setFloat64(0, value === 0 ? 0 : value);
      const negative = (numberView.getUint8(0) & 0x80) !== 0;
      for (let i = 0; i < 8; i += 1) {
        const byte = numberView.getUint8(i);
        this.buffer[this.length + i] = negative ? ~byte & 0xff : i === 0 ? byte | 0x80 : byte;
      }
    }
    this.length += 8;
  }

  uint32(value: number): void {
    this.reserve(4);
    this.buffer.writeUInt32BE(value >>> 0, this.length);
    this.length += 4;
  }

  finish(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}

function bsonType(value: object): string | undefined {
  const tag = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

function numericValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // Long, Int32, Double: valueOf; Decimal128: its text ("1.5E+3", "NaN", "-Infinity") parses.
  const type = bsonType(value as object);
  return type === 'Decimal128' ? Number(String(value)) : Number((value as { valueOf(): unknown }).valueOf());
}

/** Writes the value's type tag; `body` then writes what follows it. */
function tagOf(value: unknown): number {
  if (value === undefined || value === null) return KeyTag.null;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return KeyTag.number;
    case 'string':
      return KeyTag.string;
    case 'boolean':
      return KeyTag.boolean;
    default:
      break;
  }
  if (Array.isArray(value)) return KeyTag.array;
  if (value instanceof Date) return KeyTag.date;
  if (value instanceof RegExp) return KeyTag.regex;
  switch (bsonType(value as object)) {
    case undefined:
      return KeyTag.object;
    case 'Long':
    case 'Int32':
    case 'Double':
    case 'Decimal128':
      return KeyTag.number;
    case 'BSONSymbol':
      return KeyTag.string;
    case 'ObjectId':
      return KeyTag.objectId;
    case 'Binary':
      return KeyTag.binary;
    case 'Timestamp':
      return KeyTag.timestamp;
    case 'BSONRegExp':
      return KeyTag.regex;
    case 'MinKey':
      return KeyTag.minKey;
    case 'MaxKey':
      return KeyTag.maxKey;
    default:
      return isPlainObject(value) ? KeyTag.object : KeyTag.other;
  }
}

function writeBody(writer: KeyWriter, tag: number, value: unknown): void {
  switch (tag) {
    case KeyTag.number:
      writer.number(numericValue(value));
      return;
    case KeyTag.string:
      writer.string(typeof value === 'string' ? value : String((value as { value: unknown }).value));
      return;
    case KeyTag.boolean:
      writer.byte(value ? 1 : 0);
      return;
    case KeyTag.date:
      writer.number((value as Date).getTime());
      return;
    case KeyTag.objectId:
      writer.bytes((value as { id: Uint8Array }).id);
      return;
    case KeyTag.binary: {
      // MongoDB orders binary data by length, then subtype, then bytes.
      const binary = value as { buffer: Uint8Array; position: number; sub_type: number };
      writer.uint32(binary.position);
      writer.byte(binary.sub_type);
      writer.bytes(binary.buffer.subarray(0, binary.position));
      return;
    }
    case KeyTag.timestamp: {
      const timestamp = value as { t: number; i: number };
      writer.uint32(timestamp.t);
      writer.uint32(timestamp.i);
      return;
    }
    case KeyTag.regex: {
      const regex = value instanceof RegExp ? value : (value as { pattern: string; options: string });
      writer.string(regex instanceof RegExp ? regex.source : regex.pattern);
      writer.string(regex instanceof RegExp ? regex.flags : regex.options);
      return;
    }
    case KeyTag.array:
      for (const element of value as unknown[]) writeValue(writer, element);
      writer.byte(END);
      return;
    case KeyTag.object:
      // Field by field as MongoDB compares documents: the value's type, then the name, then the value.
      for (const [name, field] of Object.entries(value as Document)) {
        if (field === undefined) continue;
        const fieldTag = tagOf(field);
        writer.byte(fieldTag);
        writer.string(name);
        writeBody(writer, fieldTag, field);
      }
      writer.byte(END);
      return;
    case KeyTag.other:
      writer.string(EJSON.stringify(value as Document, { relaxed: false }));
      return;
    default:
      // null, MinKey, MaxKey: the tag says it all.
      return;
  }
}

function writeValue(writer: KeyWriter, value: unknown): void {
  const tag = tagOf(value);
  writer.byte(tag);
  writeBody(writer, tag, value);
}

/** The key of one value (a missing value is null, as in an index). */
export function encodeKey(value: unknown): Buffer {
  const writer = new KeyWriter();
  writeValue(writer, value);
  return writer.finish();
}

/** The key of several values in order: a compound index key. */
export function encodeCompoundKey(values: readonly unknown[]): Buffer {
  const writer = new KeyWriter();
  for (const value of values) writeValue(writer, value);
  return writer.finish();
}

/** The first key after every key that starts with `prefix`, or undefined when there is none. */
export function prefixEnd(prefix: Uint8Array): Buffer | undefined {
  let last = prefix.length - 1;
  while (last >= 0 && prefix[last] === 0xff) last -= 1;
  if (last < 0) return undefined;
  const end = Buffer.from(prefix.subarray(0, last + 1));
  end[last] += 1;
  return end;
}

/** The keys of strings starting with `text` begin with these bytes (no terminator). */
export function stringPrefixKey(prefix: Uint8Array, text: string): Buffer {
  const full = encodeKey(text);
  return Buffer.concat([prefix, full.subarray(0, full.length - 2)]);
}

/** `prefix` followed by a bare type tag: where that type's keys start. */
export function typeStartKey(prefix: Uint8Array, tag: number): Buffer {
  return Buffer.concat([prefix, Buffer.of(tag)]);
}

/** Where the encoded string starting at `offset` ends (after its terminator). */
function stringEnd(key: Uint8Array, offset: number): number {
  let i = offset;
  for (;;) {
    if (i >= key.length) throw new Error('truncated index key');
    if (key[i] === 0x00) {
      if (key[i + 1] === END) return i + 2;
      i += 2;
    } else i += 1;
  }
}

function readString(key: Uint8Array, offset: number): { value: string; end: number } {
  const end = stringEnd(key, offset);
  const raw = Buffer.from(key.subarray(offset, end - 2));
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; i += 1) {
    if (raw[i] === 0x00) {
      parts.push(raw.subarray(start, i), Buffer.of(0));
      i += 1;
      start = i + 1;
    }
  }
  parts.push(raw.subarray(start));
  return { value: Buffer.concat(parts).toString('utf8'), end };
}

function readNumber(key: Uint8Array, offset: number): number {
  if (key.subarray(offset, offset + 8).every((byte) => byte === 0)) return NaN;
  const positive = (key[offset] & 0x80) !== 0;
  for (let i = 0; i < 8; i += 1) {
    const byte = key[offset + i];
    numberView.setUint8(i, positive ? (i === 0 ? byte & 0x7f : byte) : ~byte & 0xff);
  }
  return numberView.getFloat64(0);
}

/**
 * Reads one value back from a key, for messages and checks (numbers come back as doubles and
 * BSON-specific values as their Extended JSON shape): the value and where it ends.
 */
function decodeKeyAt(key: Uint8Array, offset: number): { value: unknown; end: number } {
  const tag = key[offset];
  const body = offset + 1;
  return decodeBody(key, tag, body);
}

function decodeBody(key: Uint8Array, tag: number, body: number): { value: unknown; end: number } {
  switch (tag) {
    case KeyTag.null:
      return { value: null, end: body };
    case KeyTag.minKey:
      return { value: { $minKey: 1 }, end: body };
    case KeyTag.maxKey:
      return { value: { $maxKey: 1 }, end: body };
    case KeyTag.number:
      return { value: readNumber(key, body), end: body + 8 };
    case KeyTag.string:
      return readString(key, body);
    case KeyTag.boolean:
      return { value: key[body] === 1, end: body + 1 };
    case KeyTag.date:
      return { value: new Date(readNumber(key, body)), end: body + 8 };
    case KeyTag.objectId:
      return { value: { $oid: Buffer.from(key.subarray(body, body + 12)).toString('hex') }, end: body + 12 };
    case KeyTag.binary: {
      const length = Buffer.from(key.subarray(body, body + 4)).readUInt32BE(0);
      const start = body + 5;
      const base64 = Buffer.from(key.subarray(start, start + length)).toString('base64');
      return { value: { $binary: { base64, subType: key[body + 4].toString(16) } }, end: start + length };
    }
    case KeyTag.timestamp: {
      const bytes = Buffer.from(key.subarray(body, body + 8));
      return { value: { $timestamp: { t: bytes.readUInt32BE(0), i: bytes.readUInt32BE(4) } }, end: body + 8 };
    }
    case KeyTag.regex: {
      const source = readString(key, body);
      const flags = readString(key, source.end);
      return { value: { $regex: source.value, $options: flags.value }, end: flags.end };
    }
    case KeyTag.other: {
      const text = readString(key, body);
      return { value: JSON.parse(text.value) as unknown, end: text.end };
    }
    case KeyTag.array: {
      const values: unknown[] = [];
      let at = body;
      while (key[at] !== END) {
        const element = decodeKeyAt(key, at);
        values.push(element.value);
        at = element.end;
      }
      return { value: values, end: at + 1 };
    }
    case KeyTag.object: {
      const doc: Document = {};
      let at = body;
      while (key[at] !== END) {
        const fieldTag = key[at];
        const name = readString(key, at + 1);
        const field = decodeBody(key, fieldTag, name.end);
        doc[name.value] = field.value;
        at = field.end;
      }
      return { value: doc, end: at + 1 };
    }
    default:
      throw new Error(`unknown index key tag 0x${tag.toString(16)}`);
  }
}

/** Every value of a (compound) key, in field order. */
export function decodeKey(key: Uint8Array): unknown[] {
  const values: unknown[] = [];
  for (let at = 0; at < key.length;) {
    const decoded = decodeKeyAt(key, at);
    values.push(decoded.value);
    at = decoded.end;
  }
  return values;
}

/** Where the `count` first values of a compound key end: the bytes that group keys by those fields. */
export function keyPrefixLength(key: Uint8Array, count: number): number {
  let at = 0;
  for (let i = 0; i < count; i += 1) at = skipValue(key, at);
  return at;
}

function skipValue(key: Uint8Array, offset: number): number {
  const tag = key[offset];
  return skipBody(key, tag, offset + 1);
}

function skipBody(key: Uint8Array, tag: number, body: number): number {
  switch (tag) {
    case KeyTag.number:
    case KeyTag.date:
    case KeyTag.timestamp:
      return body + 8;
    case KeyTag.boolean:
      return body + 1;
    case KeyTag.objectId:
      return body + 12;
    case KeyTag.string:
    case KeyTag.other:
      return stringEnd(key, body);
    case KeyTag.regex:
      return stringEnd(key, stringEnd(key, body));
    case KeyTag.binary:
      return body + 5 + Buffer.from(key.subarray(body, body + 4)).readUInt32BE(0);
    case KeyTag.array: {
      let at = body;
      while (key[at] !== END) at = skipValue(key, at);
      return at + 1;
    }
    case KeyTag.object: {
      let at = body;
      while (key[at] !== END) at = skipBody(key, key[at], stringEnd(key, at + 1));
      return at + 1;
    }
    default:
      return body;
  }
}
