/**
 * Senses of the meeting words that report no meeting: things received or met rather than people
 * (`received a contract`, `met expectations`), shows hosted, sport, calls and letters, and
 * meetings that are planned, hoped for or denied. A trigger word inside a match's `trigger`
 * group is no meeting.
 */
import type { TokenPattern, TokenSpec } from '../engine/token-pattern.type';
import { MEETING_NOUNS } from './meeting-trigger.rules';

export interface NonMeetingSense extends TokenPattern {
  example: string;
}

// prettier-ignore
const RECEIVED_THINGS = [
  'contract', 'contracts', 'approval', 'approvals', 'award', 'awards', 'prize', 'praise', 'criticism', 'subpoena',
  'subpoenas', 'letter', 'letters', 'call', 'calls', 'message', 'messages', 'email', 'emails', 'support', 'funding',
  'funds', 'money', 'payment', 'payments', 'order', 'orders', 'offer', 'offers', 'bid', 'bids', 'complaint',
  'complaints', 'request', 'requests', 'invitation', 'warning', 'warnings', 'threat', 'threats', 'nomination',
  'vote', 'votes', 'treatment', 'sentence', 'donation', 'donations', 'grant', 'grants', 'licence', 'license',
  'permit', 'boost', 'backing', 'endorsement', 'response', 'reply', 'report', 'reports', 'advice', 'assurances',
  'assurance', 'guarantee', 'guarantees', 'loan', 'loans', 'aid', 'bailout', 'injection', 'investment', 'stake',
  'shares', 'dividend', 'bonus', 'salary', 'pay', 'compensation', 'damages', 'fine', 'refund', 'citation',
  'honour', 'honor', 'honours', 'honors', 'medal', 'degree', 'diploma', 'title', 'cap', 'caps', 'ovation',
  'applause', 'feedback', 'information', 'intelligence', 'documents', 'data', 'news', 'word', 'notice',
  'notification', 'confirmation', 'clearance', 'consent', 'permission', 'backlash', 'blame', 'attention',
  'coverage', 'reviews', 'review', 'rating', 'ratings', 'score', 'scores', 'points', 'percent', 'share',
  'majority', 'seats', 'delivery', 'deliveries', 'shipment', 'shipments', 'supplies', 'cash', 'million',
  'billion', 'visa', 'visas', 'asylum', 'citizenship', 'passport', 'injury', 'injuries', 'diagnosis',
  'transplant', 'vaccine', 'dose', 'doses', 'card', 'red', 'yellow', 'penalty', 'ban', 'suspension', 'tip',
  'tips', 'tip-off', 'petition', 'petitions', 'apology', 'condolences', 'congratulations', 'thanks', 'gift',
  'gifts', 'copy', 'briefing', 'update', 'signal', 'go-ahead', 'green', 'backing', 'mandate', 'waiver',
];
// prettier-ignore
const HOSTED_EVENTS = [
  'awards', 'show', 'shows', 'ceremony', 'ceremonies', 'festival', 'concert', 'tournament', 'games', 'olympics',
  'programme', 'program', 'episode', 'podcast', 'contest', 'competition', 'match', 'final', 'race', 'edition',
  'event', 'events', 'exhibition', 'fair', 'party', 'gala', 'conference', 'convention', 'forum', 'series',
  'championship', 'championships', 'cup', 'world', 'league', 'fixture', 'debate', 'quiz', 'broadcast',
  'website', 'site', 'servers', 'server', 'data', 'content', 'refugees', 'migrants', 'troops', 'bases', 'base',
  'fans', 'crowd', 'crowds', 'visitors', 'tourists', 'guests', 'students', 'families', 'children',
];
// prettier-ignore
const MET_THINGS = [
  'expectations', 'expectation', 'demand', 'demands', 'target', 'targets', 'criteria', 'requirements',
  'requirement', 'standard', 'standards', 'goal', 'goals', 'deadline', 'deadlines', 'needs', 'need',
  'obligations', 'obligation', 'costs', 'cost', 'threshold', 'thresholds', 'forecast', 'forecasts', 'estimate',
  'estimates', 'quota', 'quotas', 'conditions', 'condition', 'challenge', 'challenges', 'resistance',
  'opposition', 'criticism', 'skepticism', 'scepticism', 'approval', 'success', 'failure', 'death', 'end',
  'fate', 'hostility', 'protests', 'protest', 'anger', 'outrage', 'silence', 'derision', 'disbelief', 'dismay',
  'applause', 'cheers', 'boos', 'jeers', 'indifference', 'enthusiasm', 'interest', 'response', 'reaction',
  'resolve', 'force', 'fire', 'gunfire', 'violence', 'tear', 'payments', 'payment', 'bills', 'commitments',
  'commitment', 'pledge', 'pledges', 'promise', 'promises', 'terms', 'spending', 'budget', 'shortfall',
  'reporters', 'journalists', 'press', 'media', 'audience', 'supporters', 'fans', 'voters', 'crowds', 'crowd',
];
/** Nouns that make the meeting one of sport, where players, not parties, meet (`final` as a noun only). */
// prettier-ignore
const SPORT_WORDS = [
  'semi-final', 'semi-finals', 'semifinal', 'semifinals', 'quarter-final', 'quarter-finals',
  'quarterfinal', 'quarterfinals', 'match', 'matches', 'game', 'games', 'race', 'fixture', 'derby', 'bout',
  'playoff', 'playoffs', 'play-off', 'play-offs', 'rematch', 'tournament', 'innings',
];
/** Words that make a meeting planned, hoped for, conditional or denied. */
// prettier-ignore
const UNREAL = [
  'will', 'would', 'could', 'may', 'might', 'shall', "'ll", 'not', "n't", 'never', 'expected', 'plans', 'planned',
  'plan', 'hopes', 'hope', 'hoped', 'hoping', 'willing', 'due', 'wants', 'want', 'wanted', 'seeking', 'seeks',
  'sought', 'if', 'unless', 'resume', 'scheduled', 'intends', 'intend', 'proposed', 'proposes', 'cancelled', 'canceled', 'postponed', 'upcoming', 'next', 'future', 'possible',
  'potential', 'planning', 'ahead',
];
/** Far-reaching signs of the future: `is expected to press the point ... when the two ministers meet`. */
const FUTURE = [
  'will',
  "'ll",
  'would',
  'expected',
  'plans',
  'planned',
  'due',
  'hopes',
  'intends',
  'scheduled',
  'slated',
];
/** Time words that put a meeting ahead of the article (`later today`, `tomorrow`). */
const AHEAD_IN_TIME = ['tomorrow', 'tonight', 'later', 'next', 'upcoming', 'forthcoming'];
/** Words of getting a meeting ready, or of wanting one (`preparation for Trump's meeting`, `trying to arrange a meeting`). */
// prettier-ignore
const PREPARING = [
  'preparation', 'preparations', 'preparing', 'prepare', 'arrange', 'arranging', 'organise', 'organize', 'organising',
  'organizing', 'seek', 'seeking', 'request', 'requested', 'requesting', 'suggestion', 'suggestions', 'proposal',
  'proposals', 'invitation', 'invited', 'calls', 'demand', 'demanded', 'push', 'pushing', 'rejected', 'refused',
  'declined', 'ruled', 'denial', 'denials', 'denied', 'denies', 'deny',
];
// prettier-ignore
const REMOTE = [
  'phone', 'telephone', 'phoned', 'phoning', 'call', 'called', 'calling', 'video', 'videoconference',
  'videolink', 'virtually', 'virtual', 'online', 'letter', 'wrote', 'zoom', 'teleconference', 'conference-call',
];

