/**
 * The name tables on the examples they exist for: edge words are cut from the name (and some mark it
 * as a person's), cues around a name decide whether it is a person's.
 */
import { NAME_PREFIX_RULES, NAME_SUFFIX_RULES } from '../../../src/extract/people/name-edge.rules';
import { NAME_CUES } from '../../../src/extract/people/name-cue.rules';
import { extractBody } from '../article.fixture';

const peopleIn = (sentence: string) => extractBody(sentence).people.map((p) => p.name);

describe('words at the edges of a name', () => {
  it.each([...NAME_PREFIX_RULES, ...NAME_SUFFIX_RULES].map((r) => [r.id, r.example]))(
    '%s: "%s" names Peter Hale and nothing more',
    (_, example) => {
      expect(peopleIn(`The plan was backed by ${example} on Monday.`)).toEqual(['Peter Hale']);
    },
  );

  it.each(['Euro-Sceptic', 'Anti-War', 'Oscar-winning'])('%s before a name is a modifier, not part of it', (word) => {
    expect(peopleIn(`The plan was backed by ${word} Peter Hale on Monday.`)).toEqual(['Peter Hale']);
  });
});

describe('cues around a name', () => {
  it.each(NAME_CUES.map((c) => [c.id, c.verdict, c.example]))('%s (%s): "%s"', (_, verdict, example) => {
    const found = peopleIn(example);
    const named = /Kagiso Dube|Tshepo Mokoena|Oyelaran Bankole/.exec(example)?.[0];
    if (verdict === 'person') expect(found).toContain(named);
    else {
      const other = /Vera Drake|Harry Potter|Merrill Lynch|Code Pink|Smith Barney Harris Upham|Zions Bancorp/.exec(
        example,
      )![0];
      expect(found).not.toContain(other);
    }
  });

  it.each([
    ['Ilona Kovacs met Amina Wanjiru in Vienna.', ['Ilona Kovacs', 'Amina Wanjiru']],
    ['Former President Peter Hale spoke, like Tshepo Mokoena.', ['Peter Hale', 'Tshepo Mokoena']],
    ['Representative Peter King said so.', ['Peter King']],
    ['Glad All Over played at the ground, and Cross Country Championships began.', []],
  ])('reads "%s" as naming %j', (sentence, names) => {
    expect(peopleIn(sentence as string)).toEqual(names);
  });
});
