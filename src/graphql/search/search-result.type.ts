import { createUnionType } from 'type-graphql';
import { Article } from '../article/article.type';
import { Office } from '../office/office.type';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'Something `search` found: a person, an organization, an office or an article.',
  types: () => [Person, Organization, Office, Article] as const,
});
