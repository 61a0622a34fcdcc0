/**
 * The corpus audit's judging rules, kept small because the knowledge is in the labels
 * (`audit-labels.ts`): an office the API lists for a person is matched against the posts the
 * person held at the time, on normalized words.
 *
 * Normalization, the same for a label's forms and the API's values: case and accents are ignored,
 * and so are `.` and `'` (`U.S.` = `US`), `&` is `and`, hyphens and spaces (`Co-Ordinator` =
 * `coordinator`, `Vice-President` = `Vice President`), the filler words `of`, `the` and `for`
 * (`Chancellor of the Exchequer` = `Chancellor Exchequer`), and `chair`, `chairwoman` and
 * `chairperson` are `chairman`. Word order counts (`Foreign Minister` and `Minister of Foreign
 * Affairs` are two forms a label lists). A jurisdiction matches by its name or its ISO code, so a
 * label lists `GB` beside `United Kingdom`, `UK` and `Britain`.
 */

/** A post a person held at the time of the corpus's articles, with the forms that name it. */
export interface PostLabel {
  /** The post in words, for a reader of the labels and of the report. */
  post: string;
  /** Canonical title forms: an office with one of these and a canonical jurisdiction is right. */
  titles: string[];
  /** The same post under a title that is not canonical (`Premier` for the British Prime Minister): wrong, but a duplicate beside the post. */
  titleVariants?: string[];
  /** Canonical jurisdiction forms: names and ISO codes. */
  jurisdictions: string[];
  /** The same jurisdiction under a form that is not canonical (`Tories`, `the party`): wrong, but a duplicate beside the post. */
  jurisdictionVariants?: string[];
  /** The person's main office at the time (at most one per person). */
  main?: true;
}

/** What one person held at the time, written by hand from the articles and general knowledge. */
export interface PersonLabel {
  /** The name forms the load may give this person (its `name`), e.g. `Ronald Reagan` and `Reagan`. */
  names: string[];
  /** Who they were at the time, in a line. */
  held: string;
  /** Posts held at the time; empty for someone who held none (a player, an actor). */
  posts: PostLabel[];
  /** Set when the "person" is no person at all (a band, a club, a film): every office listed for it is wrong. */
  notAPerson?: true;
  /** Offices the person is often wrongly given (`title | jurisdiction`), for a reviewer of the labels; the measures do not read them. */
  oftenWrong?: string[];
}

/** An office as `Person.offices` lists it. */
export interface ListedOffice {
  title: string;
  jurisdiction: string | null;
  jurisdictionCode: string | null;
}

/**
 * How a listed office compares with the person's labelled posts:
 * - `right`: canonical title and jurisdiction of a post held;
 * - `variant`: a post held, under a title or jurisdiction form that is not canonical;
 * - `no-jurisdiction`: a post held's title, with no jurisdiction;
 * - `other-jurisdiction`: a post held's title, of a jurisdiction the person held nothing in;
 * - `no-such-post`: nothing the person held (or the "person" is none).
 */
export type Verdict = 'right' | 'variant' | 'no-jurisdiction' | 'other-jurisdiction' | 'no-such-post';

export interface Judgement {
  verdict: Verdict;
  /** Index of the post in the label for `right`, `variant` and `no-jurisdiction`; null otherwise. */
  post: number | null;
}

const FILLER_WORDS = new Set(['of', 'the', 'for']);
const CHAIRMAN_FORMS = new Set(['chair', 'chairwoman', 'chairperson']);

/** The words of a title or jurisdiction as the audit compares them (see the module comment), joined. */
export function normalizedForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !FILLER_WORDS.has(word))
    .map((word) => (CHAIRMAN_FORMS.has(word) ? 'chairman' : word))
    .join('');
}

const formsOf = (forms: readonly string[] = []) => new Set(forms.map(normalizedForm));

function jurisdictionIn(office: ListedOffice, forms: Set<string>): boolean {
  return [office.jurisdiction, office.jurisdictionCode].some(
    (value) => value !== null && forms.has(normalizedForm(value)),
  );
}

const VERDICT_RANK: Verdict[] = ['right', 'variant', 'no-jurisdiction', 'other-jurisdiction', 'no-such-post'];

