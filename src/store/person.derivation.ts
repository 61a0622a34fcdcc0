/** A person's document, derived from what the articles say about them. */
import { articleIdsOf, evidenceOf, mostFrequent, sortContributions, type EvidenceTexts, type Derived } from './contribution.derivation';
import { otherForms, preferFullerName, searchKeysOf } from './name-key';
import { identityKeysOf, PERSON_NAME_RULES } from './named-entity.resolver';
import type { PersonContribution, PersonDocument } from './person.document';

/** The fields fixed when the person is first stored. */
export interface PersonIdentity {
  _id: string;
  slug: string;
}

export function derivePerson(identity: PersonIdentity, contributions: readonly PersonContribution[], texts: EvidenceTexts): Derived<PersonDocument> {
  const sorted = sortContributions(contributions);
  const name = mostFrequent(sorted.map((c) => c.name), preferFullerName) ?? '';
  const aliases = otherForms(name, sorted.flatMap((c) => [c.name, ...c.aliases]));
  return {
    _id: identity._id,
    name,
    aliases,
    slug: identity.slug,
    articleIds: articleIdsOf(sorted),
    mentionCount: sorted.reduce((sum, c) => sum + c.mentions, 0),
    evidence: evidenceOf(sorted, texts),
    searchKeys: searchKeysOf([name, ...aliases]),
    identityKeys: identityKeysOf(sorted, PERSON_NAME_RULES),
    contributions: sorted,
  };
}
