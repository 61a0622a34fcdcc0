import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OfficeHolding } from './office-holding.type';
import { Office } from './office.type';
import { Person } from '../person/person.type';
import type { RequestContext } from '../common/request.context';

@Resolver(() => OfficeHolding)
export class OfficeHoldingResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The holder; null only if they were removed while this was being read.',
  })
  async person(@Root() holding: OfficeHolding, @Ctx() ctx: RequestContext): Promise<Person | null> {
    const doc = await ctx.loaders.personById.load(holding.holding.personId);
    return doc && Person.from(doc);
  }

  @FieldResolver(() => Office, { description: 'The office held.' })
  office(@Root() holding: OfficeHolding): Office {
    return Office.from(holding.office);
  }
}
