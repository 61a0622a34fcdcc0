/**
 * Office holdings (holder, title, jurisdiction) from the titles written around each person's
 * mentions. Former posts are left out; one holding per person and title, keeping the most
 * explicit jurisdiction. A title with no written jurisdiction takes it from a delegation the
 * person heads (`a delegation from the FDP headed by ...`), from the region for `Regional`
 * titles, or from the article's country for state posts.
 */
import type { Sentence } from '../text/sentence.splitter';
import type { OfficeFact } from '../extraction-record.type';
import type { PersonEntity, PersonMention } from '../people/person.recognizer';
import { BODY_PRONOUN, type TitlePhrase } from './title-phrase.parser';
import type { OrganizationEntity } from '../organizations/organization.recognizer';
import {
  jurisdictionRefOf,
  nearestCountry,
  plainJurisdiction,
  type JurisdictionContext,
} from './jurisdiction.resolver';
import { countryOfTitle, isStateTitle, titleHeadOf } from '../lexicon/title.lexicon';
import { countryOf } from '../lexicon/place.lexicon';
import { partyOf } from '../lexicon/entity-word.lexicon';
import { nameKey } from '../lexicon/name.normalizer';
import { evidenceOf } from '../text/evidence.factory';

const LEAD_VERBS = new Set(['headed', 'led', 'chaired']);
/** `Deputy Prime Minister` is a different post from `Prime Minister`. */
const RANK_WORDS = new Set(['deputy', 'vice', 'acting', 'under', 'assistant', 'shadow', 'junior']);

/** `a delegation from the FDP headed by Deputy Leader Ilona Kovacs` -> `FDP`. */
function delegationBody(s: Sentence, titleFrom: number): string | null {
  if (lower(s, titleFrom - 1) !== 'by' || !LEAD_VERBS.has(lower(s, titleFrom - 2))) return null;
  for (let k = titleFrom - 3; k >= Math.max(0, titleFrom - 10); k--) {
    if (lower(s, k) !== 'from') continue;
    let start = k + 1;
    if (lower(s, start) === 'the') start++;
    let end = start;
    while (end < titleFrom - 2 && /^\p{Lu}/u.test(s.words[end].text)) end++;
    return end > start
      ? s.words
          .slice(start, end)
          .map((w) => w.text)
          .join(' ')
      : null;
  }
  return null;
}

/** How far back `its` may reach for the body it stands for. */
const BODY_PRONOUN_REACH = 2;

/** The body named last before word `at` of sentence `sentence`, within the sentence or the two before it. */
function bodyBefore(organizations: OrganizationEntity[], sentence: number, at: number): string | null {
  let best: { name: string; sentence: number; from: number } | null = null;
  for (const o of organizations) {
    for (const m of o.mentions) {
      const before =
        m.sentence < sentence ? m.sentence >= sentence - BODY_PRONOUN_REACH : m.sentence === sentence && m.to <= at;
      if (before && (!best || m.sentence > best.sentence || (m.sentence === best.sentence && m.from > best.from)))
        best = { name: o.name, sentence: m.sentence, from: m.from };
    }
  }
  return best?.name ?? null;
}

function lower(s: Sentence, k: number): string {
  return s.words[k]?.text.toLowerCase() ?? '';
}

function titleKey(title: string): string {
  return nameKey(title)
    .split(' ')
    .filter((w) => !['of', 'the', 'for', 'and'].includes(w))
    .sort()
    .join(' ');
}

interface Holding {
  fact: Omit<OfficeFact, 'canonicalTitle' | 'jurisdictionRef'>;
  explicit: boolean;
}

function resolve(
  phrase: TitlePhrase,
  mention: PersonMention,
  sentences: Sentence[],
  context: JurisdictionContext,
): Holding {
  const s = sentences[mention.sentence];
  const title = phrase.title.replace(/\s+/g, ' ');
  if (phrase.jurisdiction === BODY_PRONOUN) {
    const body = bodyBefore(context.organizations, mention.sentence, phrase.from);
    return { fact: { holder: '', title, jurisdiction: body, evidence: [evidenceOf(s)] }, explicit: !!body };
  }
  if (phrase.jurisdiction)
    return {
      fact: {
        holder: '',
        title,
        jurisdiction: plainJurisdiction(phrase.jurisdiction, context),
        evidence: [evidenceOf(s)],
      },
      explicit: true,
    };
  const delegation = delegationBody(s, phrase.from);
  if (delegation)
    return {
      fact: { holder: '', title, jurisdiction: plainJurisdiction(delegation, context), evidence: [evidenceOf(s)] },
      explicit: true,
    };
  let jurisdiction: string | null = null;
  if (phrase.regional) jurisdiction = context.region ?? context.country;
  else if (isStateTitle(title))
    jurisdiction = countryOfTitle(title) ?? nearestCountry(s, mention.from) ?? context.country;
  return { fact: { holder: '', title, jurisdiction, evidence: [evidenceOf(s)] }, explicit: false };
}

