/**
 * Cross-article identity of people and organizations by their names, with guards against
 * false merges. Pure: the loader fetches the candidates and applies the answer.
 *
 * Rules, tried in order for all facts of one article before the next rule:
 * 1. the same name (or the same name without particles) is the same entity;
 * 2. a name equal to another entity's alias (or an alias equal to its name) is the same
 *    entity, if exactly one entity qualifies; for people only for multi-word forms, since a
 *    bare surname is no identity (`Barzani` may be any of three people);
 * 3. a single-word person name (an article naming someone by title and surname) is the
 *    person with that surname or alias, if exactly one qualifies.
 * An entity already matched by another fact of the same article is not matched again: the
 * extractor has already decided that two facts of one article are two entities (`Howard`
 * and `Howard Flight`).
 */
import { nameKey, nameWords, withoutParticles } from './name-key';

export interface NamedFact {
  name: string;
  aliases: readonly string[];
}

export interface IdentityCandidate {
  _id: string;
  identityKeys: readonly string[];
}

export interface NameMatchRules {
  /** Single-word names may be matched to a unique surname (people). */
  surnames: boolean;
  /** Single-word aliases (acronyms) may be matched to names (organizations). */
  shortAliases: boolean;
}

export const PERSON_NAME_RULES: NameMatchRules = { surnames: true, shortAliases: false };
export const ORGANIZATION_NAME_RULES: NameMatchRules = { surnames: false, shortAliases: true };

function keyForms(name: string): string[] {
  const key = nameKey(name);
  if (!key) return [];
  const bare = withoutParticles(key);
  return bare === key ? [key] : [key, bare];
}

/** The `identityKeys` of an entity that these facts describe. */
export function identityKeysOf(facts: readonly NamedFact[], rules: NameMatchRules): string[] {
  const keys = new Set<string>();
  for (const fact of facts) {
    for (const form of keyForms(fact.name)) {
      keys.add(`name:${form}`);
      const words = nameWords(form);
      if (rules.surnames && words.length > 1) keys.add(`surname:${words[words.length - 1]}`);
    }
    for (const alias of fact.aliases) for (const form of keyForms(alias)) keys.add(`alias:${form}`);
  }
  return [...keys].sort();
}

type Rule = (fact: NamedFact, rules: NameMatchRules) => string[];

const sameName: Rule = (fact) => keyForms(fact.name).map((form) => `name:${form}`);

const nameAliasCrossing: Rule = (fact, rules) => {
  const forms = keyForms(fact.name);
  const long = (form: string) => rules.shortAliases || nameWords(form).length > 1;
  return [
    ...forms.filter(long).map((form) => `alias:${form}`),
    ...fact.aliases.flatMap(keyForms).filter(long).map((form) => `name:${form}`),
  ];
};

const uniqueSurname: Rule = (fact, rules) => {
  const forms = keyForms(fact.name);
  if (!rules.surnames || forms.length !== 1 || nameWords(forms[0]).length !== 1) return [];
  return [`surname:${forms[0]}`, `alias:${forms[0]}`];
};

/** The lookup keys whose candidates the rules may pick from. */
export function lookupKeysOf(fact: NamedFact, rules: NameMatchRules): string[] {
  return [...new Set([sameName, nameAliasCrossing, uniqueSurname].flatMap((rule) => rule(fact, rules)))];
}

/** For each fact, the id of the existing entity it names, or null for a new entity. */
export function matchNamedFacts(facts: readonly NamedFact[], candidates: readonly IdentityCandidate[], rules: NameMatchRules): Array<string | null> {
  const keySets = candidates.map((candidate) => ({ id: candidate._id, keys: new Set(candidate.identityKeys) }));
  const matched: Array<string | null> = facts.map(() => null);
  const decided = facts.map(() => false);
  const claimed = new Set<string>();
  const ruleOrder: Array<{ rule: Rule; onAmbiguity: 'first' | 'none' }> = [
    { rule: sameName, onAmbiguity: 'first' },
    { rule: nameAliasCrossing, onAmbiguity: 'none' },
    { rule: uniqueSurname, onAmbiguity: 'none' },
  ];
  for (const { rule, onAmbiguity } of ruleOrder) {
    facts.forEach((fact, index) => {
      if (decided[index]) return;
      const wanted = rule(fact, rules);
      if (!wanted.length) return;
      const hits = keySets
        .filter((candidate) => !claimed.has(candidate.id) && wanted.some((key) => candidate.keys.has(key)))
        .map((candidate) => candidate.id)
        .sort();
      if (!hits.length) return;
      decided[index] = true;
      if (hits.length > 1 && onAmbiguity === 'none') return;
      matched[index] = hits[0];
      claimed.add(hits[0]);
    });
  }
  return matched;
}
