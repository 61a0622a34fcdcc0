/**
 * General vocabulary of positions: head words of titles, words that qualify them (portfolios,
 * rank modifiers), honorifics, occupations (which mark people but are not offices), and the
 * markers that make an office a former one.
 */
import { foldForLookup, memoizeWord } from './name.normalizer';

/** The word a title is named after (`minister` in `Deputy Prime Minister`). */
// prettier-ignore
const HEAD_WORDS = [
  'president', 'vice-president', 'premier', 'minister', 'secretary', 'under-secretary', 'undersecretary',
  'secretary-general', 'chancellor', 'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'chairman', 'chairwoman',
  'chairperson', 'chair', 'director', 'executive', 'chief', 'head', 'governor', 'mayor', 'ambassador', 'envoy',
  'emir', 'king', 'queen', 'sultan', 'prince', 'commissioner', 'negotiator', 'coordinator', 'co-ordinator', 'agent',
  'mp', 'mep', 'msp', 'senator', 'congressman', 'congresswoman', 'speaker', 'treasurer', 'commander', 'editor', 'ceo', 'pm',
  'attorney-general', 'vice-chairman', 'deputy',
  'judge', 'pope', 'pontiff', 'governor-general', 'representative',
  'boss', 'prosecutor', 'founder', 'co-founder',
];
/** Words that qualify a head word inside a title (`Foreign`, `Deputy`, `Exchequer`). */
// prettier-ignore
const QUALIFIER_WORDS = [
  'deputy', 'acting', 'prime', 'vice', 'chief', 'general', 'managing', 'executive', 'parliamentary', 'shadow',
  'junior', 'assistant', 'special', 'first', 'crown', 'foreign', 'home', 'interior', 'defence', 'defense', 'finance',
  'financial', 'economy', 'economics', 'economic', 'trade', 'industry', 'energy', 'petroleum', 'oil', 'health',
  'education', 'justice', 'transport', 'environment', 'agriculture', 'affairs', 'treasury', 'exchequer', 'state',
  'culture', 'information', 'communications', 'welfare', 'employment', 'local', 'government', 'campaign', 'election',
  'elections', 'debt', 'security', 'intelligence', 'development', 'budget', 'planning', 'tourism', 'housing',
  'water', 'press', 'works', 'social', 'youth', 'sports', 'science', 'technology', 'immigration', 'commerce',
  'industry', 'investment', 'cooperation', 'co-operation', 'relations', 'policy', 'supreme', 'minority',
  'majority', 'opposition', 'whip', 'regional',
  'officer', 'revenue', 'operating', 'financial', 'marketing', 'commercial', 'staff', 'ranking', 'top',
  'farm', 'fisheries', 'veterans', 'homeland', 'media', 'strategy',
];
// prettier-ignore
const MULTIWORD_HEADS = [
  'prime minister', 'crown prince', 'chief executive', 'managing director', 'general secretary', 'secretary general',
  'chief of staff', 'attorney general',
];
// prettier-ignore
const HONORIFICS = [
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'lord', 'lady', 'baroness', 'baron', 'dame', 'rev', 'sen', 'rep', 'gen',
  'col', 'sheikh', 'prof',
  'ayatollah', 'imam', 'rabbi', 'reverend', 'mullah', 'hojatoleslam', 'shaikh', 'sayyid', 'pastor', 'bishop', 'archbishop', 'cardinal', 'father', 'mgr', 'msgr',
  'general', 'colonel', 'admiral', 'lieutenant', 'brigadier', 'marshal', 'sergeant',
];
/** Occupations: they mark a person, but are no office. */
// prettier-ignore
const OCCUPATIONS = [
  'economist', 'analyst', 'expert', 'fellow', 'professor', 'researcher', 'lawyer', 'correspondent', 'reporter',
  'journalist', 'lecturer', 'scientist', 'adviser', 'advisor', 'strategist', 'candidate', 'entrepreneur', 'official',
  'officer', 'diplomat', 'activist', 'writer', 'author', 'commentator', 'banker', 'boxer', 'champion', 'sociologist',
  'historian', 'student', 'spokesman', 'general', 'colonel', 'captain', 'lieutenant', 'admiral', 'sergeant', 'major',
  'director', 'manager', 'founder', 'owner', 'councillor', 'campaigner', 'businessman', 'businesswoman',
  'attorney', 'actor', 'actress', 'singer', 'novelist', 'poet', 'artist', 'musician', 'rapper', 'comedian', 'filmmaker',
  'counsel', 'investor', 'billionaire', 'philanthropist', 'coach', 'manager', 'player', 'striker', 'midfielder',
  'defender', 'goalkeeper', 'athlete', 'sprinter', 'runner', 'cyclist', 'golfer', 'trainer', 'jockey', 'doctor',
  'surgeon', 'nurse', 'teacher', 'priest', 'cleric', 'scholar', 'physicist', 'engineer', 'architect', 'designer',
  'photographer', 'presenter', 'broadcaster', 'host', 'anchor', 'columnist', 'blogger', 'pollster', 'consultant',
  'lobbyist', 'whistleblower', 'dissident', 'protester', 'victim', 'suspect', 'defendant', 'plaintiff',
  'prosecutor', 'detective', 'soldier', 'veteran', 'pilot', 'astronaut', 'chef', 'model', 'businessman', 'tycoon',
  'magnate', 'mogul', 'heir', 'heiress', 'widow', 'star', 'captain', 'skipper', 'star', 'chairman-elect',
];
/** Titles that belong to a state when no other jurisdiction is named. */
// prettier-ignore
const STATE_TITLE_HEADS = [
  'representative', 'congressman', 'congresswoman', 'prosecutor',
  'president', 'premier', 'minister', 'secretary', 'under-secretary', 'undersecretary', 'chancellor', 'ambassador',
  'envoy', 'emir', 'king', 'queen', 'sultan', 'prince', 'mp', 'senator', 'pm', 'negotiator',
];
// prettier-ignore
const FORMER_MARKERS = [
  'former', 'ex', 'then', 'late', 'erstwhile', 'one-time', 'onetime', 'previous', 'ousted', 'deposed',
];

