/**
 * Resolves references that do not name a person: pronouns (`he`, `his`), descriptions by
 * office (`Iraq's interior minister`, `the Iraqi official`, `the Chancellor`) and ambiguous
 * surnames with a title (`President Okafor`). Each resolves to one person or to nothing:
 * when two people fit equally, the reference stays unresolved rather than guessed.
 */
import type { Sentence, Word } from '../text/sentence.splitter';
import type { OfficeFact } from '../extraction-record.type';
import type { AmbiguousMention, PersonEntity, PersonMention } from './person.recognizer';
import { countryOf } from '../lexicon/place.lexicon';
import { isStateTitle, isTitleHead, isTitleQualifier, titleHeadOf } from '../lexicon/title.lexicon';
import { foldForLookup } from '../lexicon/name.normalizer';
import { lower } from '../engine/word.predicates';

const MALE_PRONOUNS = new Set(['he', 'his', 'him']);
const FEMALE_PRONOUNS = new Set(['she', 'her']);
const PERSON_NOUNS = new Set(['official', 'politician', 'leader', 'envoy', 'diplomat']);
/** A clear favourite among several fitting people: at least this many times the runner-up's mentions. */
const DOMINANCE = 2;

/** Posts a country has one holder of at a time. */
const SOLE_HOLDER_POSTS = new Set(['president', 'prime minister', 'premier', 'chancellor', 'king', 'queen']);

export class CoreferenceResolver {
  private readonly offices: Map<PersonEntity, OfficeFact[]>;

  constructor(
    private readonly sentences: Sentence[],
    private readonly people: PersonEntity[],
    offices: OfficeFact[],
  ) {
    this.offices = new Map(people.map((p) => [p, offices.filter((o) => o.holder === p.name)]));
  }

  mentionsIn(sentence: number): Array<PersonMention & { entity: PersonEntity }> {
    return this.people
      .flatMap((entity) => entity.mentions.filter((m) => m.sentence === sentence).map((m) => ({ ...m, entity })))
      .sort((a, b) => a.from - b.from);
  }

  /** The person a pronoun at word `at` of sentence `sentence` refers to; `excluded` people are known not to be meant. */
  pronoun(sentence: number, at: number, excluded: Set<string> = new Set()): PersonEntity | null {
    const s = this.sentences[sentence];
    const word = s.words[at]?.lower ?? '';
    if (!MALE_PRONOUNS.has(word) && !FEMALE_PRONOUNS.has(word)) return null;
    const here = this.mentionsIn(sentence).filter((m) => !excluded.has(m.entity.name));
    const before = here.filter((m) => m.to <= at);
    if (before.length) return before[0].entity;
    // `After his talks with Mr Dlamini, Sir Peter warned ...`: the subject after an opening phrase
    const comma = s.words.findIndex((w, i) => i > at && w.text === ',');
    if (comma > 0) {
      // the name may follow its honorific or title (`, Sir Peter warned ...`)
      const after = here.find(
        (m) =>
          m.from > comma &&
          m.from <= comma + 4 &&
          s.words.slice(comma + 1, m.from).every((w) => /^\p{Lu}/u.test(w.text)),
      );
      if (after) return after.entity;
    }
    for (let k = sentence - 1; k >= Math.max(0, sentence - 3); k--) {
      const earlier = this.mentionsIn(k).filter((m) => !excluded.has(m.entity.name));
      if (earlier.length) return earlier[0].entity;
    }
    return null;
  }

  /** The person a sentence is about: its first named person, or the person its first `he`/`she` stands for. */
  subjectOf(sentence: number): PersonEntity | null {
    const named = this.mentionsIn(sentence)[0];
    if (named) return named.entity;
    const words = this.sentences[sentence]?.words ?? [];
    const pronoun = words.findIndex((w) => /^(?:he|she)$/i.test(w.text));
    return pronoun >= 0 ? this.pronoun(sentence, pronoun) : null;
  }

  /** Whether `person` is named in one of the two sentences before sentence `sentence`. */
  private namedJustBefore(sentence: number, person: PersonEntity): boolean {
    return person.mentions.some((m) => m.sentence < sentence && m.sentence >= sentence - 2);
  }

  /** Whether the sentence, after word `from`, describes the holder of another sole post (`the chancellor`). */
  private namesAnotherSolePost(s: Sentence, from: number): boolean {
    return s.words.some((w, k) => k > from && lower(s.words[k - 1]) === 'the' && SOLE_HOLDER_POSTS.has(w.lower));
  }

  /** Whether a person other than `person` is named in the paragraph of sentence `sentence`, before it. */
  private othersNamedInParagraphBefore(sentence: number, person: PersonEntity): boolean {
    const paragraph = this.sentences[sentence].paragraph;
    return this.people.some(
      (other) =>
        other !== person &&
        other.mentions.some((m) => m.sentence < sentence && this.sentences[m.sentence].paragraph === paragraph),
    );
  }

  /**
   * Whether the person is the agent of a passive (`the role will be filled by Alan Milburn`): the
   * sentence is about something else, and a description after it is not about them.
   */
  private namedAsAgent(sentence: number, person: PersonEntity): boolean {
    const named = this.mentionsIn(sentence).find((m) => m.entity === person);
    return !!named && /^by$/i.test(this.sentences[sentence].words[named.from - 1]?.text ?? '');
  }

