import { extractBody, meetingsOf, officesOf } from '../article.fixture';

describe('coreference', () => {
  it('resolves `the Iraqi official` to the one Iraqi office holder the article is about', () => {
    const record = extractBody(
      'Iraqi Minister of Interior Othman al-Ghanmi arrived in Erbil. On his side, Ghanmi stated that cooperation was needed. ' +
        '“Prime Minister Mustafa Al-Kadhimi is prepared to solve all problems,” Ghanmi said. Ghanmi added more. ' +
        'The Iraqi official then met with Masoud Barzani, leader of the Kurdistan Democratic Party (KDP), for discussions.',
    );
    expect(meetingsOf(record)[0].participants).toEqual(['Masoud Barzani', 'Othman al-Ghanmi']);
  });

  it('leaves a description unresolved when two people fit it equally', () => {
    const record = extractBody(
      'Iraqi Minister of Interior Othman al-Ghanmi spoke. Iraqi Minister of Defence Juma Inad spoke. The Iraqi minister then met with Masoud Barzani, leader of the KDP.',
    );
    expect(meetingsOf(record)[0].participants).toEqual(['Masoud Barzani']);
  });

  it.each([
    ['Senator Hale Varga spoke on Monday. The senator said the bill would pass.', ['Hale Varga | Senator']],
    [
      "Alan Mirren, Labour's election co-ordinator, spoke on Monday. The premier insisted Mr Brown would have a key role.",
      ['Alan Mirren | election co-ordinator'],
    ],
    [
      'Mr Blunkett was joined by Tony Blair at a school. Mr Blunkett said he wanted change. The prime minister said citizens should lead.',
      [],
    ],
    [
      'Gordon Hale spoke on Monday. Markets fell. Officials agreed. He also highlighted plans. The prime minister is to take part later.',
      [],
    ],
    [
      'Gordon Hale sets out a rival manifesto. The prime minister responds with a speech to clash with one by the chancellor.',
      [],
    ],
  ])(
    'gives `the <post> said` to the subject before it unless that is someone with another top post, or the one holder of the post may be someone else the paragraph names: %s',
    (text, offices) => {
      expect(extractBody(text).offices.map((o) => `${o.holder} | ${o.title}`)).toEqual(offices);
    },
  );

  it('settles a shared surname by title, or else as the person introduced first under it', () => {
    const record = extractBody(
      'Chechen leader Ramzan Kadyrov wants to quit. His third son, Adam Kadyrov, is 17. Kadyrov told a publication this before his May 7 meeting with Russian President Vladimir Putin.',
    );
    expect(record.people.find((p) => p.name === 'Ramzan Kadyrov')?.aliases).toContain('Kadyrov');
    expect(meetingsOf(record)[0].participants).toEqual(['Ramzan Kadyrov', 'Vladimir Putin']);
  });

  it('reads `his` in an opening phrase as the subject that follows it', () => {
    const record = extractBody(
      'Sir Edward Heath met the Liberals. Harold Wilson waited. Within hours of his final talks with Mr Jeremy Thorpe, Sir Edward told the nation he was resigning and Mr Wilson smiled.',
    );
    expect(meetingsOf(record).map((m) => m.participants)).toContainEqual(['Edward Heath', 'Jeremy Thorpe']);
  });
});

describe('titles given by description', () => {
  it('gives `the prime minister` in the next sentence to the person the previous one is about', () => {
    const record = extractBody(
      'Tony Blair has dismissed reports he told Gordon Brown he would quit. "You don\'t do deals over jobs like this," the prime minister told the BBC.',
    );
    expect(officesOf(record)).toEqual(['Tony Blair | prime minister | null']);
    const uk = extractBody(
      'Mr Blunkett told MPs the UK would still be able to reject proposals. The home secretary was responding to an emergency question.',
    );
    expect(officesOf(uk)).toEqual(['Blunkett | home secretary | United Kingdom']);
  });

  it('does not give an anonymous spokesman’s title to anyone', () => {
    const record = extractBody(
      'U.K. Chancellor of the Exchequer Nigel Lawson has told Funaro that. The spokesman said the Chancellor had emphasised the need.',
    );
    expect(officesOf(record)).toEqual(['Nigel Lawson | Chancellor of the Exchequer | United Kingdom']);
  });
});