const headSet = new Set(HEAD_WORDS);
const qualifierSet = new Set(QUALIFIER_WORDS);
const honorificSet = new Set(HONORIFICS);
const occupationSet = new Set(OCCUPATIONS);
const stateHeadSet = new Set(STATE_TITLE_HEADS);
const formerSet = new Set(FORMER_MARKERS);

const fold = memoizeWord((w: string) => foldForLookup(w).replace(/\.$/, ''));

/** Heads that are a post only when capitalised: a `speaker` of German is no Speaker of a parliament. */
const CAPITALISED_ONLY = new Set(['speaker']);

export const isTitleHead = (word: string): boolean =>
  headSet.has(fold(word)) && (!CAPITALISED_ONLY.has(fold(word)) || /^\p{Lu}/u.test(word));
export const isTitleQualifier = (word: string): boolean => qualifierSet.has(fold(word));
export const isHonorific = (word: string): boolean => honorificSet.has(fold(word));
export const isOccupation = (word: string): boolean => occupationSet.has(fold(word));
export const isFormerMarker = (word: string): boolean => formerSet.has(fold(word).replace(/-$/, ''));
export const isTitleWord = (word: string): boolean => isTitleHead(word) || isTitleQualifier(word);
/** Heads that take a portfolio in front of them (`Fisheries Minister`, `Mines Secretary`). */
export const isPortfolioHead = (word: string): boolean => /^(?:minister|secretary)$/.test(fold(word));

/** Members' seats named after their parliament, by the letters of the post. */
const SEAT_BODIES: Record<string, string> = { mep: 'European Parliament', msp: 'Scottish Parliament' };

/**
 * The post and parliament of a member's seat written with its parliament's letters (`MEP`, `MSP`,
 * and `Euro MP`, `European MP` for an MEP): the body is the parliament, whatever the member's party.
 */
