import { plainJurisdiction, type JurisdictionContext } from '../../../src/extract/offices/jurisdiction.resolver';

const context: JurisdictionContext = {
  country: 'Iraq',
  datelineCountry: null,
  organization: null,
  region: 'Kurdistan Region',
  organizations: [{ name: 'Kurdistan Democratic Party', aliases: ['KDP'], mentions: [] }],
};

describe('plainJurisdiction', () => {
  it('turns demonyms, possessives and spellings into the country', () => {
    expect(plainJurisdiction('Iraqi', context)).toBe('Iraq');
    expect(plainJurisdiction('Iraq’s', context)).toBe('Iraq');
    expect(plainJurisdiction('U.K.', context)).toBe('United Kingdom');
    expect(plainJurisdiction('Swiss', context)).toBe('Switzerland');
    expect(plainJurisdiction('Welsh', context)).toBe('Wales');
  });

  it('takes a seat of government for its country', () => {
    expect(plainJurisdiction('Downing Street', context)).toBe('United Kingdom');
    expect(plainJurisdiction('ex-Downing Street', context)).toBe('United Kingdom');
    expect(plainJurisdiction('White House', context)).toBe('United States');
    expect(plainJurisdiction('Kremlin', context)).toBe('Russia');
  });

  it('names parties and known bodies by their full names', () => {
    expect(plainJurisdiction('Tory', context)).toBe('Conservative Party');
    expect(plainJurisdiction('KDP', context)).toBe('Kurdistan Democratic Party');
  });

  it('keeps anything else as written', () => {
    expect(plainJurisdiction('Kurdistan Region', context)).toBe('Kurdistan Region');
    expect(plainJurisdiction('the Chechen', context)).toBe('Chechen');
  });
});
