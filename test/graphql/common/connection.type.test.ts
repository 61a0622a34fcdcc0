import { toConnection } from '../../../src/graphql/common/connection.type';
import type { Page } from '../../../src/store';

function pageOf(ids: string[], count: () => Promise<number>): Page<{ id: string }> {
  return {
    edges: ids.map((id) => ({ cursor: `cursor-${id}`, node: { id } })),
    hasNextPage: true,
    hasPreviousPage: false,
    totalCount: count,
  };
}

describe('toConnection', () => {
  it('gives each item as a node, in page order, with its cursor and the page boundaries', () => {
    const connection = toConnection(
      pageOf(['a', 'b', 'c'], async () => 3),
      (item) => item.id.toUpperCase(),
    );

    expect(connection.edges).toEqual([
      { cursor: 'cursor-a', node: 'A' },
      { cursor: 'cursor-b', node: 'B' },
      { cursor: 'cursor-c', node: 'C' },
    ]);
    expect(connection.nodes).toEqual(['A', 'B', 'C']);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: 'cursor-a',
      endCursor: 'cursor-c',
    });
  });

  it('has no cursors on an empty page', () => {
    const connection = toConnection(
      pageOf([], async () => 0),
      (item) => item,
    );

    expect(connection.nodes).toEqual([]);
    expect(connection.pageInfo.startCursor).toBeNull();
    expect(connection.pageInfo.endCursor).toBeNull();
  });

  // GraphQL reads `totalCount` only when the query selects it; counting costs a command.
  it('counts the whole list only when totalCount is read', async () => {
    const count = jest.fn(async () => 42);
    const connection = toConnection(pageOf(['a'], count), (item) => item);

    expect(count).not.toHaveBeenCalled();
    await expect(connection.totalCount).resolves.toBe(42);
    expect(count).toHaveBeenCalledTimes(1);
  });
});
