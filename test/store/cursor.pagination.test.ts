/** Keyset pages over a real collection: every document once, in order, both ways, nullable sort values included. */
import type { Collection } from 'mongodb';
import { findPage, pageFromArray, StoreInputError, type Page, type SortSpec } from '../../src/store';
import { useTestDatabase } from '../helpers/test-database';

interface Row {
  _id: string;
  day: string | null;
}

// Ties and nulls on purpose: the cursor must break ties by _id and place nulls as MongoDB sorts them.
const ROWS: Row[] = Array.from({ length: 23 }, (_, i) => ({
  _id: `r${String(i).padStart(2, '0')}`,
  day: i % 5 === 0 ? null : `2020-01-${String((i % 4) + 1).padStart(2, '0')}`,
}));

function expectedOrder(direction: 1 | -1): string[] {
  const rank = (row: Row) => (row.day === null ? '' : row.day);
  return [...ROWS]
    .sort((a, b) => (rank(a) === rank(b) ? (a._id < b._id ? -1 : 1) : rank(a) < rank(b) ? -1 : 1) * direction)
    .map((row) => row._id);
}

describe('findPage', () => {
  const database = useTestDatabase();
  let rows: Collection<Row>;

  beforeAll(async () => {
    rows = database().db.collection<Row>('rows');
    await rows.insertMany(ROWS);
  });

  for (const direction of [1, -1] as const) {
    const sort: SortSpec = { field: 'day', direction };

    it(`pages forward through every row once (direction ${direction})`, async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: Page<Row> = await findPage(rows, {}, sort, { first: 4, after });
        seen.push(...page.edges.map((e) => e.node._id));
        if (!page.hasNextPage) break;
        after = page.edges[page.edges.length - 1].cursor;
      }
      expect(seen).toEqual(expectedOrder(direction));
    });

    it(`pages backward through every row once (direction ${direction})`, async () => {
      const seen: string[] = [];
      let before: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: Page<Row> = await findPage(rows, {}, sort, { last: 4, before });
        seen.unshift(...page.edges.map((e) => e.node._id));
        if (!page.hasPreviousPage) break;
        before = page.edges[0].cursor;
      }
      expect(seen).toEqual(expectedOrder(direction));
    });
  }

  it('counts the whole filtered list, not the page', async () => {
    const page = await findPage(rows, { day: null }, { field: 'day', direction: 1 }, { first: 2 });
    expect(page.edges).toHaveLength(2);
    expect(await page.totalCount()).toBe(5);
  });

  it('counts without a command of its own when the first page holds every match, and counts right either way', async () => {
    const counts: string[] = [];
    const watched = await database().connect({ monitorCommands: true });
    watched.on('commandStarted', (event) => counts.push(event.commandName));
    const watchedRows = watched.db(database().db.databaseName).collection<Row>('rows');
    const sort: SortSpec = { field: 'day', direction: 1 };

    const whole = await findPage(watchedRows, { day: null }, sort, { first: 10 });
    const wholeBackward = await findPage(watchedRows, { day: null }, sort, { last: 10 });
    const none = await findPage(watchedRows, { day: 'never' }, sort, { first: 10 });
    expect([await whole.totalCount(), await wholeBackward.totalCount(), await none.totalCount()]).toEqual([5, 5, 0]);
    expect(counts.filter((name) => name !== 'find')).toEqual([]);

    const empty = await findPage(watchedRows, { day: null }, sort, { first: 0 });
    const rest = await findPage(watchedRows, { day: null }, sort, { first: 10, after: whole.edges[1].cursor });
    expect([await empty.totalCount(), await rest.totalCount()]).toEqual([5, 5]);
  });

  it('rejects page sizes over 100 and foreign cursors', async () => {
    await expect(findPage(rows, {}, { field: 'day', direction: 1 }, { first: 101 })).rejects.toThrow(StoreInputError);
    await expect(findPage(rows, {}, { field: 'day', direction: 1 }, { first: 1, after: 'abc' })).rejects.toThrow(
      StoreInputError,
    );
  });
});

describe('pageFromArray', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('slices forward and backward by cursor', () => {
    const first = pageFromArray(items, { first: 2 }, (x) => x);
    expect(first.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(first.hasNextPage).toBe(true);
    const next = pageFromArray(items, { first: 2, after: first.edges[1].cursor }, (x) => x);
    expect(next.edges.map((e) => e.node)).toEqual(['c', 'd']);
    expect(next.hasPreviousPage).toBe(true);
    const last = pageFromArray(items, { last: 2, before: next.edges[1].cursor }, (x) => x);
    expect(last.edges.map((e) => e.node)).toEqual(['b', 'c']);
    expect(last.hasPreviousPage).toBe(true);
    expect(last.hasNextPage).toBe(true);
  });

  it('rejects a cursor of another list', () => {
    const other = pageFromArray(['x'], { first: 1 }, (x) => x).edges[0].cursor;
    expect(() => pageFromArray(items, { after: other }, (x) => x)).toThrow(StoreInputError);
  });
});
