/**
 * Relay cursor connections: one generic shape (`edges`, `nodes`, `pageInfo`, `totalCount`) made
 * concrete per node type, and the mapping from a store page to it.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import type { Page } from '../../store';
import { PageInfo } from './page-info.type';

// A field type as TypeGraphQL takes it: an object type class, or a union made by createUnionType.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeGraphQL's own ClassType is `Function`-shaped
type NodeTypeRef = Function | object;

export interface ConnectionValue<TNode> {
  edges: Array<{ cursor: string; node: TNode }>;
  nodes: TNode[];
  pageInfo: PageInfo;
  /** A getter, so the count (a command of its own for collection pages) runs only when the field is selected. */
  readonly totalCount: Promise<number>;
}

export function ConnectionType(nodeType: NodeTypeRef, typeName: string, itemsDescription: string) {
  @ObjectType(`${typeName}Edge`, {
    simpleResolvers: true,
    description: `An item of a page of ${itemsDescription}, with its cursor.`,
  })
  class Edge {
    @Field({ description: 'Opaque cursor of this item, for `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: unknown;
  }

  @ObjectType(`${typeName}Connection`, { simpleResolvers: true, description: `A page of ${itemsDescription}.` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The items of this page, without cursors.' })
    nodes!: unknown[];

    @Field(() => PageInfo, { description: 'How to reach the neighbouring pages.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list has, over all pages.' })
    totalCount!: number;
  }
  return Connection;
}

export function pageInfoOf(page: Page<unknown>): PageInfo {
  return {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.edges[0]?.cursor ?? null,
    endCursor: page.edges[page.edges.length - 1]?.cursor ?? null,
  };
}

/**
 * A page as a connection. A class rather than an object literal with a `get totalCount()`: V8
 * allocates a literal's accessor pair in the old generation, and from there the getter's closure
 * kept the page, with every document and node on it, alive through each young-generation
 * collection until the next full one. On the heavy hitter's person page a tenth of everything a
 * request allocated survived each idle collection that way (measured in BENCHMARKS.md).
 */
class PageConnection<TNode> implements ConnectionValue<TNode> {
  readonly nodes: TNode[];
  readonly pageInfo: PageInfo;

  constructor(
    readonly edges: Array<{ cursor: string; node: TNode }>,
    private readonly page: Page<unknown>,
  ) {
    this.nodes = edges.map((edge) => edge.node);
    this.pageInfo = pageInfoOf(page);
  }

  get totalCount(): Promise<number> {
    return this.page.totalCount();
  }
}

export function toConnection<TItem, TNode>(page: Page<TItem>, toNode: (item: TItem) => TNode): ConnectionValue<TNode> {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) }));
  return new PageConnection(edges, page);
}
