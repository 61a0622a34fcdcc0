import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../../store';
import { Article } from '../article/article.type';
import { fromGlobalId } from './global-id.codec';
import { Meeting } from '../meeting/meeting.type';
import { Node } from './node.type';
import { Office } from '../office/office.type';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';
import type { RequestContext } from './request.context';
import { badUserInput } from './user-input.error';

async function loadNode(globalId: string, ctx: RequestContext): Promise<Node | null> {
  const parsed = fromGlobalId(globalId);
  if (!parsed) return null;
  const { loaders } = ctx;
  switch (parsed.typeName) {
    case 'Article': {
      const doc = await loaders.articleById.load(parsed.storeId);
      return doc && Article.from(doc);
    }
    case 'Person': {
      const doc = await loaders.personById.load(parsed.storeId);
      return doc && Person.from(doc);
    }
    case 'Organization': {
      const doc = await loaders.organizationById.load(parsed.storeId);
      return doc && Organization.from(doc);
    }
    case 'Office': {
      const doc = await loaders.officeById.load(parsed.storeId);
      return doc && Office.from(doc);
    }
    case 'Meeting': {
      const doc = await loaders.meetingById.load(parsed.storeId);
      return doc && Meeting.from(doc);
    }
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when there is none.' })
  node(
    @Arg('id', () => ID, { description: 'A global id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Node | null> {
    return loadNode(id, ctx);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by their global ids (at most ${MAX_PAGE_SIZE}), in the same order; null for each id with no object.`,
  })
  nodes(
    @Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<Array<Node | null>> {
    if (ids.length > MAX_PAGE_SIZE)
      throw badUserInput(`\`nodes\` takes at most ${MAX_PAGE_SIZE} ids, got ${ids.length}`);
    return Promise.all(ids.map((id) => loadNode(id, ctx)));
  }
}