export function seatOf(title: string, qualifier: string | null): { title: string; body: string } | null {
  const folded = fold(title);
  const letters = folded === 'mp' && /^euro(?:pean)?$/.test(fold(qualifier ?? '')) ? 'mep' : folded;
  const body = SEAT_BODIES[letters];
  return body ? { title: letters.toUpperCase(), body } : null;
}

/** Posts that exist under these names in one country only, so they name it when the text does not. */
const NATIONAL_TITLES: Array<[RegExp, string]> = [
  [
    /^(?:home|foreign|defence|health|education|environment|culture|transport|welsh|scottish|northern ireland|work and pensions) secretary$/,
    'United Kingdom',
  ],
  [/^chancellor of the exchequer$/, 'United Kingdom'],
  [/^secretary (?:of state )?for /, 'United Kingdom'],
  [/^shadow /, 'United Kingdom'],
];

/** The country a title belongs to by its very name (`Home Secretary`), or null. */
export function countryOfTitle(title: string): string | null {
  const folded = fold(title).replace(/\s+/g, ' ');
  return NATIONAL_TITLES.find(([pattern]) => pattern.test(folded))?.[1] ?? null;
}

/**
 * Posts a country does not have under that name: the United States has no prime minister, the
 * United Kingdom no president. A country is never inferred for such a post (`Prime Minister Tony
 * Blair` in a story about Washington).
 */
const ABSENT_POSTS: Record<string, RegExp> = {
  'United States': /^(?:prime minister|premier|chancellor|king|queen|foreign minister|finance minister)$/,
  'United Kingdom': /^(?:president|vice president|finance minister|foreign minister)$/,
  'Hong Kong': /^(?:president|prime minister|king|queen)$/,
};

/** Whether `country` has a post of this (canonical, lower-cased) title, as far as the table knows. */
export function countryHasPost(country: string, title: string): boolean {
  return !ABSENT_POSTS[country]?.test(fold(title).replace(/\s+/g, ' '));
}

/** Whether a title (`Foreign Minister`, `Prime Minister`) is a state post, so it takes the article's country. */
export function isStateTitle(title: string): boolean {
  const words = title.split(/\s+/).map(fold);
  return words.some((w) => stateHeadSet.has(w)) && !words.some((w) => w === 'party' || w === 'union' || w === 'bank');
}

/** Heads of posts in companies and other bodies: without the body they belong to, they are occupations (`director Martin Scorsese`). */
// prettier-ignore
const BODY_POST_HEADS = new Set([
  'director', 'chief', 'head', 'boss', 'chairman', 'chairwoman', 'chairperson', 'chair', 'executive', 'editor',
  'founder', 'co-founder', 'managing director', 'chief executive', 'vice-chairman', 'treasurer', 'agent', 'coordinator',
  'co-ordinator',
]);

/** Whether a title is a post only with the body it belongs to, so that without one it is no office. */
export function needsBody(title: string): boolean {
  return BODY_POST_HEADS.has(titleHeadOf(title));
}

/** Heads of posts a party gives (`Tory leader`, `Democratic whip`): a party label before them is the post's jurisdiction. */
// prettier-ignore
const PARTY_POST_HEADS = new Set([
  'leader', 'chairman', 'chairwoman', 'chairperson', 'chair', 'spokesman', 'spokeswoman', 'spokesperson', 'whip',
  'treasurer', 'coordinator', 'co-ordinator', 'director', 'secretary-general', 'general secretary', 'secretary general',
  'chief', 'head',
]);

/** Whether a title is a party's own post when a party names it (`Republican leader`, but not `Republican Senator`). */
export function isPartyPost(title: string): boolean {
  return PARTY_POST_HEADS.has(titleHeadOf(title));
}

/** The head word at the end of a title, joined with its multiword partner (`prime minister`). */
export function titleHeadOf(title: string): string {
  const folded = fold(title);
  for (const multi of MULTIWORD_HEADS) if (folded.endsWith(multi) || folded.startsWith(`${multi} `)) return multi;
  const words = folded.split(/\s+/);
  const ofAt = words.indexOf('of');
  const core = ofAt > 0 ? words.slice(0, ofAt) : words;
  return core[core.length - 1] ?? folded;
}
