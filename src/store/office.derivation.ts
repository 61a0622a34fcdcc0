/** An office's document, with its holders over time, derived from the articles that show them in it. */
import {
  articleIdsOf,
  evidenceOf,
  mostFrequent,
  sortContributions,
  sortedUnique,
  type EvidenceTexts,
  type Derived,
} from './contribution.derivation';
import { searchKeysOf } from './name-key';
import type { MembershipDocument, OfficeContribution, OfficeDocument } from './office.document';

/** The fields fixed when the office is first stored. */
export interface OfficeIdentity {
  _id: string;
  key: string;
}

function latest(dates: ReadonlyArray<string | null>): string | null {
  return dates.reduce<string | null>(
    (best, date) => (date !== null && (best === null || date > best) ? date : best),
    null,
  );
}

function membershipsOf(contributions: readonly OfficeContribution[], texts: EvidenceTexts): MembershipDocument[] {
  const byPerson = new Map<string, OfficeContribution[]>();
  for (const c of contributions) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  const holders = [...byPerson].map(([personId, items]) => ({
    personId,
    asOf: latest(items.map((c) => c.asOf)),
    articleIds: articleIdsOf(items),
    evidence: evidenceOf(items, texts),
  }));
  // Latest holder first; undated holdings last.
  return holders.sort((a, b) => (b.asOf ?? '').localeCompare(a.asOf ?? '') || (a.personId < b.personId ? -1 : 1));
}

export function deriveOffice(
  identity: OfficeIdentity,
  contributions: readonly OfficeContribution[],
  texts: EvidenceTexts,
): Derived<OfficeDocument> {
  const sorted = sortContributions(contributions);
  const title = mostFrequent(sorted.map((c) => c.title)) ?? '';
  const jurisdiction = mostFrequent(sorted.map((c) => c.jurisdiction));
  const holders = membershipsOf(sorted, texts);
  return {
    _id: identity._id,
    key: identity.key,
    title,
    jurisdiction,
    holders,
    holderIds: sortedUnique(holders.map((h) => h.personId)),
    articleIds: articleIdsOf(sorted),
    searchKeys: searchKeysOf([title, jurisdiction, jurisdiction && `${jurisdiction} ${title}`]),
    contributions: sorted,
  };
}
