/**
 * Office holdings (holder, title, jurisdiction) and party affiliations from the title phrases
 * around each person's mentions. Former posts are left out; one holding per person and title,
 * keeping the most explicit jurisdiction. A written jurisdiction is resolved to a country, a body
 * of the article or a region; a party label is the holder's affiliation, and the jurisdiction of a
 * party post only (`Tory leader`). Without a written one, a state post takes a country the article
 * ties to its holder (see `stateCountry`), a `Regional` post the region, a delegation's leader its body.
 */
import type { Sentence } from '../text/sentence.splitter';
import type { AffiliationFact, OfficeFact } from '../extraction-record.type';
import type { PersonEntity, PersonMention } from '../people/person.recognizer';
import type { OrganizationEntity } from '../organizations/organization.recognizer';
import { BODY_PRONOUN, type TitlePhrase } from './title-phrase.parser';
import {
  jurisdictionRefOf,
  partyOfLabel,
  plainJurisdiction,
  soleCountryOf,
  type JurisdictionContext,
} from './jurisdiction.resolver';
import { canonicalTitleOf } from './title.canonicalizer';
import {
  countryHasPost,
  countryOfTitle,
  isPartyPost,
  isStateTitle,
  needsBody,
  seatOf,
  titleHeadOf,
} from '../lexicon/title.lexicon';
import { countryOf } from '../lexicon/place.lexicon';
import { isCompanyName, partyOf } from '../lexicon/entity-word.lexicon';
import { nameKey } from '../lexicon/name.normalizer';
import { lower, textOf } from '../engine/word.predicates';
import { evidenceOf, uniqueEvidence } from '../text/evidence.factory';
import { articleSport } from '../text/article-topic.classifier';

const LEAD_VERBS = new Set(['headed', 'led', 'chaired']);
/** `Deputy Prime Minister` is a different post from `Prime Minister`. */
const RANK_WORDS = new Set(['deputy', 'vice', 'acting', 'under', 'assistant', 'shadow', 'junior']);
/** How far back `its` may reach for the body it stands for. */
const BODY_PRONOUN_REACH = 2;

