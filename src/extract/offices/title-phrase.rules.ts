/**
 * How news writes a position next to the name of the person holding it, as token patterns: the
 * holder (`holder`), the title words (`title`), the words naming the jurisdiction (`jurisdiction`,
 * before or after the title), and a marker that the post is a former one (`former`). The holder
 * is bound by the grammar of the phrase: a title before a name, after it in apposition, or in a
 * relative clause, never merely the nearest name.
 */
import type { TokenPattern, TokenSpec } from '../engine/token-pattern.type';

export interface TitlePattern extends TokenPattern {
  /** The post is stated as past (`X, who was ...`), whatever words it carries. */
  past?: boolean;
  /** The title must not run into a name: `X, Swiss Economics Minister Y` titles Y, not X. */
  notBeforeName?: boolean;
  example: string;
}

const holder: TokenSpec = { entity: ['name', 'person'], as: 'holder' };
/** `Sir`, `Sheikh`, `Ayatollah` between a title and the name. */
const honorifics: TokenSpec = { is: 'honorific', op: '*', max: 2 };
const former: TokenSpec = { is: 'formerMarker', op: '?', as: 'former' };
const determiner: TokenSpec = { lower: ['the', 'a', 'an', 'his', 'her', 'their'], op: '?' };

/**
 * A capitalised word that may name a jurisdiction: no title head, honorific or sentence opener. A
 * qualifier may stand in a name (`Water Resources`); the parser gives those before the head back to the title.
 */
const jurisdictionWord: TokenSpec = {
  is: 'capitalised',
  // `When Russian`, `Meanwhile Lib Dem`, `Oscar-winning`: sentence openers and modifiers name no jurisdiction
  not: ['titleHead', 'honorific', 'formerMarker', 'functionWord', 'adverb', 'verb', 'hyphenatedModifier'],
};
/** A further word of a name: its part of speech no longer matters (`House Ways and Means Committee`). */
const nameWord: TokenSpec = { is: 'capitalised', not: ['titleHead', 'honorific', 'formerMarker'] };
/** `Kurdistan Region`, `House Ways and Means Committee`, `Bank of Japan`, `Iran's Revolutionary Guards`. */
const jurisdictionName = (as: string): TokenSpec => ({
  as,
  seq: [
    // `Downing Street`, which wink tags as a verb and a noun
    { is: 'seatOfGovernment', op: '?' },
    jurisdictionWord,
    { ...nameWord, op: '*', max: 5 },
    { op: '*', max: 2, seq: [{ lower: ['and', 'of', '&'] }, nameWord, { ...nameWord, op: '*', max: 3 }] },
    // `Economic Community of West African States (ECOWAS) Commission`
    { op: '?', seq: [{ text: ['('] }, { is: 'acronym' }, { text: [')'] }, nameWord, { ...nameWord, op: '*', max: 2 }] },
    { op: '?', seq: [{ is: 'possessive' }, nameWord, { ...nameWord, op: '*', max: 4 }] },
  ],
});
/** `the Qatari foreign ministry spokesman`: the body in lower case after the country is the country's. */
const lowercaseBodyAfterJurisdiction: TokenSpec = {
  op: '?',
  seq: [{ is: ['titleQualifier', 'lowercase'], op: '*', max: 2 }, { is: ['organizationHead', 'lowercase'] }],
};
/** `Apple Inc (AAPL.O)`: a ticker in brackets after a company's name. */
const ticker: TokenSpec = {
  op: '?',
  seq: [{ text: ['('] }, { not: ['clauseBreak'], op: '+', max: 4 }, { text: [')'] }],
};
/** `central bank`, `foreign ministry`: a body named in lower case before a title. */
const lowercaseBody: TokenSpec = {
  as: 'jurisdiction',
  seq: [{ pos: ['ADJ'], is: 'lowercase', op: '?' }, { is: ['organizationHead', 'lowercase'] }],
};
/** `Minister of Foreign Affairs`, `Chancellor of the Exchequer`, `Secretary for Health`: a portfolio after the head. */
const portfolioComplement: TokenSpec = {
  op: '?',
  seq: [
    { lower: ['of', 'for'] },
    { lower: ['the'], op: '?' },
    // `Chief of Staff General John Kelly`: a rank before the name is no part of the portfolio
    { is: 'titleQualifier', not: 'honorific', op: '+', max: 3 },
    { op: '*', max: 2, seq: [{ lower: ['and', '&'] }, { is: 'titleQualifier', op: '+', max: 2 }] },
  ],
};
/** The title words: qualifiers and a head, optionally a second head and a portfolio (`Deputy Prime Minister`, `Chief Executive Officer`). */
const title: TokenSpec = {
  as: 'title',
  seq: [
    { is: 'titleQualifier', op: '*', max: 4 },
    { is: 'titleHead' },
    { is: 'titleWord', op: '*', max: 2 },
    { ...portfolioComplement, op: '*', max: 2 },
  ],
};
/** `Special Envoy to the Middle East`: a region the post serves, part of its title. */
const titleWithRemit: TokenSpec = {
  as: 'title',
  seq: [
    title,
    { lower: ['to'] },
    { lower: ['the'], op: '?' },
    { is: 'capitalised', not: ['titleHead', 'functionWord'], outside: ['name', 'person'], op: '+', max: 4 },
  ],
};
/**
 * `of the Kurdistan Democratic Party`, `for Chad`, `at Barclays`: the jurisdiction after the title
 * (`remit`); a body named before the title outranks it (`the UN envoy for Chad`).
 */
