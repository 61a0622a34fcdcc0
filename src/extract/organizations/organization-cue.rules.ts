/**
 * What makes a capitalised name with no body's head word (`Norlex`, `Vantora Capital`) a body:
 * the words the text puts around it, as token patterns around the candidate (`name`). A name the
 * article uses as a place (`in X`, `to X`) needs a cue only a body gets (`placeProof`).
 */
import type { TokenPattern, TokenSpec } from '../engine/token-pattern.type';

export interface OrganizationCue extends TokenPattern {
  /** The cue holds even for a name the article also uses as a place. */
  placeProof: boolean;
  example: string;
}

const name: TokenSpec = { entity: 'name', as: 'name' };
const the: TokenSpec = { lower: ['the'], op: '?' };
const adjectives: TokenSpec = { is: 'lowercase', pos: ['ADJ'], op: '*', max: 2 };
/** Nouns for what a body publishes or does (`a Norlex analysis`, `Norlex shares`). */
// prettier-ignore
const BODY_PRODUCTS = [
  'analysis', 'report', 'survey', 'study', 'data', 'research', 'statement', 'shares', 'stock', 'stake', 'bid',
  'deal', 'merger', 'takeover', 'profits', 'profit', 'earnings', 'revenue', 'revenues', 'sales', 'employees',
  'workers', 'staff', 'spokesman', 'spokeswoman', 'spokesperson', 'executives', 'board', 'shareholders',
  'customers', 'subscribers', 'headquarters', 'website', 'aircraft', 'jets', 'plant', 'factory',
];
/** Verbs after which a name is the outlet spoken to (`told Al Jazeera`, `confirmed to Axios`). */
const SPOKEN_TO = ['confirmed', 'said', 'speaking', 'spoke', 'talking', 'talked', 'interview', 'comments', 'statement'];

export const ORGANIZATION_CUES: readonly OrganizationCue[] = [
  {
    id: 'descriptor-before',
    tokens: [{ is: ['bodyDescriptor', 'lowercase'] }, name],
    placeProof: false,
    example: 'Energy giant Norlex raised prices.',
  },
  {
    id: 'descriptor-after',
    tokens: [
      name,
      { lower: ['news', 'media', 'wire', 'state', 'oil', 'steel', 'software', 'chip'], op: '?' },
      { is: ['bodyDescriptor', 'lowercase'] },
    ],
    placeProof: false,
    example: 'The Vantora news agency reported it.',
  },
  {
    id: 'told',
    tokens: [{ lower: ['told', 'tells', 'telling'] }, name],
    placeProof: false,
    example: 'Peter Hale told Vantora the plan was dead.',
  },
  {
    id: 'spoken-to',
    tokens: [{ lower: SPOKEN_TO }, { lower: ['to', 'with'] }, name],
    placeProof: true,
    example: 'A US official confirmed to Vantora that a proposal was delivered.',
  },
  {
    id: 'reported',
    tokens: [name, { lower: ['reported', 'reports', 'quoted'] }],
    placeProof: true,
    example: 'Vantora reported on Monday that the talks failed.',
  },
  {
    id: 'said-in-a-statement',
    tokens: [name, { lower: ['said', 'says'] }, { lower: ['in'] }, { lower: ['a'] }, { lower: ['statement'] }],
    placeProof: true,
    example: 'Vantora said in a statement that it would appeal.',
  },
  {
    id: 'title-after',
    tokens: [name, { is: 'possessive', op: '?' }, { is: 'titleQualifier', op: '*', max: 2 }, { is: 'titleHead' }],
    placeProof: true,
    example: 'Norlex chairman Peter Hale resigned.',
  },
  {
    id: 'occupation-after',
    tokens: [name, { is: ['occupation', 'lowercase'] }],
    placeProof: true,
    example: 'Vantora analyst Peter Hale expects a cut.',
  },
  {
    id: 'occupation-at',
    tokens: [{ is: ['occupation', 'lowercase'] }, { lower: ['at', 'with'] }, the, adjectives, name],
    placeProof: false,
    example: 'said Peter Hale, an analyst at Vantora.',
  },
  {
    id: 'title-of',
    tokens: [{ is: 'titleHead' }, { lower: ['of', 'for'] }, the, adjectives, name],
    placeProof: false,
    example: 'Peter Hale, a spokesman for the Vantora, said so.',
  },
  {
    id: 'delegation-from',
    tokens: [
      { lower: ['delegation', 'delegations', 'officials', 'representatives', 'members', 'envoys', 'negotiators'] },
      { lower: ['from', 'of'] },
      the,
      name,
    ],
    placeProof: true,
    example: 'A delegation from Vantora arrived.',
  },
  {
    id: 'appositive-descriptor',
    tokens: [
      name,
      { text: [','] },
      { lower: ['a', 'an', 'the'] },
      { pos: ['ADJ', 'NOUN', 'PROPN', 'ADV'], op: '*', max: 3 },
      { is: 'bodyDescriptor' },
    ],
    placeProof: true,
    example: 'She belonged to Code Pink, an anti-war group.',
  },
  {
    id: 'product',
    tokens: [{ lower: ['a', 'an', 'the'] }, name, { is: 'possessive', op: '?' }, { lower: BODY_PRODUCTS }],
    placeProof: false,
    example: 'According to a Vantora analysis, rates will rise.',
  },
  {
    id: 'shares-of',
    tokens: [{ lower: ['shares', 'stake', 'stock'] }, { lower: ['of', 'in'] }, the, name],
    placeProof: true,
    example: 'The shares of Vantora rose 4 percent.',
  },
  {
    id: 'ticker',
    tokens: [name, { text: ['('] }, { is: 'acronym' }, { text: ['.'] }],
    placeProof: true,
    example: 'Vantora Corp (VNT.N) stands to benefit.',
  },
];
