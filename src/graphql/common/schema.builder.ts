/**
 * Builds the executable schema from the resolver classes, and prints it sorted as the committed contract.
 * Every object type is declared with `simpleResolvers: true`: no middleware applies to plain fields
 * (only mutations are authorized), so graphql's default resolver reads them without TypeGraphQL's
 * per-field wrapper, which a page of meetings would otherwise run thousands of times.
 */
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AffiliationResolver } from '../organization/affiliation.resolver';
import { apiKeyAuthChecker } from './api-key.auth-checker';
import { ArticleResolver } from '../article/article.resolver';
import { IngestResolver } from '../ingest/ingest.resolver';
import { MeetingResolver } from '../meeting/meeting.resolver';
import { PersonMetWithEdgeResolver } from '../person/met-with.resolver';
import { NodeResolver } from './node.resolver';
import { OfficeHoldingResolver } from '../office/office-holding.resolver';
import { OfficeResolver } from '../office/office.resolver';
import { OrganizationResolver } from '../organization/organization.resolver';
import { PersonResolver } from '../person/person.resolver';
import { SearchResolver } from '../search/search.resolver';
import { SupportResolver } from '../support/support.resolver';

let built: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every server in the process, so it is built once. */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      NodeResolver,
      SearchResolver,
      ArticleResolver,
      PersonResolver,
      PersonMetWithEdgeResolver,
      AffiliationResolver,
      SupportResolver,
      OrganizationResolver,
      OfficeResolver,
      OfficeHoldingResolver,
      MeetingResolver,
      IngestResolver,
    ],
    authChecker: apiKeyAuthChecker,
    validate: false,
  });
  return built;
}

export async function printSortedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphQLSchema()))}\n`;
}
