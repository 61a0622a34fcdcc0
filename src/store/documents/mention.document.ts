import type { FactDocument } from './fact.document';

export type NamedEntityKind = 'person' | 'organization';

/** An article naming a person or an organization: the name as written there, and the sentences. */
export interface MentionDocument extends FactDocument {
  kind: NamedEntityKind;
  /** The PersonDocument or OrganizationDocument id, by kind. */
  entityId: string;
  name: string;
  aliases: string[];
  /** How many times the article mentions the entity (organizations: the evidence count). */
  mentions: number;
}