export function judgeOffice(office: ListedOffice, label: PersonLabel): Judgement {
  if (label.notAPerson) return { verdict: 'no-such-post', post: null };
  const title = normalizedForm(office.title);
  let best: Judgement = { verdict: 'no-such-post', post: null };
  label.posts.forEach((post, index) => {
    const canonicalTitle = formsOf(post.titles).has(title);
    if (!canonicalTitle && !formsOf(post.titleVariants).has(title)) return;
    const canonicalJurisdiction = jurisdictionIn(office, formsOf(post.jurisdictions));
    let found: Judgement;
    if (canonicalTitle && canonicalJurisdiction) found = { verdict: 'right', post: index };
    else if (canonicalJurisdiction || jurisdictionIn(office, formsOf(post.jurisdictionVariants)))
      found = { verdict: 'variant', post: index };
    else if (office.jurisdiction === null) found = { verdict: 'no-jurisdiction', post: index };
    else found = { verdict: 'other-jurisdiction', post: null };
    if (VERDICT_RANK.indexOf(found.verdict) < VERDICT_RANK.indexOf(best.verdict)) best = found;
  });
  return best;
}

/**
 * How many of one person's offices duplicate another of theirs: offices that are one labelled
 * post (under two titles, two jurisdiction forms, or once without a jurisdiction) and, among the
 * rest, offices with the same normalized title and jurisdiction. Each group of n counts n - 1.
 */
export function duplicateCount(offices: readonly ListedOffice[], judgements: readonly Judgement[]): number {
  const groups = new Map<string, number>();
  offices.forEach((office, i) => {
    const post = judgements[i].post;
    const key =
      post !== null
        ? `post:${post}`
        : `office:${normalizedForm(office.title)}|${normalizedForm(office.jurisdiction ?? office.jurisdictionCode ?? '')}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  });
  return [...groups.values()].reduce((sum, size) => sum + size - 1, 0);
}

/**
 * Words a person's name must not begin with: titles and honorifics, party names, occupations
 * and the markers of a former post. A name is `Tony Blair`, never `Prime Minister Tony Blair`,
 * `Labour's Alan Milburn`, `Mr Blair` or `Novelist Frederick Forsyth`.
 */
// prettier-ignore
export const TITLE_AND_PARTY_WORDS = new Set([
  // honorifics
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'lord', 'lady', 'dame', 'baroness', 'baron', 'prof', 'professor', 'rev',
  'reverend', 'sheikh', 'ayatollah',
  // titles and ranks
  'president', 'vice', 'prime', 'premier', 'minister', 'chancellor', 'secretary', 'senator', 'sen', 'rep',
  'representative', 'congressman', 'congresswoman', 'governor', 'mayor', 'mp', 'mep', 'king', 'queen', 'princess',
  'emir', 'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'chairman', 'chairwoman', 'chief', 'director',
  'leader', 'speaker', 'judge', 'ambassador', 'envoy', 'commissioner', 'spokesman', 'spokeswoman', 'boss', 'coach',
  'manager', 'skipper', 'deputy', 'shadow', 'foreign', 'home', 'finance', 'defence', 'defense', 'interior',
  'treasury', 'chancellor', 'former', 'ex',
  // parties
  'labour', 'tory', 'tories', 'conservative', 'conservatives', 'liberal', 'lib', 'libdem', 'democrat', 'democrats',
  'democratic', 'republican', 'republicans', 'gop', 'ukip', 'snp', 'plaid', 'socialist', 'likud',
  // occupations
  'novelist', 'author', 'writer', 'actor', 'actress', 'singer', 'star', 'economist', 'analyst', 'striker',
  'midfielder', 'defender', 'goalkeeper', 'winger', 'champion', 'tycoon', 'businessman', 'billionaire',
]);

/** The title or party word a name begins with (possessive dropped: `Labour's`), or null. */
export function leadingTitleWord(name: string): string | null {
  const first = name.trim().split(/\s+/)[0] ?? '';
  const word = first
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[.,:;]/g, '');
  return TITLE_AND_PARTY_WORDS.has(word) ? first : null;
}

/** The label whose names include `name` (compared as normalized forms), if any. */
export function labelOf(name: string, labels: readonly PersonLabel[]): PersonLabel | undefined {
  const wanted = normalizedForm(name);
  return labels.find((label) => label.names.some((form) => normalizedForm(form) === wanted));
}
