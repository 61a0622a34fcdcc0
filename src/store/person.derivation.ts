/** A person's document, derived from what the articles say about them. */
import type { EvidenceTexts, Derived } from './contribution.derivation';
import { deriveNamedEntity, type NamedEntityIdentity } from './named-entity.derivation';
import { PERSON_NAME_RULES } from './named-entity.resolver';
import type { PersonContribution, PersonDocument } from './person.document';

export function derivePerson(
  identity: NamedEntityIdentity,
  contributions: readonly PersonContribution[],
  texts: EvidenceTexts,
): Derived<PersonDocument> {
  const entity = deriveNamedEntity(identity, contributions, texts, PERSON_NAME_RULES);
  return { ...entity, mentionCount: entity.contributions.reduce((sum, c) => sum + c.mentions, 0) };
}
