/**
 * The whole pipeline for one article: structure, sentences, people, organizations, offices,
 * coreference, dates and meetings, each fact with the sentences it came from.
 */
import type { ExtractionRecord, OrganizationFact, PersonFact } from './extraction-record.type';
import { parseArticleStructure, type ArticleStructure } from './text/article-structure.parser';
import { splitSentences, type Sentence } from './text/sentence.splitter';
import { recognizePeople } from './people/person.recognizer';
import { recognizeOrganizations } from './organizations/organization.recognizer';
import { jurisdictionContext } from './offices/jurisdiction.resolver';
import { extractOffices } from './offices/office.extractor';
import { CoreferenceResolver } from './people/coreference.resolver';
import { extractMeetings } from './meetings/meeting.extractor';
import { findDates, parseIsoDate, type ResolvedDate } from './text/date.resolver';
import { evidenceOf, uniqueEvidence } from './text/evidence.factory';
import { chunksOf } from './people/proper-noun.chunker';
import { isCity } from './lexicon/place.lexicon';

export interface ArticleInput {
  source: string;
  text: string;
  title?: string | null;
  publishedOn?: string | null;
}

const YEAR = /\b(?:19|20)\d{2}\b/g;

/**
 * The publication date as stated: the caller's, the front matter's, or the latest full date of
 * its photo captions (`... meets with Othman al-Ghanmi, July 29, 2020.`).
 */
function statedDate(input: ArticleInput, structure: ArticleStructure, sentences: Sentence[]): ResolvedDate | null {
  const given = parseIsoDate(input.publishedOn) ?? parseIsoDate(structure.frontMatter.publishedOn);
  if (given) return given;
  const captionDates = sentences
    .filter((s) => s.caption)
    .flatMap((s) => findDates(s.text, null))
    .map((d) => d.date)
    .filter((d): d is ResolvedDate => d?.precision === 'day');
  return captionDates.length ? captionDates.sort((a, b) => b.iso.localeCompare(a.iso))[0] : null;
}

/**
 * The date the article speaks from when it states none: its wire dateline completed by a year
 * the text ties to `this year`, or that year alone. Inferred, so never its publication date.
 */
function inferredDate(structure: ArticleStructure, sentences: Sentence[]): ResolvedDate | null {
  const year = yearOfThisYear(sentences);
  if (!year) return null;
  const dateline = structure.dateline?.dateText;
  if (dateline) {
    const day = findDates(`${dateline}, ${year}`, null)[0]?.date;
    if (day) return day;
  }
  return { iso: year, precision: 'year' };
}

/** Words before a year that put it ahead of the article (`a vote due by March 1991`). */
const AHEAD = /\b(?:due|by|until|will|next|before|expected|scheduled|to|turn)\b[^.]{0,24}$/i;

/**
 * Words right before a year that make it a period of its own rather than the current one: a
 * preposition (`in 1986`, `since 1948`, `by 1990`), a month (`September 2002`), `fiscal`, `late`, `mid-`,
 * the end of a range (`between 2008 and 2012`).
 */
