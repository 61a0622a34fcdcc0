import {
  identityKeysOf,
  matchNamedFacts,
  ORGANIZATION_NAME_RULES,
  PERSON_NAME_RULES,
  type NamedFact,
} from '../../src/store/identity/named-entity.resolver';

const fact = (name: string, aliases: string[] = []): NamedFact => ({ name, aliases });
const stored = (id: string, ...facts: NamedFact[]) => ({
  _id: id,
  identityKeys: identityKeysOf(facts, PERSON_NAME_RULES),
});

describe('matchNamedFacts for people', () => {
  const barzanis = [
    stored('masoud', fact('Masoud Barzani')),
    stored('masrour', fact('Masrour Barzani', ['Barzani'])),
    stored('nechirvan', fact('Nechirvan Barzani')),
  ];

  it('matches the same name whatever its case, accents, hyphens and particles', () => {
    const ghanmi = stored('ghanmi', fact('Othman al-Ghanmi'));
    const names = ['Othman al-Ghanmi', 'OTHMAN AL GHANMI', 'Othman Ghanmi', 'Óthman al-Ghanmi'];
    expect(names.map((name) => matchNamedFacts([fact(name)], [ghanmi], PERSON_NAME_RULES)[0])).toEqual([
      'ghanmi',
      'ghanmi',
      'ghanmi',
      'ghanmi',
    ]);
  });

  it('keeps people of one surname apart and leaves a bare shared surname unmatched', () => {
    expect(
      matchNamedFacts(
        [fact('Nechirvan Barzani'), fact('Barzani'), fact('Mustafa Barzani')],
        barzanis,
        PERSON_NAME_RULES,
      ),
    ).toEqual(['nechirvan', null, null]);
  });

  it('matches a bare surname that only one person has', () => {
    expect(
      matchNamedFacts([fact('Ghanmi')], [...barzanis, stored('ghanmi', fact('Othman al-Ghanmi'))], PERSON_NAME_RULES),
    ).toEqual(['ghanmi']);
  });

  it('does not take a first name for a surname', () => {
    const flight = stored('flight', fact('Howard Flight', ['Flight']));
    expect(matchNamedFacts([fact('Howard')], [flight], PERSON_NAME_RULES)).toEqual([null]);
    expect(matchNamedFacts([fact('Flight')], [flight], PERSON_NAME_RULES)).toEqual(['flight']);
  });

  it('joins a full name to a person known so far only by that surname, unless the surname is shared', () => {
    const howard = stored('howard', fact('Howard'));
    expect(matchNamedFacts([fact('Michael Howard')], [howard], PERSON_NAME_RULES)).toEqual(['howard']);
    expect(matchNamedFacts([fact('Howard Flight')], [howard], PERSON_NAME_RULES)).toEqual([null]);
    const barzani = stored('barzani', fact('Barzani'));
    expect(matchNamedFacts([fact('Ahmed Barzani')], [barzani, ...barzanis], PERSON_NAME_RULES)).toEqual([null]);
    const merged = stored('merged', fact('Howard'), fact('John Howard'));
    expect(matchNamedFacts([fact('Michael Howard')], [merged], PERSON_NAME_RULES)).toEqual([null]);
  });

  it('gives each stored person to one fact of an article only', () => {
    const howard = stored('howard', fact('Michael Howard'));
    expect(matchNamedFacts([fact('Michael Howard'), fact('Howard')], [howard], PERSON_NAME_RULES)).toEqual([
      'howard',
      null,
    ]);
  });

  it('matches a full name another article gave as an alias, but not through a shared alias alone', () => {
    const kadhimi = stored('kadhimi', fact('Mustafa al-Kadhimi', ['Mustafa Kadhimi', 'Kadhimi']));
    expect(matchNamedFacts([fact('Mustafa Kadhimi')], [kadhimi], PERSON_NAME_RULES)).toEqual(['kadhimi']);
    expect(matchNamedFacts([fact('Ali Kadhimi', ['Kadhimi'])], [kadhimi], PERSON_NAME_RULES)).toEqual([null]);
  });
});

describe('matchNamedFacts for organizations', () => {
  const kdp = {
    _id: 'kdp',
    identityKeys: identityKeysOf([fact('Kurdistan Democratic Party', ['KDP'])], ORGANIZATION_NAME_RULES),
  };

  it('matches an acronym to the organization it abbreviates, and the full name to an acronym-only entry', () => {
    expect(matchNamedFacts([fact('KDP')], [kdp], ORGANIZATION_NAME_RULES)).toEqual(['kdp']);
    const acronymOnly = { _id: 'x', identityKeys: identityKeysOf([fact('PMF')], ORGANIZATION_NAME_RULES) };
    expect(
      matchNamedFacts([fact('Popular Mobilization Forces', ['PMF'])], [acronymOnly], ORGANIZATION_NAME_RULES),
    ).toEqual(['x']);
  });

  it('does not merge two organizations that share only an acronym', () => {
    expect(matchNamedFacts([fact('Kenya Democratic Party', ['KDP'])], [kdp], ORGANIZATION_NAME_RULES)).toEqual([null]);
  });
});
