/**
 * The load log's large values (article drafts, plans) stored as one compressed binary each:
 * they are written once, read back only to recover a crashed load, and never queried, so
 * packing them costs the store far less than documents of many nested fields would. Extended
 * JSON keeps dates and other BSON values as they were.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Binary, BSON } from 'mongodb';

export function pack(value: unknown): Binary {
  return new Binary(deflateRawSync(Buffer.from(BSON.EJSON.stringify(value), 'utf8'), { level: 1 }));
}

export function unpack<T>(packed: Binary): T {
  return BSON.EJSON.parse(inflateRawSync(packed.buffer).toString('utf8')) as T;
}