const YEAR_AS_OTHER_PERIOD =
  /(?:\b(?:in|since|from|by|until|till|of|for|to|between|during|after|before|through|than|on|at|fiscal|late|early|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\s+|mid-|\b(?:between|from)\s+(?:19|20)\d{2}\s*(?:and|to|-|–)\s*)$/i;
/** `1986's figures`, `1987/88`: a year owning something, or a split year. */
const YEAR_AS_OTHER_PERIOD_AFTER = /^(?:['’]s\b|\/\d)/;

/**
 * The year `this year` means, when a sentence saying `this year` also names the current year as
 * such (`revising down its 1987 growth targets ... for this year`, `so far this year, putting 2025
 * on course`) and the article tells of no later year as past (a `1944 deportation` next to `this
 * year's commemorations` is history, since 2004 and 2023 came after). Headlines are left out.
 */
function yearOfThisYear(sentences: Sentence[]): string | null {
  const year = sentences
    .filter((s) => /\bthis year\b/i.test(s.text) && s.text !== s.text.toUpperCase())
    .flatMap((s) =>
      [...s.text.matchAll(YEAR)].filter(
        (m) =>
          !YEAR_AS_OTHER_PERIOD.test(s.text.slice(Math.max(0, m.index - 24), m.index)) &&
          !AHEAD.test(s.text.slice(Math.max(0, m.index - 40), m.index)) &&
          !YEAR_AS_OTHER_PERIOD_AFTER.test(s.text.slice(m.index + 4)),
      ),
    )[0]?.[0];
  if (!year) return null;
  const laterPast = sentences.some((s) =>
    [...s.text.matchAll(YEAR)].some(
      (m) => m[0] > year && !AHEAD.test(s.text.slice(Math.max(0, m.index - 40), m.index)),
    ),
  );
  return laterPast ? null : year;
}

/** The dateline's place, or else the first large city the article puts someone in (`arrived in X`, `at talks in X`). */
function defaultLocation(structure: ArticleStructure, sentences: Sentence[]): string | null {
  if (structure.dateline) return structure.dateline.place;
  for (const s of sentences)
    for (const c of chunksOf(s, false))
      if (/^(?:in|at)$/i.test(s.words[c.from - 1]?.text ?? '') && isCity(c.text)) return c.text;
  return null;
}

export function extractArticle(input: ArticleInput): ExtractionRecord {
  const structure = parseArticleStructure(input.text);
  const sentences = splitSentences(
    input.text,
    structure.paragraphs,
    structure.dateline ? [structure.dateline.span] : [],
  );
  const peopleAnalysis = recognizePeople(sentences);
  const organizations = recognizeOrganizations(sentences, peopleAnalysis);
  const context = jurisdictionContext(
    sentences,
    structure.headline?.text ?? null,
    organizations,
    structure.dateline?.place ?? null,
  );
  const namedOffices = extractOffices(peopleAnalysis.people, sentences, context).offices;
  const coreference = new CoreferenceResolver(sentences, peopleAnalysis.people, namedOffices);
  // shared surnames settled by title or by who was introduced first become mentions of that person
  const ambiguous = peopleAnalysis.ambiguous.filter((mention) => {
    const person = coreference.ambiguous(mention);
    if (!person) return true;
    person.mentions.push(mention);
    person.mentions.sort((a, b) => a.sentence - b.sentence || a.from - b.from);
    if (!person.aliases.includes(mention.text) && mention.text !== person.name) person.aliases.push(mention.text);
    return false;
  });
  const { offices, affiliations } = extractOffices(
    peopleAnalysis.people,
    sentences,
    context,
    coreference.describedTitles(),
  );
  const published = statedDate(input, structure, sentences);
  const reference = published ?? inferredDate(structure, sentences);
  const meetings = extractMeetings({
    sentences,
    people: peopleAnalysis.people,
    ambiguous,
    organizations,
    coreference,
    reference,
    defaultLocation: defaultLocation(structure, sentences),
  });
  const people: PersonFact[] = peopleAnalysis.people.map((p) => ({
    name: p.name,
    aliases: p.aliases,
    mentions: p.mentions.length,
    evidence: uniqueEvidence(p.mentions.map((m) => evidenceOf(sentences[m.sentence]))),
  }));
  const orgFacts: OrganizationFact[] = organizations.map((o) => ({
    name: o.name,
    aliases: o.aliases,
    evidence: uniqueEvidence(o.mentions.map((m) => evidenceOf(sentences[m.sentence]))),
  }));
  return {
    source: input.source,
    title: input.title ?? structure.frontMatter.title ?? structure.headline?.text ?? null,
    publishedOn: published?.iso ?? null,
    referenceDate: reference?.iso ?? null,
    paragraphs: structure.paragraphs.map((p) => ({ start: p.start, end: p.end })),
    people,
    organizations: orgFacts,
    offices,
    affiliations,
    meetings,
  };
}
