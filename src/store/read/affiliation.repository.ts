/** Read queries over `affiliations`: every party or body these people belong to (a person has few). */
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collection-names';
import { LIVE } from '../documents/support.document';
import { BATCH_VIEW_OPTIONS } from './batch-read.options';
import type { AffiliationView } from './read.view';

export function findAffiliationsOfPeople(db: Db, personIds: readonly string[]): Promise<AffiliationView[]> {
  return db
    .collection<AffiliationView>(COLLECTIONS.affiliations)
    .find({ personId: { $in: [...personIds] }, ...LIVE }, BATCH_VIEW_OPTIONS)
    .toArray();
}

/** How many people an organization has with at least `minArticles` articles stating their membership. */
export function countMembers(db: Db, organizationId: string, minArticles: number): Promise<number> {
  return db
    .collection<AffiliationView>(COLLECTIONS.affiliations)
    .countDocuments({ organizationId, articleCount: { $gte: Math.max(1, minArticles) } });
}
