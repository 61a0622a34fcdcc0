/**
 * The words that report a meeting, each once: a token pattern whose `trigger` group is the
 * word the sides are read around, how the sides are laid out around it, and which side is
 * which. The pattern ends where the other side begins (after `with`, `between`, `by`).
 */
import type { ParticipantRole } from '../extraction-record.type';
import type { TokenPattern, TokenSpec } from '../engine/token-pattern.type';

/**
 * How the parties sit around the trigger:
 * - `subject-object`: `X met Y`, `X received Y`; the subject alone may name both (`X and Y met`).
 * - `subject-with`: `X held talks with Y`, `X's meeting with Y`.
 * - `between`: `talks between X and Y`: every party after the trigger.
 * - `subject-only`: `X and Y held talks`: both sides in the subject.
 * - `passive`: `X was received by Y`: the subject is the object of the verb, the host comes after `by`.
 * - `hosted-by`: `at a lunch hosted by X, she assured Y`: the host after `by`, guests in the rest of the sentence.
 * - `travel`: `X flew to Baghdad for talks`: the traveller is a party, the other side unnamed.
 * - `attended`: `X attended the talks`.
 */
export type MeetingShape =
  'subject-object' | 'subject-with' | 'between' | 'subject-only' | 'passive' | 'hosted-by' | 'travel' | 'attended';

export interface MeetingTrigger extends TokenPattern {
  /** Present-tense forms report a meeting only in a photo caption; in running text they tell of plans. */
  captionOnly?: boolean;
  shape: MeetingShape;
  /** Role of the parties before the trigger, and of those after it. */
  roles: { subject: ParticipantRole | null; object: ParticipantRole | null };
  /** The other side must be named (`visited` a place is no meeting; `visited Ms Essex` is). */
  namedObject?: boolean;
  /** A sentence the rule exists for (tested). */
  example: string;
}

// prettier-ignore
export const MEETING_NOUNS = ['talks', 'meeting', 'meetings', 'discussions', 'negotiations', 'summit'] as const;
/** Nouns for a meeting as an event; `discussions` and `negotiations` also name a process, so they count only when held. */
const EVENT_NOUNS = ['talks', 'meeting', 'meetings', 'summit'];
const HOLD = ['held', 'holds', 'hold', 'holding', 'had', 'has', 'have', 'having'];
const HOSTING = ['received', 'receives', 'hosted', 'hosts', 'welcomed', 'welcomes', 'greeted', 'greets'];
const TRAVEL = ['flew', 'travelled', 'traveled', 'arrived', 'went', 'came', 'headed'];

const trigger = (forms: readonly string[]): TokenSpec => ({ lower: forms, as: 'trigger' });
const optionalWith: TokenSpec = { lower: ['with'], op: '?' };
/** `a closed`, `his first bilateral`, `two days of`: what may stand between a verb and its meeting noun. */
const nounModifiers: TokenSpec = {
  pos: ['DET', 'ADJ', 'NUM', 'PRON', 'NOUN', 'ADP', 'PROPN'],
  not: ['punctuation'],
  op: '*',
  max: 4,
};
const meetingNoun: TokenSpec = trigger(MEETING_NOUNS);
const eventNoun: TokenSpec = trigger(EVENT_NOUNS);
const noRole = { subject: null, object: null };
const hostVisitor = { subject: 'host', object: 'visitor' } as const;

