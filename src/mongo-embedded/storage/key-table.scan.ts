/**
 * Reading a table of `(key, seq)` pairs in key order: a secondary index's key table, or a
 * collection's document table by its `_id` key. Ranges are read a chunk at a time, each chunk a
 * statement of its own that resumes after the last pair read, so no statement stays open across
 * the pauses a long read takes to let other commands run.
 */
import type { SqliteStorage } from './sqlite.storage';

/** Keys from `start` (included) up to `end` (excluded). */
export interface KeyRange {
  start: Buffer;
  end: Buffer;
}

export interface KeyEntry {
  key: Buffer;
  seq: number;
}

/** After every key: keys start with a type tag, and tags are below 0xff. */
export const HIGHEST_KEY = Buffer.of(0xff);

export interface ScanCounters {
  keysExamined: number;
}

/**
 * The limit a statement is prepared with for `n` rows: a power of two from 16, so a table has
 * a few statements, with their limit written in. As a `LIMIT ?` parameter, it made each run
 * of a short range's read three times as costly (17 against 5.5 µs, measured on SQLite 3.53).
 */
function preparedLimit(n: number): number {
  let limit = 16;
  while (limit < n) limit *= 2;
  return limit;
}

export class KeyTable {
  private readonly firstAscending: string;
  private readonly nextAscending: string;
  private readonly firstDescending: string;
  private readonly nextDescending: string;
  private readonly countSql: string;
  private readonly takenSql: string;
  private readonly holderSql: string;
  private readonly amongSql: string;

  constructor(
    private readonly storage: SqliteStorage,
    table: string,
    keyColumn: string,
    private readonly counters: ScanCounters,
  ) {
    const select = `SELECT ${keyColumn}, seq FROM "${table}" WHERE`;
    // Resuming bounds the row value alone: with a second lower bound, SQLite seeks from the range's start.
    this.firstAscending = `${select} ${keyColumn} >= ? AND ${keyColumn} < ? ORDER BY ${keyColumn}, seq LIMIT`;
    this.nextAscending = `${select} (${keyColumn}, seq) > (?, ?) AND ${keyColumn} < ? ORDER BY ${keyColumn}, seq LIMIT`;
    this.firstDescending = `${select} ${keyColumn} >= ? AND ${keyColumn} < ? ORDER BY ${keyColumn} DESC, seq DESC LIMIT`;
    this.nextDescending = `${select} (${keyColumn}, seq) < (?, ?) AND ${keyColumn} >= ? ORDER BY ${keyColumn} DESC, seq DESC LIMIT`;
    this.countSql = `SELECT count(*) FROM (SELECT 1 FROM "${table}" WHERE ${keyColumn} >= ? AND ${keyColumn} < ? LIMIT`;
    this.takenSql = `SELECT seq FROM "${table}" WHERE ${keyColumn} = ? AND seq != ? LIMIT 1`;
    this.holderSql = `SELECT seq FROM "${table}" WHERE ${keyColumn} = ? LIMIT 1`;
    // Many whole keys in one statement (as hex in a JSON list): a loader's batch of ids costs one
    // statement, not one each.
    this.amongSql = `${select} ${keyColumn} IN (SELECT unhex(value) FROM json_each(?)) ORDER BY ${keyColumn}, seq`;
  }

  /** The pairs a statement reads, at most `limit` of them (counted as examined). */
  private read(sql: string, params: unknown[], limit = Infinity): KeyEntry[] {
    const rows = this.storage
      .statement(sql)
      .raw(true)
      .all(...params) as Array<[Buffer, number]>;
    if (rows.length > limit) rows.length = limit;
    this.counters.keysExamined += rows.length;
    return rows.map(([key, seq]) => ({ key, seq }));
  }

  /** At most `limit` pairs of a statement that ends in `LIMIT` (see `preparedLimit`). */
  private readUpTo(limit: number, sql: string, ...params: unknown[]): KeyEntry[] {
    return this.read(`${sql} ${preparedLimit(limit)}`, params, limit);
  }

  /**
   * The pairs in `range`, in key order (`direction` 1) or the reverse, `chunk` at a time (the
   * first `firstChunk`, for a reader that expects to need only so many).
   */
  *entries(range: KeyRange, direction: 1 | -1, chunk: number, firstChunk = chunk): Generator<KeyEntry[]> {
    let asked = firstChunk;
    let rows =
      direction === 1
        ? this.readUpTo(asked, this.firstAscending, range.start, range.end)
        : this.readUpTo(asked, this.firstDescending, range.start, range.end);
    while (rows.length) {
      yield rows;
      if (rows.length < asked) return;
      asked = chunk;
      const last = rows[rows.length - 1];
      rows =
        direction === 1
          ? this.readUpTo(chunk, this.nextAscending, last.key, last.seq, range.end)
          : this.readUpTo(chunk, this.nextDescending, last.key, last.seq, range.start);
    }
  }

  /**
   * The pairs whose key is one of `keys` (whole keys, each held at most once: a unique index),
   * in key order, `chunk` keys at a time.
   */
  *among(keys: Buffer[], chunk: number): Generator<KeyEntry[]> {
    for (let i = 0; i < keys.length; i += chunk) {
      yield this.read(this.amongSql, [JSON.stringify(keys.slice(i, i + chunk).map((key) => key.toString('hex')))]);
    }
  }

  /** How many pairs `range` holds, counting no further than `cap`. */
  count(range: KeyRange, cap: number): number {
    const counted = this.storage
      .statement(`${this.countSql} ${preparedLimit(cap)})`)
      .pluck()
      .get(range.start, range.end) as number;
    return Math.min(counted, cap);
  }

  /** How many pairs `range` holds, counted as examined (mongod's count scan); undefined when `cap` or more. */
  tally(range: KeyRange, cap: number): number | undefined {
    const n = this.count(range, cap);
    if (n >= cap) return undefined;
    this.counters.keysExamined += n;
    return n;
  }

  /** The seq of the pair with exactly this key in a unique index, if there is one (counted as examined). */
  holderOf(key: Buffer): number | undefined {
    const seq = this.storage.statement(this.holderSql).pluck().get(key) as number | undefined;
    if (seq !== undefined) this.counters.keysExamined += 1;
    return seq;
  }

  /** The seq of a pair with exactly this key other than `exceptSeq`, if there is one. */
  holderOtherThan(key: Buffer, exceptSeq: number): number | undefined {
    return this.storage.statement(this.takenSql).pluck().get(key, exceptSeq) as number | undefined;
  }
}
