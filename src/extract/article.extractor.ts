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
const A_YEAR = /\b(?:19|20)\d{2}\b/;

/**
 * The date the article speaks from: the caller's, the front matter's, its photo captions'
 * full dates, or its wire dateline completed by a year the text ties to `this year`.
 */
function referenceDate(input: ArticleInput, structure: ArticleStructure, sentences: Sentence[]): ResolvedDate | null {
  const given = parseIsoDate(input.publishedOn) ?? parseIsoDate(structure.frontMatter.publishedOn);
  if (given) return given;
  const captionDates = sentences
    .filter((s) => s.caption)
    .flatMap((s) => findDates(s.text, null))
    .map((d) => d.date)
    .filter((d): d is ResolvedDate => d?.precision === 'day');
  if (captionDates.length) return captionDates.sort((a, b) => b.iso.localeCompare(a.iso))[0];
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
 * The year `this year` means, when a sentence saying `this year` names it (`its 1991 export
 * goals ... for this year`) and the article tells of no later year as past (a `1944
 * deportation` next to `this year's commemorations` is history, since 2004 and 2023 came after).
 */
function yearOfThisYear(sentences: Sentence[]): string | null {
  const said = sentences.find((s) => /\bthis year\b/i.test(s.text) && A_YEAR.test(s.text));
  const year = said?.text.match(YEAR)?.[0];
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
  const reference = referenceDate(input, structure, sentences);
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
    publishedOn: reference?.iso ?? null,
    paragraphs: structure.paragraphs.map((p) => ({ start: p.start, end: p.end })),
    people,
    organizations: orgFacts,
    offices,
    affiliations,
    meetings,
  };
}