const jurisdictionAfter: TokenSpec = {
  op: '?',
  seq: [
    { lower: ['of', 'for', 'at', 'in', 'to'] },
    { lower: ['the'], op: '?' },
    // `of the moderate Force Ouvriere labour group`, `of supermarket chain Greenfield Stores`
    { is: 'lowercase', pos: ['ADJ', 'NOUN'], not: 'titleWord', op: '*', max: 3 },
    jurisdictionName('remit'),
    ticker,
    { is: 'lowercase', pos: ['NOUN'], not: 'titleWord', op: '*', max: 2 },
  ],
};
/** Lower-case words between a determiner and the title (`a long-serving party leader`, `a widely respected`). */
const modifiers: TokenSpec = {
  is: 'lowercase',
  not: ['titleWord', 'occupation'],
  pos: ['ADJ', 'ADV', 'NOUN', 'VERB'],
  op: '*',
  max: 3,
};

export const TITLE_PATTERNS: readonly TitlePattern[] = [
  {
    id: 'title-before-name',
    tokens: [
      former,
      { op: '?', seq: [jurisdictionName('jurisdiction'), ticker] },
      title,
      { lower: ['.'], op: '?' },
      honorifics,
      holder,
    ],
    example: 'Iraqi Minister of Interior Othman al-Ghanmi arrived in Erbil.',
  },
  {
    id: 'title-with-remit-before-name',
    tokens: [former, { op: '?', seq: [jurisdictionName('jurisdiction')] }, titleWithRemit, honorifics, holder],
    example: 'US Special Envoy to the Middle East Steve Witkoff said so.',
  },
  {
    id: 'possessive-title-before-name',
    tokens: [jurisdictionName('jurisdiction'), { is: 'possessive' }, former, title, honorifics, holder],
    example: "Brazil's President Lula da Silva arrived.",
  },
  {
    id: 'body-title-before-name',
    tokens: [former, lowercaseBody, title, honorifics, holder],
    example: 'The talks were led by central bank governor Amina Wanjiru.',
  },
  {
    id: 'appositive',
    tokens: [
      holder,
      ticker,
      { text: [','] },
      determiner,
      { op: '?', seq: [jurisdictionName('jurisdiction'), { is: 'possessive' }] },
      former,
      modifiers,
      { op: '?', seq: [jurisdictionName('jurisdiction'), lowercaseBodyAfterJurisdiction] },
      title,
      jurisdictionAfter,
    ],
    notBeforeName: true,
    example: 'Masoud Barzani, leader of the Kurdistan Democratic Party, met him.',
  },
  {
    id: 'relative-clause',
    tokens: [
      holder,
      { text: [','] },
      { lower: ['who'] },
      // `who has been prime minister five times` tells of the past: only `is`, `serves as`, `became` count
      { lower: ['is', 'serves', 'became', 'as', 'now'], op: '+', max: 3 },
      determiner,
      modifiers,
      { op: '?', seq: [jurisdictionName('jurisdiction')] },
      title,
      jurisdictionAfter,
    ],
    notBeforeName: true,
    example: 'Peter Hale, who is the chairman of Norlex, said so.',
  },
  {
    id: 'past-relative-clause',
    tokens: [
      holder,
      { text: [','] },
      { lower: ['who'] },
      { lower: ['was', 'had'] },
      { not: 'clauseBreak', op: '*', max: 5 },
      title,
    ],
    past: true,
    example: 'Peter Hale, who was prime minister until 2001, said so.',
  },
  {
    id: 'title-comma-before-name',
    tokens: [
      determiner,
      { op: '?', seq: [jurisdictionName('jurisdiction'), { is: 'possessive' }] },
      former,
      modifiers,
      { op: '?', seq: [jurisdictionName('jurisdiction')] },
      title,
      jurisdictionAfter,
      { text: [','] },
      honorifics,
      holder,
    ],
    example: 'The UN envoy for Chad, Mourad Benaissa, is expected next week.',
  },
  {
    id: 'named-to-post',
    tokens: [
      holder,
      { lower: ['was', 'has', 'been', 'is'], op: '+', max: 2 },
      { lower: ['named', 'appointed', 'elected', 'installed', 'confirmed'] },
      { lower: ['as'], op: '?' },
      determiner,
      { op: '?', seq: [jurisdictionName('jurisdiction')] },
      title,
      jurisdictionAfter,
    ],
    example: 'Peter Hale was named chief executive of Norlex last spring.',
  },
];