const MEET_WORDS = ['met', 'meets', 'meeting', ...MEETING_NOUNS];
const TRIGGER_WORDS = [
  ...MEET_WORDS,
  ...['received', 'receives', 'hosted', 'hosts', 'visited', 'visits', 'welcomed', 'greeted', 'attended'],
];
const meetTrigger: TokenSpec = { lower: TRIGGER_WORDS, as: 'trigger' };
const determiners: TokenSpec = { is: 'determiner', op: '*', max: 2 };
const modifiers: TokenSpec = { pos: ['ADJ', 'NUM', 'ADV', 'NOUN', 'PROPN'], not: 'punctuation', op: '*', max: 3 };
/** Words up to the end of the clause. */
const sameClause = (max: number): TokenSpec => ({ not: 'clauseBreak', op: '*', max });

export const NON_MEETING_SENSES: readonly NonMeetingSense[] = [
  {
    id: 'received-a-thing',
    tokens: [
      { lower: ['received', 'receives', 'receiving', 'receive'], as: 'trigger' },
      determiners,
      modifiers,
      { lower: RECEIVED_THINGS },
    ],
    example: 'The company received a contract from the National Aeronautics and Space Administration.',
  },
  {
    id: 'received-a-number',
    tokens: [
      { lower: ['received', 'receives'], as: 'trigger' },
      { lower: ['about', 'some', 'nearly', 'only'], op: '?' },
      { is: 'number' },
    ],
    example: 'Peter Hale received 52 percent of the vote.',
  },
  {
    id: 'hosted-an-event',
    tokens: [
      { lower: ['hosted', 'hosts', 'hosting', 'host'], as: 'trigger' },
      determiners,
      modifiers,
      { lower: HOSTED_EVENTS },
    ],
    example: 'Ilona Kovacs hosted the awards show in London.',
  },
  {
    id: 'event-hosted-by',
    tokens: [
      { lower: HOSTED_EVENTS },
      { text: [','], op: '?' },
      { lower: ['which', 'that'], op: '?' },
      { lower: ['was', 'were', 'is', 'are', 'been', 'be', 'will', 'being'], op: '*', max: 2 },
      { lower: ['hosted', 'presented'], as: 'trigger' },
    ],
    example: 'The awards, which were hosted by Jack Dee, went to Peter Hale.',
  },
  {
    id: 'met-a-target',
    tokens: [
      { lower: ['met', 'meets', 'meet', 'meeting'], as: 'trigger' },
      { lower: ['with'], op: '?' },
      determiners,
      modifiers,
      { lower: MET_THINGS },
    ],
    example: 'The results met expectations, and the plan met with criticism from Peter Hale.',
  },
  {
    id: 'final-after',
    // `the final on Sunday`, but not `the final talks`
    tokens: [
      meetTrigger,
      sameClause(8),
      { is: 'determiner' },
      { lower: ['final', 'finals'] },
      { pos: ['ADP', 'PUNCT'] },
    ],
    example: 'Peter Hale met Ilona Kovacs in the final.',
  },
  {
    id: 'sport-after',
    tokens: [meetTrigger, sameClause(8), { lower: SPORT_WORDS }],
    example: 'Peter Hale met Ilona Kovacs in the semi-final on Sunday.',
  },
  {
    id: 'sport-before',
    tokens: [{ lower: SPORT_WORDS }, { not: 'sentenceBreak', op: '*', max: 6 }, meetTrigger],
    example: 'In the semi-final, Peter Hale met Ilona Kovacs.',
  },
  {
    id: 'planned',
    // `his May 9 meeting`: the month, not the modal
    tokens: [{ lower: UNREAL, not: 'dateWord' }, { not: ['clauseBreak'], op: '*', max: 3 }, meetTrigger],
    example: 'Peter Hale will meet Ilona Kovacs next week, and hopes to hold talks with Amina Wanjiru.',
  },
  {
    id: 'infinitive',
    tokens: [
      { lower: ['to'] },
      { pos: ['ADV'], op: '?' },
      { lower: ['meet', 'visit', 'receive', 'host', 'hold', 'have', 'attend', 'join', 'see', 'welcome'] },
      { not: ['clauseBreak'], op: '*', max: 3 },
      meetTrigger,
    ],
    example: 'Peter Hale flew to Vienna to hold talks with Ilona Kovacs.',
  },
  {
    id: 'future-clause',
    tokens: [{ lower: FUTURE }, { not: ['sentenceBreak'], op: '*', max: 11 }, meetTrigger],
    example: 'Peter Hale is expected to press the point when he and Ilona Kovacs meet.',
  },
  {
    id: 'ahead-in-time',
    tokens: [meetTrigger, sameClause(5), { lower: AHEAD_IN_TIME }],
    example: 'Peter Hale will leave for Zurich after meeting Ilona Kovacs tomorrow.',
  },
  {
    id: 'prepared-or-wanted',
    tokens: [{ lower: PREPARING }, { not: 'sentenceBreak', op: '*', max: 5 }, meetTrigger],
    example: 'Officials made preparations for Peter Hale’s meeting with Ilona Kovacs.',
  },
  {
    id: 'for-someones-meeting',
    tokens: [
      { lower: ['ahead', 'before'] },
      { lower: ['of'], op: '?' },
      { is: 'capitalised', op: '+', max: 3 },
      { is: 'possessive' },
      { pos: ['ADJ', 'NUM'], op: '*', max: 2 },
      meetTrigger,
    ],
    example: 'Officials met ahead of Peter Hale’s meeting with Ilona Kovacs.',
  },
  {
    id: 'remote-before',
    tokens: [{ lower: REMOTE }, { op: '*', max: 2 }, meetTrigger],
    example: 'Peter Hale held a phone call and video talks with Ilona Kovacs.',
  },
  {
    id: 'remote-after',
    tokens: [meetTrigger, { op: '*', max: 3 }, { lower: REMOTE }],
    example: 'Peter Hale met Ilona Kovacs by video link.',
  },
  {
    id: 'no-plans',
    tokens: [{ lower: ['no'] }, { lower: ['plans', 'plan', 'intention'] }, { op: '*', max: 12 }, meetTrigger],
    example: 'There were no plans for Peter Hale to meet Ilona Kovacs.',
  },
];
