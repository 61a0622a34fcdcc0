import { extractBody } from './article.fixture';

const orgs = (body: string) => extractBody(body).organizations.map((o) => (o.aliases.length ? `${o.name} [${o.aliases.join(', ')}]` : o.name));

describe('organizations', () => {
  it('takes bracketed acronyms as aliases, in either order', () => {
    expect(orgs('Masoud Barzani, leader of the Kurdistan Democratic Party (KDP), met him. The KDP agreed.')).toEqual(['Kurdistan Democratic Party [KDP]']);
    expect(orgs('It would bypass the trade pact GATT (General Agreement on Tariffs and Trade) as an arbiter.')).toEqual(['GATT [General Agreement on Tariffs and Trade]']);
  });

  it('joins an acronym used alone to the body whose initials spell it', () => {
    expect(orgs('It is a specialised agency of the United Nations. The UN nuclear watchdog monitors countries.')).toEqual(['United Nations [UN]']);
  });

  it('names major parties once, whatever form the text uses', () => {
    expect(orgs('Tory spokesman David Davis spoke. The Conservatives disagreed, and Labour said the Tories were wrong.')).toEqual(['Conservative Party [Tory, Conservatives, Tories]', 'Labour Party [Labour]']);
  });

  it('recognises bare names the text treats as bodies', () => {
    expect(orgs('The deal is led by Russian energy giant Gazprom. Gazprom chairman Aleksey Miller agreed, he told Reuters.')).toEqual(['Gazprom', 'Reuters']);
    expect(orgs('A spokesman for Unison, Britain’s biggest union, said so.')).toEqual(['Unison']);
  });

  it('leaves out places standing for governments and things that are not bodies', () => {
    expect(orgs('Baghdad and the White House agreed. Under the Foreign Influence Registration Scheme (FIRS) and the Treaty of Amsterdam, the Kremlin objected.')).toEqual([]);
  });
});
