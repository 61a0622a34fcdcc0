/**
 * The load log's large values (article drafts, plans) stored as one compressed binary each:
 * they are written once, read back only to recover a crashed load, and never queried, so
 * packing them costs the store far less than documents of many nested fields would. They are
 * plain JSON (no dates or other BSON values).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Binary } from 'mongodb';

export function pack(value: unknown): Binary {
  return new Binary(deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 1 }));
}

export function unpack<T>(packed: Binary): T {
  return JSON.parse(inflateRawSync(packed.buffer).toString('utf8')) as T;
}
