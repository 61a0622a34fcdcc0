import { extractBody } from '../article.fixture';

const orgs = (body: string) =>
  extractBody(body).organizations.map((o) => (o.aliases.length ? `${o.name} [${o.aliases.join(', ')}]` : o.name));

describe('organizations', () => {
  it('keeps a portfolio, a sentence-opening common word and a group of officials out of body names', () => {
    expect(orgs('Malaysian Fisheries Minister Lim Wei said quotas would stay.')).toEqual([]);
    expect(orgs('Shadow transport secretary Owen Pryce called for a freeze.')).toEqual([]);
    expect(orgs('Officials of the Ministry of Mines (MOM) met bankers on Monday.')).toEqual([
      'Ministry of Mines [MOM]',
    ]);
  });

  it('finds a body named by an appositive or a body noun, and one named with the acronym in brackets before it', () => {
    expect(orgs('Vantora, the housing charity, said rents were rising.')).toEqual(['Vantora']);
    expect(orgs('Rival chain Dunmore cut prices.')).toEqual(['Dunmore']);
    expect(orgs('It was attended by World Farmers Organisation (WFO) Council President Ilona Kovacs.')).toEqual([
      'World Farmers Organisation [WFO, WFO Council]',
    ]);
  });

  it('takes bracketed acronyms as aliases, in either order', () => {
    expect(orgs('Masoud Barzani, leader of the Kurdistan Democratic Party (KDP), met him. The KDP agreed.')).toEqual([
      'Kurdistan Democratic Party [KDP]',
    ]);
    expect(orgs('It would bypass the trade pact GATT (General Agreement on Tariffs and Trade) as an arbiter.')).toEqual(
      ['GATT [General Agreement on Tariffs and Trade]'],
    );
  });

  it('knows major movements that carry no head word', () => {
    expect(
      orgs(
        'A Hamas delegation met Egyptian mediators. The Houthis, who control the capital, said attacks would go on.',
      ),
    ).toEqual(['Hamas', 'Houthis']);
  });

  it('joins an acronym used alone to the body whose initials spell it', () => {
    expect(
      orgs('It is a specialised agency of the United Nations. The UN nuclear watchdog monitors countries.'),
    ).toEqual(['United Nations [UN]']);
  });

  it('names major parties once, whatever form the text uses', () => {
    expect(
      orgs('Tory spokesman David Davis spoke. The Conservatives disagreed, and Labour said the Tories were wrong.'),
    ).toEqual(['Conservative Party [Tory, Conservatives, Tories]', 'Labour Party [Labour]']);
  });

  it('recognises bare names the text treats as bodies', () => {
    expect(
      orgs('The deal is led by Russian energy giant Gazprom. Gazprom chairman Aleksey Miller agreed, he told Reuters.'),
    ).toEqual(['Gazprom', 'Reuters']);
    expect(orgs('A spokesman for Unison, Britain’s biggest union, said so.')).toEqual(['Unison']);
  });

  it('leaves out places standing for governments and things that are not bodies', () => {
    expect(
      orgs(
        'Baghdad and the White House agreed. Under the Foreign Influence Registration Scheme (FIRS) and the Treaty of Amsterdam, the Kremlin objected.',
      ),
    ).toEqual([]);
  });
});
