/** `search(text)`: one anchored prefix query per searchable collection, the best matches of each kind. */
import type { Db } from 'mongodb';
import type { ArticleDocument } from './article.document';
import { searchArticles } from './article.repository';
import { searchOffices } from './office.repository';
import { searchOrganizations } from './organization.repository';
import { searchPeople } from './person.repository';
import type { OfficeView, OrganizationView, PersonView } from './read.view';

/** How many matches of each kind a search considers; a search wider than this should be narrowed. */
export const SEARCH_LIMIT_PER_KIND = 100;

export type SearchMatch =
  | { kind: 'person'; doc: PersonView }
  | { kind: 'organization'; doc: OrganizationView }
  | { kind: 'office'; doc: OfficeView }
  | { kind: 'article'; doc: ArticleDocument };

/** People first (most mentioned first), then organizations, offices and articles. */
export async function searchEverything(db: Db, text: string): Promise<SearchMatch[]> {
  const [people, organizations, offices, articles] = await Promise.all([
    searchPeople(db, text, SEARCH_LIMIT_PER_KIND),
    searchOrganizations(db, text, SEARCH_LIMIT_PER_KIND),
    searchOffices(db, text, SEARCH_LIMIT_PER_KIND),
    searchArticles(db, text, SEARCH_LIMIT_PER_KIND),
  ]);
  return [
    ...people.map((doc) => ({ kind: 'person' as const, doc })),
    ...organizations.map((doc) => ({ kind: 'organization' as const, doc })),
    ...offices.map((doc) => ({ kind: 'office' as const, doc })),
    ...articles.map((doc) => ({ kind: 'article' as const, doc })),
  ];
}
