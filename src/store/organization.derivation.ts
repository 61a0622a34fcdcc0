/** An organization's document, derived from what the articles say about it. */
import type { EvidenceTexts, Derived } from './contribution.derivation';
import { deriveNamedEntity, type NamedEntityIdentity } from './named-entity.derivation';
import { ORGANIZATION_NAME_RULES } from './named-entity.resolver';
import type { OrganizationContribution, OrganizationDocument } from './organization.document';

export function deriveOrganization(
  identity: NamedEntityIdentity,
  contributions: readonly OrganizationContribution[],
  texts: EvidenceTexts,
): Derived<OrganizationDocument> {
  return deriveNamedEntity(identity, contributions, texts, ORGANIZATION_NAME_RULES);
}
