import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pageFromArray, searchEverything, type SearchMatch } from '../../store';
import { Article } from '../article/article.type';
import { toConnection, type ConnectionValue } from '../common/connection.type';
import { SearchResultConnection } from '../common/connections.type';
import { Office } from '../office/office.type';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';
import type { RequestContext } from '../common/request.context';
import { SearchArgs } from './search.args';
import { requireShortTexts } from '../common/input-text.limit';

function toResult(match: SearchMatch): Person | Organization | Office | Article {
  switch (match.kind) {
    case 'person':
      return Person.from(match.doc);
    case 'organization':
      return Organization.from(match.doc);
    case 'office':
      return Office.from(match.doc);
    case 'article':
      return Article.from(match.doc);
  }
}

@Resolver()
export class SearchResolver {
  @Query(() => SearchResultConnection, {
    description:
      'People, organizations, offices and articles with a name, alias, title or jurisdiction word starting with `text`: people first (most mentioned first), then organizations, offices and articles. At most 100 matches of each kind are considered.',
  })
  async search(
    @Args() args: SearchArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Person | Organization | Office | Article>> {
    requireShortTexts({ text: args.text }, '');
    const matches = await searchEverything(ctx.db, args.text);
    return toConnection(
      pageFromArray(matches, args, (m) => `${m.kind}:${m.doc._id}`),
      toResult,
    );
  }
}
