/**
 * Cross-article identity of people and organizations by their names, with guards against
 * false merges. Pure: the loader fetches the candidates and applies the answer.
 *
 * Rules, tried in order for all facts of one article before the next rule:
 * 1. the same name (or the same name without particles) is the same entity;
 * 2. a name equal to another entity's alias (or an alias equal to its name) is the same
 *    entity, if exactly one entity qualifies; for people only for multi-word forms, since a
 *    bare surname is no identity (`Okafor` may be any of three people);
 * 3. a single-word person name (an article naming someone by title and surname) is the
 *    person with that surname or alias, if exactly one qualifies;
 * 4. conversely, a full name is the person so far known only by its surname, if exactly one
 *    such person and no other person with that surname is known.
 * An entity already matched by another fact of the same article is not matched again: the
 * extractor has already decided that two facts of one article are two entities (`Moreau`
 * and `Moreau Lindqvist`).
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

/** What one rule looks for: candidates with any of `keys` that `admits` accepts; a candidate with a `rivals` key makes it ambiguous. */
export interface Probe {
  keys: string[];
  admits?: (keys: ReadonlySet<string>) => boolean;
  rivals?: string[];
}

type Rule = (fact: NamedFact, rules: NameMatchRules) => Probe;

const sameName: Rule = (fact) => ({ keys: keyForms(fact.name).map((form) => `name:${form}`) });

const nameAliasCrossing: Rule = (fact, rules) => {
  const forms = keyForms(fact.name);
  const long = (form: string) => rules.shortAliases || nameWords(form).length > 1;
  return {
    keys: [
      ...forms.filter(long).map((form) => `alias:${form}`),
      ...fact.aliases
        .flatMap(keyForms)
        .filter(long)
        .map((form) => `name:${form}`),
    ],
  };
};

function singleWord(fact: NamedFact): string | null {
  const forms = keyForms(fact.name);
  return forms.length === 1 && nameWords(forms[0]).length === 1 ? forms[0] : null;
}

const uniqueSurname: Rule = (fact, rules) => {
  const word = singleWord(fact);
  return { keys: rules.surnames && word ? [`surname:${word}`, `alias:${word}`] : [] };
};

/**
 * The converse of `uniqueSurname`: a full name joins a person so far known only by that
 * surname (`Elena Moreau` after an article that said only `Moreau`), unless another person
 * with the surname is known, which makes the bare surname ambiguous.
 */
const singleNamedBySurname: Rule = (fact, rules) => {
  const words = nameWords(nameKey(fact.name));
  if (!rules.surnames || words.length < 2) return { keys: [] };
  const surname = words[words.length - 1];
  return {
    keys: [`name:${surname}`],
    admits: (keys) => ![...keys].some((key) => key.startsWith('surname:')),
    rivals: [`surname:${surname}`],
  };
};

const RULES: ReadonlyArray<{ rule: Rule; onAmbiguity: 'first' | 'none' }> = [
  { rule: sameName, onAmbiguity: 'first' },
  { rule: nameAliasCrossing, onAmbiguity: 'none' },
  { rule: uniqueSurname, onAmbiguity: 'none' },
  { rule: singleNamedBySurname, onAmbiguity: 'none' },
];

/** The lookup keys whose candidates the rules may pick from. */
export function lookupKeysOf(fact: NamedFact, rules: NameMatchRules): string[] {
  return [...new Set(RULES.flatMap(({ rule }) => rule(fact, rules).keys))];
}

/**
 * The keys of the rivals that make a rule's pick ambiguous, each with the key of the candidates
 * it rivals: rivals matter only where such a candidate exists (the holders of a surname, to a
 * full name that could join a person so far known by that surname alone), so a loader reads them
 * only then rather than every holder of every surname it meets.
 */
export function rivalKeysOf(fact: NamedFact, rules: NameMatchRules): Array<{ rival: string; rivalled: Probe }> {
  return RULES.flatMap(({ rule }) => {
    const probe = rule(fact, rules);
    return (probe.rivals ?? []).map((rival) => ({ rival, rivalled: probe }));
  });
}

/** Whether a candidate with these identity keys is one the probe may pick. */
export function probeAdmits(probe: Probe, keys: ReadonlySet<string>): boolean {
  return probe.keys.some((key) => keys.has(key)) && (probe.admits?.(keys) ?? true);
}

/** For each fact, the id of the existing entity it names, or null for a new entity. */
export function matchNamedFacts(
  facts: readonly NamedFact[],
  candidates: readonly IdentityCandidate[],
  rules: NameMatchRules,
): Array<string | null> {
  const keySets = candidates.map((candidate) => ({ id: candidate._id, keys: new Set(candidate.identityKeys) }));
  const matched: Array<string | null> = facts.map(() => null);
  const decided = facts.map(() => false);
  const claimed = new Set<string>();
  for (const { rule, onAmbiguity } of RULES) {
    facts.forEach((fact, index) => {
      if (decided[index]) return;
      const probe = rule(fact, rules);
      if (!probe.keys.length) return;
      const hits = keySets
        .filter((c) => !claimed.has(c.id) && probeAdmits(probe, c.keys))
        .map((c) => c.id)
        .sort();
      if (!hits.length) return;
      decided[index] = true;
      const rivalled = keySets.some((c) => !hits.includes(c.id) && (probe.rivals ?? []).some((key) => c.keys.has(key)));
      if ((hits.length > 1 && onAmbiguity === 'none') || rivalled) return;
      matched[index] = hits[0];
      claimed.add(hits[0]);
    });
  }
  return matched;
}
