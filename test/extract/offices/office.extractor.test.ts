import { extractBody, officesOf } from '../article.fixture';

describe('offices', () => {
  it('reads a comma title with a body before it and a place after it', () => {
    expect(officesOf(extractBody('The UN envoy for Chad, Mourad Benaissa, is expected next week.'))).toEqual([
      'Mourad Benaissa | envoy | UN',
    ]);
  });

  it('splits a country from the portfolio after it, keeps a two-word demonym whole and a region in the title', () => {
    expect(
      officesOf(
        extractBody(
          'Malaysian Primary Industries Minister Lim Wei met Saudi Arabian Oil Minister Ahmed Khalil al-Sabah.',
        ),
      ),
    ).toEqual([
      'Lim Wei | Primary Industries Minister | Malaysia',
      'Ahmed Khalil al-Sabah | Oil Minister | Saudi Arabia',
    ]);
    expect(extractBody('Europe minister Claire Hodgson resigned.').offices.map((o) => o.title)).toEqual([
      'Europe minister',
    ]);
  });

  it('gives `its` and `whose` titles the body named just before', () => {
    const record = extractBody(
      'The Farmers Union backed the plan. Its general secretary, Diane Okoro, said so. Rival chain Dunmore, whose chief executive Alan Firth cut prices, disagreed.',
    );
    expect(officesOf(record)).toEqual([
      'Diane Okoro | general secretary | Farmers Union',
      'Alan Firth | chief executive | Dunmore',
    ]);
  });

  it('gives a state post the country the article is clearly about, and none on a near tie', () => {
    const uk = extractBody(
      'Labour said the plan was wrong. Housing Minister Daniel Crowe defended it. Labour MPs were not convinced.',
    );
    expect(officesOf(uk)).toContain('Daniel Crowe | Housing Minister | United Kingdom');
    const tie = extractBody(
      'Kenya and Uganda signed a deal. Kenya and Uganda will share the line. Trade Minister Daniel Crowe welcomed it.',
    );
    expect(officesOf(tie)).toEqual(['Daniel Crowe | Trade Minister | null']);
  });

  it('reads prefix, possessive and appositive titles with their jurisdictions', () => {
    const record = extractBody(
      'Masoud Barzani (right), leader of the Kurdistan Democratic Party (KDP), meets with Othman al-Ghanmi, Iraq’s Minister of Interior, July 29, 2020.\n\n' +
        'India’s Defence Minister Rajnath Singh questioned the safety of nuclear weapons. Gazprom chairman Aleksey Miller agreed.',
    );
    expect(officesOf(record)).toEqual([
      'Masoud Barzani | leader | Kurdistan Democratic Party',
      'Othman al-Ghanmi | Minister of Interior | Iraq',
      'Rajnath Singh | Defence Minister | India',
      'Aleksey Miller | chairman | Gazprom',
    ]);
  });

  it('resolves demonyms, `Regional` titles and delegations to their jurisdictions', () => {
    const record = extractBody(
      'Regional Prime Minister Masrour Barzani received Iraqi Minister of Interior Othman al-Ghanmi in the Kurdistan Region. ' +
        'A delegation from the KRG headed by Deputy Prime Minister Qubad Talabani flew to Baghdad for talks.',
    );
    expect(officesOf(record)).toEqual([
      'Masrour Barzani | Prime Minister | Kurdistan Region',
      'Othman al-Ghanmi | Minister of Interior | Iraq',
      'Qubad Talabani | Deputy Prime Minister | KRG',
    ]);
  });

  it('gives a state title without a written jurisdiction the country the article is about', () => {
    const record = extractBody(
      'France faces pressure. Finance Minister Edouard Balladur said the French figures would not change the plan in France.',
    );
    expect(officesOf(record)).toEqual(['Edouard Balladur | Finance Minister | France']);
  });

  it.each([
    [
      'a country without such a post',
      'Prime Minister Tony Blair met George Bush in Washington. The United States and the US Congress backed the plan, US officials said.',
      'Tony Blair | Prime Minister | null',
    ],
    [
      'the country most mentioned, when its own officials are named with it',
      'US envoy Steve Witkoff spoke on Monday. President Donald Trump would not let Iran enrich uranium. Iranian Foreign Minister Abbas Araghchi said Iran would not give in. Iran said so again.',
      'Donald Trump | President | null',
    ],
  ])('infers no jurisdiction from %s', (_, text, office) => {
    expect(officesOf(extractBody(text))).toContain(office);
  });

  it.each([
    [
      'Rockwell International Corp expects better results, President Donald Beall told Reuters in Washington.',
      'Donald Beall | President | Rockwell International Corp',
    ],
    [
      'FirsTier Inc said president William C. Smith has been named chief executive officer.',
      'William C. Smith | president | FirsTier Inc',
    ],
  ])('gives a president the company the sentence names: %s', (text, office) => {
    expect(officesOf(extractBody(text))).toContain(office);
  });

  it.each([
    ['Euro MP Robert Kilroy-Silk had slurry thrown over him.', 'Robert Kilroy-Silk | MEP | European Parliament', []],
    [
      'Labour MEP Richard Corbett said the vote was close.',
      'Richard Corbett | MEP | European Parliament',
      ['Labour Party'],
    ],
    [
      'Conservative MSP David McLetchie said so.',
      'David McLetchie | MSP | Scottish Parliament',
      ['Conservative Party'],
    ],
  ])('gives a seat in a named parliament its body, and the party to the member: %s', (text, office, parties) => {
    const record = extractBody(text);
    expect(officesOf(record)).toEqual([office]);
    expect(record.offices[0].jurisdictionRef).toMatchObject({ kind: 'organization', name: office.split(' | ')[2] });
    expect(record.affiliations.map((a) => a.organization)).toEqual(parties);
  });

  it('leaves out former posts and occupations', () => {
    const record = extractBody(
      'Former welfare minister Frank Field MP said so, and former home secretary David Blunkett agreed, as did Societe Generale economist Alain Marais.',
    );
    expect(officesOf(record)).toEqual(['Frank Field | MP | null']);
  });

  it('gives a counterpart the post of the person met, in the counterpart’s country', () => {
    const record = extractBody(
      'Brazilian Finance Minister Dilson Funaro met his Swiss counterpart Otto Stich on the fourth leg of a tour.',
    );
    expect(officesOf(record)).toEqual([
      'Dilson Funaro | Finance Minister | Brazil',
      'Otto Stich | Finance Minister | Switzerland',
    ]);
  });

  it('takes a person’s own party as one they lead', () => {
    const record = extractBody(
      'It is an attempt to fend off support for far-right firebrand Nigel Farage’s Reform UK Party.',
    );
    expect(officesOf(record)).toEqual(['Nigel Farage | leader | Reform UK Party']);
  });
});
