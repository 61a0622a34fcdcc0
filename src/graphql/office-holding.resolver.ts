import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadExisting } from '../store';
import { Article } from './article.type';
import { Evidence } from './evidence.type';
import { OfficeHolding } from './office-holding.type';
import { Office } from './office.type';
import { Person } from './person.type';
import type { RequestContext } from './request.context';

@Resolver(() => OfficeHolding)
export class OfficeHoldingResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The holder; null only if they were removed while this was being read.',
  })
  async person(@Root() holding: OfficeHolding, @Ctx() ctx: RequestContext): Promise<Person | null> {
    const doc = await ctx.loaders.personById.load(holding.membership.personId);
    return doc && Person.from(doc);
  }

  @FieldResolver(() => Office, { description: 'The office held.' })
  office(@Root() holding: OfficeHolding): Office {
    return Office.from(holding.office);
  }

  @FieldResolver(() => [Article], { description: 'The articles that show the person in this office.' })
  async sources(@Root() holding: OfficeHolding, @Ctx() ctx: RequestContext): Promise<Article[]> {
    return (await loadExisting(ctx.loaders.articleById, holding.membership.articleIds)).map(Article.from);
  }

  @FieldResolver(() => [Evidence], { description: 'The sentences that show the person in this office.' })
  evidence(@Root() holding: OfficeHolding): Evidence[] {
    return holding.membership.evidence.map(Evidence.from);
  }
}