  /**
   * Titles given to a person only by description: `The transport secretary was replying ...` or
   * `"...," the prime minister argued ...` right after a sentence about that person.
   */
  describedTitles(): Array<{ person: PersonEntity; mention: PersonMention }> {
    const out: Array<{ person: PersonEntity; mention: PersonMention }> = [];
    for (const s of this.sentences) {
      if (s.index === 0 || s.caption) continue;
      const words = s.words;
      const at =
        words[0] && /^the$/i.test(words[0].text)
          ? 1
          : words.findIndex(
              (w, i) => i > 1 && /^the$/i.test(w.text) && /^[”"]$/.test(words[i - 1].text) && words[i - 2].text === ',',
            ) + 1;
      if (at <= 0) continue;
      let end = at;
      while (
        words[end] &&
        (isTitleHead(words[end].text) ||
          isTitleQualifier(words[end].text) ||
          (end === at && /^\p{Lu}/u.test(words[end].text) && !isTitleHead(words[end].text)))
      )
        end++;
      const head = words[end - 1];
      const verb = words[end];
      if (end === at || !head || !isTitleHead(head.text) || !verb || !['VERB', 'AUX'].includes(verb.pos)) continue;
      const person = this.subjectOf(s.index - 1);
      if (!person || this.namedAsAgent(s.index - 1, person)) continue;
      const first = words[at];
      const writtenJurisdiction =
        /^\p{Lu}/u.test(first.text) && !isTitleHead(first.text) && !isTitleQualifier(first.text) ? first.text : null;
      const titleFrom = writtenJurisdiction ? at + 1 : at;
      if (titleFrom >= end) continue;
      const title = words
        .slice(titleFrom, end)
        .map((w) => w.text)
        .join(' ');
      // `The spokesman said ...` is mostly someone else, unnamed; a state post has one holder
      if (!isStateTitle(title)) continue;
      // `Milburn, Labour's election co-ordinator, ... The premier insisted`: the one holder of a
      // country's top post is not someone the article gives another post
      const held = this.offices.get(person) ?? [];
      const sole = SOLE_HOLDER_POSTS.has(title.toLowerCase());
      if (sole && held.length && !held.some((o) => titleHeadOf(o.title) === titleHeadOf(title))) continue;
      // `Mr Blunkett was joined by Tony Blair. Mr Blunkett said ... The prime minister said`: with
      // someone else named earlier in the paragraph, the one holder of the post may be either of them
      if (sole && this.othersNamedInParagraphBefore(s.index - 1, person)) continue;
      // `He also highlighted ... The prime minister is to take part`: a `he` may be the holder the
      // article never names, and `The prime minister responds ... by the chancellor` names two holders
      if (sole && (!this.namedJustBefore(s.index, person) || this.namesAnotherSolePost(s, end))) continue;
      out.push({
        person,
        mention: {
          sentence: s.index,
          from: at,
          to: end,
          text: title,
          party: null,
          titles: [
            {
              title,
              jurisdiction: writtenJurisdiction,
              jurisdictionSpan: null,
              party: null,
              regional: false,
              former: false,
              from: at,
              to: end,
              rule: 'description',
            },
          ],
        },
      });
    }
    return out;
  }

  /** The person a description such as `the Iraqi official` or `Iraq's interior minister` (words [from, to)) refers to. */
  description(sentence: number, from: number, to: number): PersonEntity | null {
    const words = this.sentences[sentence].words.slice(from, to).filter((w) => !/^(?:the|a|an|[’']s?)$/i.test(w.text));
    if (!words.length) return null;
    const head = words[words.length - 1].lower;
    if (!isTitleHead(head) && !PERSON_NOUNS.has(head)) return null;
    const jurisdiction = words.map((w) => countryOf(w.text)).find((c) => c) ?? null;
    const qualifiers = words.filter((w) => isTitleQualifier(w.text)).map((w) => foldForLookup(w.text));
    const fitting = this.people.filter((p) =>
      (this.offices.get(p) ?? []).some((o) => {
        if (jurisdiction && o.jurisdiction !== jurisdiction) return false;
        if (PERSON_NOUNS.has(head) && !isTitleHead(head)) return true;
        const title = foldForLookup(o.title);
        return titleHeadOf(o.title).endsWith(head) && qualifiers.every((q) => title.includes(q));
      }),
    );
    return this.pick(fitting);
  }

  /**
   * `President Okafor` among three Okafors: the one holding the title. A bare shared surname
   * is the person the article introduced first under it (the father named first, not his son who shares the surname).
   */
  ambiguous(mention: AmbiguousMention): PersonEntity | null {
    const titled = mention.titles.filter((t) => !t.former);
    if (!titled.length) {
      const introduced = mention.candidates
        .map((p) => ({ p, first: p.mentions[0] }))
        .filter(
          ({ first }) =>
            first.sentence < mention.sentence || (first.sentence === mention.sentence && first.from < mention.from),
        )
        .sort((a, b) => a.first.sentence - b.first.sentence || a.first.from - b.first.from);
      return introduced[0]?.p ?? null;
    }
    const fitting = mention.candidates.filter((p) =>
      (this.offices.get(p) ?? []).some((o) => titled.some((t) => titleHeadOf(o.title) === titleHeadOf(t.title))),
    );
    return fitting.length === 1 ? fitting[0] : null;
  }

  private pick(fitting: PersonEntity[]): PersonEntity | null {
    if (fitting.length <= 1) return fitting[0] ?? null;
    const ranked = [...fitting].sort((a, b) => b.mentions.length - a.mentions.length);
    return ranked[0].mentions.length >= DOMINANCE * ranked[1].mentions.length ? ranked[0] : null;
  }
}

export function isPronoun(word: Word | undefined): boolean {
  const w = word?.lower ?? '';
  return MALE_PRONOUNS.has(w) || FEMALE_PRONOUNS.has(w);
}
