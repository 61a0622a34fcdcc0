import { parseArticleStructure } from '../../../src/extract/text/article-structure.parser';
import { splitSentences } from '../../../src/extract/text/sentence.splitter';
import { MAX_PEOPLE_PER_ARTICLE, recognizePeople } from '../../../src/extract/people/person.recognizer';

function peopleIn(body: string) {
  const text = `Headline\n\n${body}`;
  const analysis = recognizePeople(splitSentences(text, parseArticleStructure(text).paragraphs));
  return analysis;
}

const names = (body: string) =>
  peopleIn(body).people.map((p) => (p.aliases.length ? `${p.name} [${p.aliases.join(', ')}]` : p.name));

describe('recognizePeople', () => {
  it('takes an unknown first name as a full name next to a verb only people take', () => {
    expect(names('Kagiso Dube said the offer was an insult. Later Tshepo Mokoena met Oyelaran Bankole.')).toEqual([
      'Kagiso Dube',
      'Tshepo Mokoena',
      'Oyelaran Bankole',
    ]);
    expect(names('Economists at Harbour Vantora expect a cut. Harbour Vantora said rates would fall.')).toEqual([]);
    expect(
      names('A spokesman for the Organization of Petroleum Exporting Countries said the talks would last two days.'),
    ).toEqual([]);
  });

  it('splits titles off names and keeps name particles', () => {
    expect(
      names(
        'Kurdistan Region President Nechirvan Barzani (right), meets with Iraqi Minister of Interior Othman al-Ghanmi, July 29, 2020.',
      ),
    ).toEqual(['Nechirvan Barzani', 'Othman al-Ghanmi']);
    expect(
      names('The Trump administration met in the presence of Saudi Arabia’s Crown Prince Mohammed bin Salman.'),
    ).toEqual(['Mohammed bin Salman']);
  });

  it('resolves later surnames and particle tails to the full name', () => {
    expect(
      names(
        'Belgian Trade Minister Herman De Croo said the bill would hurt. De Croo was also in Washington for trade talks.',
      ),
    ).toEqual(['Herman De Croo [De Croo]']);
    expect(
      names(
        'Iraqi Minister of Interior Othman al-Ghanmi arrived. On his side, Ghanmi stated that cooperation was needed.',
      ),
    ).toEqual(['Othman al-Ghanmi [Ghanmi]']);
  });

  it('leaves a surname shared by several people unresolved', () => {
    const analysis = peopleIn(
      'Regional Prime Minister Masrour Barzani received him. Masoud Barzani (right), leader of the KDP, met him. Barzani reiterated his commitment.',
    );
    expect(analysis.people.map((p) => p.name)).toEqual(['Masrour Barzani', 'Masoud Barzani']);
    expect(analysis.ambiguous.map((a) => a.text)).toEqual(['Barzani']);
  });

  it('takes a surname after an honorific as a person, but not as the first name of another', () => {
    expect(
      names(
        'Sacked MP Howard Flight has lost his seat. At a news conference, Mr Howard insisted he had played by the rules.',
      ),
    ).toEqual(['Howard Flight', 'Howard']);
    expect(
      names(
        'Sir Edward Heath believed he had the authority. Mr Thorpe told Sir Edward he was sorry, said Jeremy Thorpe.',
      ),
    ).toEqual(['Edward Heath [Edward]', 'Jeremy Thorpe [Thorpe]']);
  });

  it('recognises names marked by an appositive, an age or a first name', () => {
    expect(names('Mostafa Sepahvand, 39, and Farhad Javadi Manesh, 44, were accused.')).toEqual([
      'Mostafa Sepahvand',
      'Farhad Javadi Manesh',
    ]);
    expect(
      names(
        '“It is huge,” said Bartosz Rydlinski, a political scientist from Cardinal Stefan Wyszynski University in Warsaw.',
      ),
    ).toEqual(['Bartosz Rydlinski']);
  });

  it('does not take places, bodies or dates for people', () => {
    expect(
      names(
        'Police in Indian-administered Kashmir said the Kurdistan Region and the Popular Mobilization Forces met on Monday in Kashmir.',
      ),
    ).toEqual([]);
    expect(names('Welsh Liberal Democrat council leaders met the Reform UK Party.')).toEqual([]);
  });

  it('does not take a nationality of several words before a title for a name', () => {
    expect(
      names('Saint Lucian Minister of Interior Dalia Renfrow met Costa Rican President Tomas Ibarguen in Castries.'),
    ).toEqual(['Dalia Renfrow', 'Tomas Ibarguen']);
  });
});

describe('capitalised runs that are no person', () => {
  it.each([
    ['The New York Knicks beat the Boston Celtics on Sunday.', 'a team named after its city'],
    ['Whilst Angels is a popular song, it is not the best.', 'a British conjunction before a title'],
    ['Shares rose in Des Moines and Virginia Beach on Monday.', 'cities of two words'],
  ])('%s (%s)', (body) => {
    expect(names(body)).toEqual([]);
  });

  it('strips a place of several words before a name whole', () => {
    expect(names('The head coach was New Zealander Graham Henry, and New York Governor Andrew Cuomo agreed.')).toEqual([
      'Graham Henry',
      'Andrew Cuomo',
    ]);
  });
});

describe('recognizePeople on text that is no prose', () => {
  it('takes no name out of a run of capitalised words longer than any name', () => {
    const run = Array.from({ length: 3000 }, (_, i) => `Alpha${i % 50} Beta${i % 40}`).join(' ');
    expect(peopleIn(`${run}.`).people).toEqual([]);
  });

  it('stops at a bound on the people one article can name', () => {
    const list = Array.from({ length: 1200 }, (_, i) => `Mr Zyx${i.toString(36)}q said so.`).join(' ');
    expect(peopleIn(list).people.length).toBe(MAX_PEOPLE_PER_ARTICLE);
  });
});