export const MEETING_TRIGGERS: readonly MeetingTrigger[] = [
  {
    id: 'met',
    tokens: [trigger(['met']), optionalWith],
    shape: 'subject-object',
    roles: noRole,
    example: 'Masrour Barzani met Othman al-Ghanmi in Erbil on Wednesday.',
  },
  {
    id: 'meets-in-caption',
    tokens: [trigger(['meets']), optionalWith],
    captionOnly: true,
    shape: 'subject-object',
    roles: noRole,
    example: 'Nechirvan Barzani (right) meets with Othman al-Ghanmi, July 29, 2020.',
  },
  {
    id: 'meeting-participle',
    tokens: [{ lower: [',', 'after', 'before', 'while', 'when'] }, trigger(['meeting']), optionalWith],
    shape: 'subject-object',
    roles: noRole,
    example: 'Ilona Kovacs said after meeting Peter Hale that the talks had gone well.',
  },
  {
    id: 'sat-down-with',
    tokens: [trigger(['sat', 'sits']), { lower: ['down'] }, { lower: ['with'] }],
    shape: 'subject-object',
    roles: noRole,
    example: 'Peter Hale sat down with Ilona Kovacs for two hours.',
  },
  {
    id: 'shook-hands-with',
    tokens: [trigger(['shakes', 'shook']), { lower: ['hands'] }, { lower: ['with'] }],
    shape: 'subject-object',
    roles: noRole,
    example: 'Peter Hale shakes hands with Ilona Kovacs in Vienna, March 3, 2021.',
  },
  {
    id: 'received',
    tokens: [trigger(['received', 'hosted', 'welcomed', 'greeted'])],
    shape: 'subject-object',
    roles: hostVisitor,
    example: 'Prime Minister Peter Hale received Ilona Kovacs in Vienna.',
  },
  {
    id: 'receives-in-caption',
    tokens: [trigger(['receives', 'hosts', 'welcomes', 'greets'])],
    captionOnly: true,
    shape: 'subject-object',
    roles: hostVisitor,
    example:
      'Kurdistan Region Prime Minister Masrour Barzani (right) receives Othman al-Ghanmi in Erbil, July 29, 2020.',
  },
  {
    id: 'visited',
    tokens: [trigger(['visited'])],
    shape: 'subject-object',
    roles: { subject: 'visitor', object: 'host' },
    namedObject: true,
    example: 'A delegation of north Wales councils visited Ms Essex to lobby for funds.',
  },
  {
    id: 'paid-a-visit',
    tokens: [
      trigger(['paid', 'pays']),
      { lower: ['a'] },
      nounModifiers,
      { lower: ['visit', 'call'] },
      { lower: ['to', 'on'] },
    ],
    shape: 'subject-object',
    roles: { subject: 'visitor', object: 'host' },
    namedObject: true,
    example: 'Peter Hale paid a courtesy call on Ilona Kovacs.',
  },
  {
    id: 'received-by',
    tokens: [{ lower: ['was', 'were', 'is', 'are', 'been', 'being'] }, trigger(HOSTING), { lower: ['by'] }],
    shape: 'passive',
    roles: { subject: 'visitor', object: 'host' },
    example: 'Ilona Kovacs was received by President Peter Hale.',
  },
  {
    id: 'hosted-by',
    tokens: [trigger(['hosted', 'given', 'organised', 'organized']), { lower: ['by'] }],
    shape: 'hosted-by',
    roles: hostVisitor,
    example: 'At a lunch hosted by Peter Hale, she assured Ms Kovacs of support.',
  },
  {
    id: 'noun-between',
    tokens: [eventNoun, { lower: ['between'] }],
    shape: 'between',
    roles: noRole,
    example: 'The deal was sealed at a meeting between Peter Hale, Ilona Kovacs and Amina Wanjiru.',
  },
  {
    id: 'noun-with',
    // `talks in Vienna with`, `meetings in Tirana, with`, but not across a party (`talks Hale had with`)
    tokens: [
      eventNoun,
      { not: ['sentenceBreak', 'verb'], outside: ['person', 'organization'], op: '*', max: 5 },
      { lower: ['with'] },
    ],
    shape: 'subject-with',
    roles: noRole,
    example: 'Peter Hale held talks on Monday with Ilona Kovacs.',
  },
  {
    id: 'held-talks-with',
    tokens: [{ lower: HOLD }, nounModifiers, meetingNoun, { lower: ['with'] }],
    shape: 'subject-with',
    roles: noRole,
    example: 'Peter Hale held negotiations with Ilona Kovacs.',
  },
  {
    id: 'held-talks',
    tokens: [{ lower: HOLD }, nounModifiers, meetingNoun],
    shape: 'subject-only',
    roles: noRole,
    example: 'Peter Hale and Ilona Kovacs held talks at a lakeside lodge.',
  },
  {
    id: 'travelled-for-talks',
    tokens: [{ lower: ['for', 'of'] }, nounModifiers, meetingNoun],
    shape: 'travel',
    roles: { subject: 'visitor', object: null },
    example: 'A delegation headed by Peter Hale flew to Vienna for talks.',
  },
  {
    id: 'attended',
    tokens: [trigger(['attended', 'attending', 'attends']), nounModifiers, { lower: MEETING_NOUNS }],
    shape: 'attended',
    roles: { subject: 'attendee', object: null },
    example: 'Amina Wanjiru attended the talks.',
  },
];

/** Verbs of travel that make `for talks` a trip to a meeting. */
export const TRAVEL_VERBS: readonly string[] = TRAVEL;

/** Every word form a trigger is read around: a sentence without one of them reports no meeting. */
export const TRIGGER_WORD_FORMS: readonly string[] = [
  ...new Set(
    MEETING_TRIGGERS.flatMap((t) =>
      t.tokens.flatMap((spec) => ('as' in spec && spec.as === 'trigger' && 'lower' in spec ? (spec.lower ?? []) : [])),
    ),
  ),
];
