/** The fields people and organizations derive alike from their contributions: name, aliases, sources, search and identity keys. */
import {
  articleIdsOf,
  evidenceOf,
  mostFrequent,
  sortContributions,
  type EvidenceTexts,
} from './contribution.derivation';
import { otherForms, preferFullerName, searchKeysOf } from './name-key';
import { identityKeysOf, type NameMatchRules } from './named-entity.resolver';
import type { EvidenceDocument } from './evidence.document';
import type { EvidenceSpan } from './tracked-fields.document';

/** The fields fixed when the entity is first stored. */
export interface NamedEntityIdentity {
  _id: string;
  slug: string;
}

interface NamedContribution {
  articleId: string;
  ordinal: number;
  name: string;
  aliases: string[];
  evidence: EvidenceSpan[];
}

export interface DerivedNamedEntity<C> {
  _id: string;
  name: string;
  aliases: string[];
  slug: string;
  articleIds: string[];
  evidence: EvidenceDocument[];
  searchKeys: string[];
  identityKeys: string[];
  contributions: C[];
}

export function deriveNamedEntity<C extends NamedContribution>(
  identity: NamedEntityIdentity,
  contributions: readonly C[],
  texts: EvidenceTexts,
  rules: NameMatchRules,
): DerivedNamedEntity<C> {
  const sorted = sortContributions(contributions);
  const name =
    mostFrequent(
      sorted.map((c) => c.name),
      preferFullerName,
    ) ?? '';
  const aliases = otherForms(
    name,
    sorted.flatMap((c) => [c.name, ...c.aliases]),
  );
  return {
    _id: identity._id,
    name,
    aliases,
    slug: identity.slug,
    articleIds: articleIdsOf(sorted),
    evidence: evidenceOf(sorted, texts),
    searchKeys: searchKeysOf([name, ...aliases]),
    identityKeys: identityKeysOf(sorted, rules),
    contributions: sorted,
  };
}
