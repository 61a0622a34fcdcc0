/**
 * Puts the people (or organizations) of a batch of articles into the store's workspace, article
 * by article in order: each fact joins the existing entity the identity rules pick (including
 * entities an earlier article of the batch created), or starts a new one with a stable id and
 * slug. Everything the rules may look at is fetched for the whole batch up front.
 */
import type { Filter } from 'mongodb';
import type { Evidence } from '../extract';
import { allocateId, allocateSlug, baseSlugFilter } from './entity-id.allocation';
import { evidenceDocuments } from './evidence.mapping';
import type { EntityWorkspace, TrackedDocument } from './entity.workspace';
import { nameKey } from './name-key';
import { lookupKeysOf, matchNamedFacts, type NamedFact, type NameMatchRules } from './named-entity.resolver';
import { stableId, type EntityKind } from './stable-id';

export interface NamedIdentity {
  _id: string;
  slug: string;
}

type NamedDocument<C extends { articleId: string }> = TrackedDocument<C> & { slug: string; identityKeys: string[] };

export interface ArticleFacts<F> {
  articleId: string;
  facts: readonly F[];
}

/**
 * Places the facts and returns, per article, the entity id for each fact's normalized name and
 * for each alias only one fact of that article uses (so `Okafor` holding an office resolves,
 * `Okafor` shared by three people does not).
 */
export async function placeNamedEntities<
  F extends NamedFact & { evidence: readonly Evidence[] },
  C extends { articleId: string },
  D extends NamedDocument<C>,
>(
  workspace: EntityWorkspace<C, NamedIdentity, D>,
  kind: Extract<EntityKind, 'person' | 'organization'>,
  rules: NameMatchRules,
  articles: ReadonlyArray<ArticleFacts<F>>,
  contributionOf: (fact: F, ordinal: number, articleId: string) => C,
): Promise<Array<Map<string, string>>> {
  const allFacts = articles.flatMap((a) => a.facts);
  if (allFacts.length) {
    const lookupKeys = [...new Set(allFacts.flatMap((fact) => lookupKeysOf(fact, rules)))];
    await Promise.all([
      workspace.fetch({ identityKeys: { $in: lookupKeys } } as Filter<D>),
      workspace.load(allFacts.map((fact) => stableId(kind, nameKey(fact.name)))),
      workspace.fetch(baseSlugFilter(allFacts.map((fact) => fact.name)) as Filter<D>),
    ]);
  }
  const placed: Array<Map<string, string>> = [];
  for (const { articleId, facts } of articles) {
    const lookupKeys = new Set(facts.flatMap((fact) => lookupKeysOf(fact, rules)));
    const candidates = workspace.matching((doc) => doc.identityKeys.some((key) => lookupKeys.has(key)));
    const matches = matchNamedFacts(facts, candidates, rules);
    const idsByName = new Map<string, string>();
    const aliasOwners = new Map<string, Set<string>>();
    for (const [ordinal, fact] of facts.entries()) {
      let id = matches[ordinal];
      if (id === null) {
        id = (await allocateId(workspace, kind, nameKey(fact.name))).id;
        workspace.create(id, { _id: id, slug: allocateSlug(workspace, fact.name, id) });
      }
      workspace.contribute(id, contributionOf(fact, ordinal, articleId), evidenceDocuments(articleId, fact.evidence));
      if (!idsByName.has(nameKey(fact.name))) idsByName.set(nameKey(fact.name), id);
      for (const alias of fact.aliases.map(nameKey))
        aliasOwners.set(alias, (aliasOwners.get(alias) ?? new Set<string>()).add(id));
    }
    for (const [alias, owners] of aliasOwners) {
      if (alias && owners.size === 1 && !idsByName.has(alias)) idsByName.set(alias, [...owners][0]);
    }
    placed.push(idsByName);
  }
  return placed;
}
