/** An organization's document, derived from what the articles say about it. */
import { articleIdsOf, evidenceOf, mostFrequent, sortContributions, type EvidenceTexts, type Derived } from './contribution.derivation';
import { otherForms, preferFullerName, searchKeysOf } from './name-key';
import { identityKeysOf, ORGANIZATION_NAME_RULES } from './named-entity.resolver';
import type { OrganizationContribution, OrganizationDocument } from './organization.document';

/** The fields fixed when the organization is first stored. */
export interface OrganizationIdentity {
  _id: string;
  slug: string;
}

export function deriveOrganization(identity: OrganizationIdentity, contributions: readonly OrganizationContribution[], texts: EvidenceTexts): Derived<OrganizationDocument> {
  const sorted = sortContributions(contributions);
  const name = mostFrequent(sorted.map((c) => c.name), preferFullerName) ?? '';
  const aliases = otherForms(name, sorted.flatMap((c) => [c.name, ...c.aliases]));
  return {
    _id: identity._id,
    name,
    aliases,
    slug: identity.slug,
    articleIds: articleIdsOf(sorted),
    evidence: evidenceOf(sorted, texts),
    searchKeys: searchKeysOf([name, ...aliases]),
    identityKeys: identityKeysOf(sorted, ORGANIZATION_NAME_RULES),
    contributions: sorted,
  };
}