/** `a delegation from the FDP headed by Deputy Leader Ilona Kovacs` -> `FDP`. */
function delegationBody(s: Sentence, titleFrom: number): string | null {
  if (lower(s.words[titleFrom - 1]) !== 'by' || !LEAD_VERBS.has(lower(s.words[titleFrom - 2]))) return null;
  for (let k = titleFrom - 3; k >= Math.max(0, titleFrom - 10); k--) {
    if (lower(s.words[k]) !== 'from') continue;
    let start = k + 1;
    if (lower(s.words[start]) === 'the') start++;
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

function titleKey(title: string): string {
  return nameKey(title)
    .split(' ')
    .filter((w) => !['of', 'the', 'for', 'and'].includes(w))
    .sort()
    .join(' ');
}

type Resolved = { title: string; jurisdiction: string | null; explicit: boolean; party: string | null };

/** What the article says of one person: the countries of their posts written out, and their party. */
interface HolderFacts {
  countries: Set<string>;
  parties: Set<string>;
}

/** Titles of both states and companies: without a country written, a company the text names claims them. */
const COMPANY_OR_STATE_TITLES = /^(?:(?:executive |senior )?vice[- ])?president$/i;
/** `Rockwell International Corp`, `Warner Bros`, `Moulinex SA`: a company by its legal form or trading word. */

class OfficeReader {
  constructor(
    private readonly sentences: Sentence[],
    private readonly context: JurisdictionContext,
    /** Where people are named, by sentence: no jurisdiction runs over a person. */
    private readonly people: ReadonlyMap<number, readonly PersonMention[]>,
  ) {}

  /** Countries whose state posts the article writes out (`Iranian Foreign Minister X`, `US envoy Y`). */
  statesWrittenOut = new Set<string>();

  /**
   * Whether the article is between states and writes out the posts of the one it is most about:
   * its officials are then named with their country (`Iranian Foreign Minister Abbas Araghchi`),
   * and an unqualified `President Donald Trump` is someone else's.
   */
  private otherStatesQualified(): boolean {
    const country = this.context.country;
    return this.statesWrittenOut.size >= 2 && !!country && this.statesWrittenOut.has(country);
  }

  /**
   * The jurisdiction's words as written, starting after any person named inside them
   * (`Paul Volcker and U.S. Treasury Secretary James Baker`: `U.S.`).
   */
  private writtenJurisdiction(phrase: TitlePhrase, mention: PersonMention): string | null {
    const span = phrase.jurisdictionSpan;
    if (!span) return phrase.jurisdiction;
    const s = this.sentences[mention.sentence];
    let from = span.from;
    for (const other of this.people.get(mention.sentence) ?? [])
      if (other !== mention && other.to > from && other.to < span.to && other.from >= span.from) from = other.to;
    while (from < span.to && /^(?:and|of|&|,)$/.test(lower(s.words[from]))) from++;
    return from < span.to ? textOf(s, from, span.to) : null;
  }

  /** What `written` found, by mention and phrase: both passes over an article's holders ask it. */
  private readonly writtenOf = new Map<PersonMention, Map<TitlePhrase, Resolved | null>>();

  /** The title with the jurisdiction its phrase writes out, or null when it writes none. */
  written(phrase: TitlePhrase, mention: PersonMention): Resolved | null {
    let byPhrase = this.writtenOf.get(mention);
    if (!byPhrase) this.writtenOf.set(mention, (byPhrase = new Map()));
    let found = byPhrase.get(phrase);
    if (found === undefined) byPhrase.set(phrase, (found = this.readWritten(phrase, mention)));
    return found;
  }

  private readWritten(phrase: TitlePhrase, mention: PersonMention): Resolved | null {
    const s = this.sentences[mention.sentence];
    const title = phrase.title.replace(/\s+/g, ' ');
    const party = partyOfLabel(phrase.party);
    if (phrase.jurisdiction === BODY_PRONOUN) {
      const body = bodyBefore(this.context.organizations, mention.sentence, phrase.from);
      return { title, jurisdiction: body, explicit: !!body, party };
    }
    const writtenJurisdiction = phrase.jurisdiction === BODY_PRONOUN ? null : this.writtenJurisdiction(phrase, mention);
    // `Labour MEP Richard Corbett`, `Euro MP Robert Kilroy-Silk`: a seat in a named parliament
    const seat = seatOf(title, writtenJurisdiction);
    if (seat) {
      const label = writtenJurisdiction ? partyOf(writtenJurisdiction)?.name : null;
      return { title: seat.title, jurisdiction: seat.body, explicit: true, party: party ?? label ?? null };
    }
    if (writtenJurisdiction) {
      const plain = plainJurisdiction(writtenJurisdiction, this.context);
      const writtenParty = plain ? partyOf(plain) : null;
      // `Labour MP`, `Republican Senator`: a party is the holder's, and the post's only when it is a party post
      if (writtenParty && !isPartyPost(title))
        return { title, jurisdiction: null, explicit: false, party: writtenParty.name };
      if (plain) return { title, jurisdiction: plain, explicit: true, party };
    }
    if (party && isPartyPost(title)) return { title, jurisdiction: party, explicit: true, party };
    const delegation = delegationBody(s, phrase.from);
    const fromDelegation = delegation ? plainJurisdiction(delegation, this.context) : null;
    if (fromDelegation) return { title, jurisdiction: fromDelegation, explicit: true, party };
    return { title, jurisdiction: null, explicit: false, party };
  }

  /** A jurisdiction for a post the text names none for: `Regional` posts the region, state posts a country. */
  inferred(phrase: TitlePhrase, resolved: Resolved, mention: PersonMention, holder: HolderFacts): string | null {
    if (phrase.regional) return this.context.region ?? this.context.country;
    // `Chairman Sir Ian Caldwell said` in an article about one company: the company's post
    if (needsBody(resolved.title)) return this.context.organization;
    if (!isStateTitle(resolved.title)) return null;
    // `said Dean Kleckner, president`, `FirsTier Inc said president William Smith ...`: a company's president
    if (COMPANY_OR_STATE_TITLES.test(resolved.title)) {
      const company = this.companyAround(mention);
      if (company) return company;
    }
    return this.stateCountry(resolved.title, mention, holder);
  }

  /** The company a sentence names, or else the one the article is about, when it is clearly a company. */
  private companyAround(mention: PersonMention): string | null {
    const companies = this.context.organizations.filter((o) => isCompanyName(o.name));
    const here = companies.filter((o) => o.mentions.some((m) => m.sentence === mention.sentence));
    if (here.length === 1) return here[0].name;
    const about = this.context.organization;
    return about && isCompanyName(about) ? about : null;
  }

  /**
   * The country of a state post written without one, from what ties its holder to a country: the
   * country of another post of theirs the text writes out, the title's own (`Home Secretary`), their
   * party's, the one country their sentence names other than as a place they go or are in, the
   * country the whole article is clearly about, or the dateline's; never a country without such a
   * post (`Prime Minister` of the United States).
   */
  private stateCountry(title: string, mention: PersonMention, holder: HolderFacts): string | null {
    if (holder.countries.size === 1) return [...holder.countries][0];
    const byTitle = countryOfTitle(title);
    if (byTitle) return byTitle;
    const partyCountries = new Set([...holder.parties].map((p) => partyOf(p)?.country).filter((c): c is string => !!c));
    if (partyCountries.size === 1) return [...partyCountries][0];
    const candidates = [
      soleCountryOf(this.sentences[mention.sentence]),
      this.context.datelineCountry,
      this.otherStatesQualified() ? null : this.context.country,
    ];
    return candidates.find((country) => !!country && countryHasPost(country, title)) ?? null;
  }
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
  const phrase = (title: string, jurisdiction: string, from: number, to: number, rule: string): TitlePhrase => ({
    title,
    jurisdiction,
    jurisdictionSpan: null,
    party: null,
    regional: false,
    former: false,
    from,
    to,
    rule,
  });
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
        if (title && demonym) add(m, phrase(title.title, demonym, m.from - 2, m.from, 'counterpart'));
      }
      // `nine Republican senators from oil states, including Ted Cruz`: one of the group holds its post
      const including = s.words
        .slice(Math.max(0, m.from - 2), m.from)
        .some((w) => /^(?:including|includes)$/i.test(w.text));
      if (including) {
        const group = s.words
          .slice(Math.max(0, m.from - 16), m.from)
          .reverse()
          .find((w) => GROUP_TITLES[w.lower]);
        if (group)
          add(m, {
            ...phrase(GROUP_TITLES[group.lower], '', group.index, group.index + 1, 'group-member'),
            jurisdiction: null,
          });
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
        if (party) add(m, phrase('leader', party.name, m.to, partyAt, 'own-party'));
      }
    }
  }
  return out;
}