/**
 * Posts implied rather than titled: `his Austrian counterpart Karl Brenner` holds the post of the
 * sentence's subject in Austria, and `Ali Hassan's Unity Party` is led by him.
 */
function impliedTitles(
  people: PersonEntity[],
  sentences: Sentence[],
  organizations: JurisdictionContext['organizations'],
  explicit: (p: PersonEntity) => TitlePhrase[],
): Map<PersonMention, TitlePhrase[]> {
  const out = new Map<PersonMention, TitlePhrase[]>();
  const add = (m: PersonMention, t: TitlePhrase) => out.set(m, [...(out.get(m) ?? []), t]);
  for (const person of people) {
    for (const m of person.mentions) {
      const s = sentences[m.sentence];
      const w = (k: number) => s.words[k]?.text ?? '';
      if (/^counterparts?$/i.test(w(m.from - 1))) {
        const demonym = countryOf(w(m.from - 2)) ? w(m.from - 2) : null;
        const owner = people.find(
          (p) =>
            p !== person && p.mentions.some((x) => x.sentence === m.sentence && x.to <= m.from) && explicit(p).length,
        );
        const title = owner ? explicit(owner)[0] : null;
        if (title && demonym)
          add(m, { ...title, jurisdiction: demonym, regional: false, former: false, from: m.from - 2, to: m.from });
      }
      // `Ali Hassan's Unity Party`, `Ilona Kovacs and her Farmers Democratic Party`
      const partyAt = /^[’']s$/.test(w(m.to))
        ? m.to + 1
        : /^and$/i.test(w(m.to)) && /^(?:his|her)$/i.test(w(m.to + 1))
          ? m.to + 2
          : -1;
      if (partyAt > 0) {
        const party = organizations.find(
          (o) =>
            o.mentions.some((x) => x.sentence === m.sentence && x.from === partyAt) &&
            (/\bParty$/.test(o.name) || partyOf(o.name)),
        );
        if (party)
          add(m, {
            title: 'leader',
            jurisdiction: party.name,
            regional: false,
            former: false,
            from: m.to,
            to: partyAt,
          });
      }
    }
  }
  return out;
}

/** `described` holds titles found by coreference for people the sentence does not name. */
export function extractOffices(
  people: PersonEntity[],
  sentences: Sentence[],
  context: JurisdictionContext,
  described: Array<{ person: PersonEntity; mention: PersonMention }> = [],
): OfficeFact[] {
  const out: OfficeFact[] = [];
  const explicit = (p: PersonEntity) => p.mentions.flatMap((m) => m.titles).filter((t) => !t.former);
  const implied = impliedTitles(people, sentences, context.organizations, explicit);
  for (const person of people) {
    const byTitle = new Map<string, Holding>();
    const former = new Set<string>();
    const mentions = [...person.mentions, ...described.filter((d) => d.person === person).map((d) => d.mention)];
    for (const mention of mentions) {
      for (const phrase of [...mention.titles, ...(implied.get(mention) ?? [])]) {
        const key = titleKey(phrase.title);
        if (phrase.former) {
          former.add(key);
          continue;
        }
        const holding = resolve(phrase, mention, sentences, context);
        holding.fact.holder = person.name;
        const known = byTitle.get(key);
        if (!known) {
          byTitle.set(key, holding);
          continue;
        }
        if (holding.explicit && !known.explicit) {
          holding.fact.evidence = [...holding.fact.evidence, ...known.fact.evidence];
          byTitle.set(key, holding);
        } else if (!known.fact.evidence.some((e) => e.start === holding.fact.evidence[0].start)) {
          known.fact.evidence.push(...holding.fact.evidence);
        }
      }
    }
    // a longer title containing a shorter one's head (`Chancellor of the Exchequer`, `Chancellor`) is one post
    const holdings = [...byTitle.entries()].filter(([key]) => !former.has(key) || byTitle.get(key)!.explicit);
    for (const [key, holding] of holdings) {
      const head = titleHeadOf(holding.fact.title);
      const covered = holdings.some(
        ([other, h]) =>
          other !== key &&
          other.split(' ').length > key.split(' ').length &&
          titleHeadOf(h.fact.title) === head &&
          key.split(' ').every((w) => other.split(' ').includes(w)) &&
          !other.split(' ').some((w) => RANK_WORDS.has(w) && !key.split(' ').includes(w)),
      );
      if (!covered)
        out.push({
          ...holding.fact,
          canonicalTitle: holding.fact.title,
          jurisdictionRef: jurisdictionRefOf(holding.fact.jurisdiction, context),
        });
    }
  }
  return out;
}
