/**
 * What the words around a capitalised name say it is. Each cue is a token pattern around the
 * candidate name (the `name` entity) with its verdict: a person (`Mr X`, `X, 47,`, `X said`,
 * `analyst X`), or no person (`the film X`, `X films`, `analysts at X`, `X economist`, `X Inc`).
 * Strong person cues make even a single word a name; weak ones need a name-like run.
 */
import type { TokenPattern, TokenSpec } from '../engine/token-pattern.type';

export type CueVerdict = 'person' | 'not-person';

export interface NameCue extends TokenPattern {
  verdict: CueVerdict;
  /** A strong cue settles it; a weak one counts only for a run that looks like a name. */
  strength: 'strong' | 'weak';
  example: string;
}

const name: TokenSpec = { entity: 'name', as: 'name' };
/** Verbs whose subject is a person when a name stands right before them. */
// prettier-ignore
const SPEAKING = [
  'said', 'says', 'told', 'tells', 'added', 'argued', 'insisted', 'warned', 'urged', 'explained', 'denied',
  'admitted', 'replied', 'thanked', 'greeted', 'phoned', 'recalled', 'wrote', 'tweeted', 'stressed', 'noted',
  'acknowledged', 'complained', 'conceded', 'declined', 'resigned', 'died', 'testified', 'pleaded',
];
/** Verbs whose object is a person when a name stands right after them. */
const MEETING_OBJECT = ['met', 'meets', 'told', 'thanked', 'greeted', 'phoned', 'received', 'visited', 'congratulated'];
/** Nouns for works and characters: a name next to them is a title or a role, not a person. */
// prettier-ignore
const WORK_NOUNS = [
  'film', 'films', 'movie', 'movies', 'novel', 'novels', 'book', 'books', 'album', 'albums', 'song', 'songs',
  'single', 'play', 'plays', 'musical', 'series', 'show', 'sitcom', 'soap', 'opera', 'franchise', 'character',
  'characters', 'episode', 'sequel', 'trilogy', 'documentary', 'game', 'video', 'brand', 'stores', 'shares',
  'stock', 'products', 'star', 'stars', 'fans', 'books',
];
/** Words of a company's legal form or listing after its name. */
// prettier-ignore
const COMPANY_SUFFIXES = [
  'inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'plc', 'ltd', 'ltd.', 'llc', 'ag', 'sa', 'nv', 'group',
  'holdings', 'bancorp', 'partners', '&',
];

export const NAME_CUES: readonly NameCue[] = [
  {
    id: 'age',
    tokens: [name, { text: [','] }, { is: 'number' }, { text: [',', ')', '.'] }],
    verdict: 'person',
    strength: 'strong',
    example: 'Kagiso Dube, 39, was charged.',
  },
  {
    id: 'occupation-before',
    tokens: [{ is: 'occupation', not: 'capitalised' }, name],
    verdict: 'person',
    strength: 'strong',
    example: 'said economist Kagiso Dube.',
  },
  {
    id: 'appositive-occupation',
    tokens: [
      name,
      { text: [','] },
      { lower: ['a', 'an', 'the'] },
      { pos: ['ADJ', 'NOUN', 'PROPN'], op: '*', max: 3 },
      { is: 'occupation' },
    ],
    verdict: 'person',
    strength: 'strong',
    example: 'Kagiso Dube, a political scientist at the university, said so.',
  },
  {
    id: 'speaker',
    tokens: [name, { lower: SPEAKING }],
    verdict: 'person',
    strength: 'weak',
    example: 'Kagiso Dube said the offer was an insult.',
  },
  {
    id: 'said-speaker',
    tokens: [{ lower: ['said', 'says', 'added', 'told'] }, name, { text: [',', '.'] }],
    verdict: 'person',
    strength: 'weak',
    example: '"It is huge," said Kagiso Dube.',
  },
  {
    id: 'met-object',
    tokens: [{ lower: MEETING_OBJECT }, { lower: ['with'], op: '?' }, name],
    verdict: 'person',
    strength: 'weak',
    example: 'Tshepo Mokoena met Oyelaran Bankole.',
  },
  {
    id: 'work-noun-before',
    tokens: [{ lower: WORK_NOUNS }, { text: ['"', '“', "'", '‘'], op: '?' }, name],
    verdict: 'not-person',
    strength: 'strong',
    example: 'She won for the film Vera Drake.',
  },
  {
    id: 'work-noun-after',
    tokens: [name, { lower: WORK_NOUNS }],
    verdict: 'not-person',
    strength: 'strong',
    example: 'The Harry Potter films made millions.',
  },
  {
    id: 'appositive-body',
    tokens: [
      name,
      { text: [','] },
      { lower: ['a', 'an', 'the'] },
      { pos: ['ADJ', 'NOUN', 'PROPN'], not: 'occupation', op: '*', max: 3 },
      { is: 'bodyDescriptor' },
      // `Tom Haas, the union's general chairman` is a person
      { not: ['possessive', 'titleWord', 'occupation'] },
    ],
    verdict: 'not-person',
    strength: 'strong',
    example: 'She belonged to Code Pink, an anti-war group that stages protests.',
  },
  {
    id: 'employer-of-occupation',
    tokens: [name, { is: 'lowercase', pos: ['NOUN', 'ADJ'], op: '*', max: 2 }, { is: ['occupation', 'lowercase'] }],
    verdict: 'not-person',
    strength: 'strong',
    example: 'A former Merrill Lynch investment banker, Kagiso Dube, expects a cut.',
  },
  {
    id: 'at-employer',
    tokens: [{ lower: ['at'] }, name, { text: [',', '.', ';'] }],
    verdict: 'not-person',
    strength: 'weak',
    example: 'said Kagiso Dube, an analyst at Merrill Lynch.',
  },
  {
    id: 'company-suffix',
    tokens: [name, { lower: ['and', '&'], op: '?' }, { lower: COMPANY_SUFFIXES }],
    verdict: 'not-person',
    strength: 'strong',
    example: 'Smith Barney Harris Upham and Co Inc raised its forecast.',
  },
  {
    id: 'ticker',
    tokens: [name, { text: ['('] }, { is: 'capitalised' }, { text: ['.'], op: '?' }],
    verdict: 'not-person',
    strength: 'weak',
    example: 'Zions Bancorp (ZION.O) stands to benefit.',
  },
];
