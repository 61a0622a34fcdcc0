import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Affiliation } from './affiliation.type';
import { Organization } from './organization.type';
import { Person } from '../person/person.type';
import type { RequestContext } from '../common/request.context';

@Resolver(() => Affiliation)
export class AffiliationResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The member; null only if they were removed while this was being read.',
  })
  async person(@Root() affiliation: Affiliation, @Ctx() ctx: RequestContext): Promise<Person | null> {
    const doc = await ctx.loaders.personById.load(affiliation.doc.personId);
    return doc && Person.from(doc);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The party or body; null only if it was removed while this was being read.',
  })
  async organization(@Root() affiliation: Affiliation, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    const doc = await ctx.loaders.organizationById.load(affiliation.doc.organizationId);
    return doc && Organization.from(doc);
  }
}