interface Holding {
  fact: Omit<OfficeFact, 'canonicalTitle' | 'jurisdictionRef'>;
  explicit: boolean;
}

export interface OfficesAndAffiliations {
  offices: OfficeFact[];
  affiliations: AffiliationFact[];
}

/** Plural titles of a group whose named members hold the post (`senators, including Ted Cruz`). */
const GROUP_TITLES: Record<string, string> = {
  senators: 'Senator',
  governors: 'Governor',
  mps: 'MP',
  congressmen: 'Congressman',
  ambassadors: 'ambassador',
  ministers: 'minister',
};

/** In a sports report, a club's `boss` or `director of rugby` runs a team: a job, not an office. */
const SPORT_JOBS = new Set(['boss', 'head', 'chief', 'manager', 'coach', 'captain', 'director']);
/** `Chelsea boss Jose Mourinho` in a transfer story: a team's boss is named in any story touching sport. */
const TEAM_JOBS = new Set(['boss', 'manager', 'coach', 'captain']);

/** `described` holds titles found by coreference for people the sentence does not name. */
export function extractOffices(
  people: PersonEntity[],
  sentences: Sentence[],
  context: JurisdictionContext,
  described: Array<{ person: PersonEntity; mention: PersonMention }> = [],
): OfficesAndAffiliations {
  const sport = articleSport(sentences);
  const offices: OfficeFact[] = [];
  const affiliations: AffiliationFact[] = [];
  const mentionsBySentence = new Map<number, PersonMention[]>();
  for (const p of people)
    for (const m of p.mentions) mentionsBySentence.set(m.sentence, [...(mentionsBySentence.get(m.sentence) ?? []), m]);
  const reader = new OfficeReader(sentences, context, mentionsBySentence);
  const explicit = (p: PersonEntity) => p.mentions.flatMap((m) => m.titles).filter((t) => !t.former);
  const implied = impliedTitles(people, sentences, context.organizations, explicit);
  for (const person of people)
    for (const mention of person.mentions)
      for (const phrase of mention.titles) {
        const written = phrase.former ? null : reader.written(phrase, mention);
        const country = written?.explicit && written.jurisdiction ? countryOf(written.jurisdiction) : null;
        if (country && isStateTitle(written!.title)) reader.statesWrittenOut.add(country);
      }
  for (const person of people) {
    const mentions = [...person.mentions, ...described.filter((d) => d.person === person).map((d) => d.mention)];
    const phrases = mentions.flatMap((mention) =>
      [...mention.titles, ...(implied.get(mention) ?? [])].map((phrase) => ({ phrase, mention })),
    );
    const resolved = phrases.map(({ phrase, mention }) => ({
      phrase,
      mention,
      written: reader.written(phrase, mention),
    }));
    const holder: HolderFacts = { countries: new Set(), parties: new Set() };
    for (const { phrase, written } of resolved) {
      if (phrase.former || !written) continue;
      if (written.explicit && written.jurisdiction && countryOf(written.jurisdiction))
        holder.countries.add(countryOf(written.jurisdiction)!);
      if (written.party) holder.parties.add(written.party);
    }
    for (const label of mentions.map((m) => m.party).filter((p): p is string => !!p)) {
      const party = partyOfLabel(label);
      if (party) holder.parties.add(party);
    }
    const byTitle = new Map<string, Holding>();
    const former = new Set<string>();
    for (const { phrase, mention, written } of resolved) {
      if (!written) continue;
      const key = titleKey(written.title);
      if (phrase.former) {
        former.add(key);
        continue;
      }
      const jurisdiction = written.jurisdiction ?? reader.inferred(phrase, written, mention, holder);
      // `director Martin Scorsese`: a body's post with no body is an occupation
      if (!jurisdiction && needsBody(written.title)) continue;
      const head = titleHeadOf(written.title).toLowerCase();
      if ((sport.report && SPORT_JOBS.has(head)) || (sport.touched && TEAM_JOBS.has(head))) continue;
      const evidence = [evidenceOf(sentences[mention.sentence])];
      const holding: Holding = {
        fact: { holder: person.name, title: written.title, jurisdiction, evidence },
        explicit: written.explicit,
      };
      const known = byTitle.get(key);
      if (!known) byTitle.set(key, holding);
      else if (holding.explicit && !known.explicit) {
        holding.fact.evidence = uniqueEvidence([...holding.fact.evidence, ...known.fact.evidence]);
        byTitle.set(key, holding);
      } else known.fact.evidence = uniqueEvidence([...known.fact.evidence, ...evidence]);
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
      if (covered) continue;
      const jurisdictionRef = jurisdictionRefOf(holding.fact.jurisdiction, context);
      const countryCode = jurisdictionRef?.kind === 'country' ? jurisdictionRef.code : null;
      offices.push({
        ...holding.fact,
        canonicalTitle: canonicalTitleOf(holding.fact.title, countryCode),
        jurisdictionRef,
      });
    }
    const evidenceOfParty = (party: string) =>
      uniqueEvidence(
        resolved
          .filter(({ written }) => written?.party === party)
          .map(({ mention }) => evidenceOf(sentences[mention.sentence]))
          .concat(
            mentions.filter((m) => partyOfLabel(m.party) === party).map((m) => evidenceOf(sentences[m.sentence])),
          ),
      );
    for (const party of holder.parties)
      affiliations.push({ member: person.name, organization: party, evidence: evidenceOfParty(party) });
  }
  return { offices, affiliations };
}
