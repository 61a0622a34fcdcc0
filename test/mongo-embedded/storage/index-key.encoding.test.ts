/**
 * Index keys as bytes: SQLite orders and compares them byte by byte, so the bytes must order
 * values as MongoDB does and be equal exactly for values MongoDB calls equal; an index answers
 * lookups and sorts only as well as this holds.
 */
import { Binary, Decimal128, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import {
  decodeKey,
  encodeCompoundKey,
  encodeKey,
  keyPrefixLength,
  prefixEnd,
  stringPrefixKey,
} from '../../../src/mongo-embedded/storage/index-key.encoding';
import { compareValues } from '../../../src/mongo-embedded/query/sort.comparator';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

it('orders values of every type as MongoDB does', () => {
  const ascending: unknown[] = [
    new MinKey(),
    null,
    NaN,
    -Infinity,
    -1e300,
    -2.5,
    -1,
    0,
    1,
    Long.fromNumber(2),
    2.5,
    Decimal128.fromString('3'),
    1e300,
    Infinity,
    '',
    'a',
    'a\u0000',
    'a\u0000b',
    'ab',
    'b',
    'é',
    {},
    { a: 1 },
    { a: 1, b: 1 },
    // A field's type counts before its name: a number before a string whatever they are called.
    { b: 0 },
    { a: 'x' },
    [],
    [1],
    [1, 2],
    [2],
    new Binary(Buffer.from([9])),
    new Binary(Buffer.from([1, 1])),
    new ObjectId('000000000000000000000001'),
    new ObjectId('ff0000000000000000000000'),
    false,
    true,
    new Date(-1000),
    new Date(0),
    new Date(1_700_000_000_000),
    new Timestamp({ t: 1, i: 2 }),
    new Timestamp({ t: 2, i: 1 }),
    /a/,
    /b/i,
    new MaxKey(),
  ];
  for (let i = 1; i < ascending.length; i += 1) {
    const order = Buffer.compare(encodeKey(ascending[i - 1]), encodeKey(ascending[i]));
    expect({ lower: ascending[i - 1], higher: ascending[i], order }).toEqual({
      lower: ascending[i - 1],
      higher: ascending[i],
      order: -1,
    });
  }
});

it('agrees with the sort comparator on random values', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const scalar = (): unknown => {
    const roll = random();
    if (roll < 0.25) return Math.round((random() - 0.5) * 1000) / 4;
    if (roll < 0.5)
      return 'abcde'.slice(0, Math.floor(random() * 5)) + String.fromCharCode(97 + Math.floor(random() * 3));
    if (roll < 0.6) return random() < 0.5;
    if (roll < 0.7) return null;
    if (roll < 0.8) return new Date(Math.floor(random() * 1e12));
    if (roll < 0.9) return { k: Math.floor(random() * 3), v: 'x' };
    return [Math.floor(random() * 3), 'y'];
  };
  for (let i = 0; i < 2000; i += 1) {
    const a = scalar();
    const b = scalar();
    expect({ a, b, order: sign(Buffer.compare(encodeKey(a), encodeKey(b))) }).toEqual({
      a,
      b,
      order: sign(compareValues(a, b)),
    });
  }
});

it('gives values MongoDB calls equal one key, and no other value that key', () => {
  expect(encodeKey(5)).toEqual(encodeKey(5.0));
  expect(encodeKey(5)).toEqual(encodeKey(Long.fromNumber(5)));
  expect(encodeKey(5)).toEqual(encodeKey(new Int32(5)));
  expect(encodeKey(5)).toEqual(encodeKey(Decimal128.fromString('5.0')));
  expect(encodeKey(0)).toEqual(encodeKey(-0));
  expect(encodeKey(undefined)).toEqual(encodeKey(null));
  expect(encodeKey('5')).not.toEqual(encodeKey(5));
  expect(encodeKey({ a: 1, b: 2 })).not.toEqual(encodeKey({ b: 2, a: 1 }));
  expect(encodeKey(new Date(5))).not.toEqual(encodeKey(5));
});

it('reads a key back, and knows where each field of a compound key ends', () => {
  const id = new ObjectId();
  const values = ['s5-167', 42, true, null, new Date(86_400_000), { a: ['x\u0000y'] }, id];
  const key = encodeCompoundKey(values);
  expect(decodeKey(key)).toEqual([
    's5-167',
    42,
    true,
    null,
    new Date(86_400_000),
    { a: ['x\u0000y'] },
    { $oid: id.toHexString() },
  ]);
  expect(key.subarray(0, keyPrefixLength(key, 2))).toEqual(encodeCompoundKey(values.slice(0, 2)));
});

it('bounds the keys of strings with a prefix, and every key starting with given bytes', () => {
  const start = stringPrefixKey(Buffer.alloc(0), 'ab');
  const end = prefixEnd(start)!;
  const inside = (value: unknown) => {
    const key = encodeKey(value);
    return Buffer.compare(key, start) >= 0 && Buffer.compare(key, end) < 0;
  };
  expect(['ab', 'abc', 'ab\u0000', 'abz\u00ff'].every(inside)).toBe(true);
  expect(['a', 'aa', 'b', 'ac', 5, { ab: 1 }].some(inside)).toBe(false);
  // A compound key's first field fixes a range that holds exactly the keys with that value first.
  const first = encodeKey('ab');
  const within = (values: unknown[]) => {
    const key = encodeCompoundKey(values);
    return Buffer.compare(key, first) >= 0 && Buffer.compare(key, prefixEnd(first)!) < 0;
  };
  expect(within(['ab', 1]) && within(['ab', 'zzz'])).toBe(true);
  expect(within(['abc', 1]) || within(['a', 'b'])).toBe(false);
});
