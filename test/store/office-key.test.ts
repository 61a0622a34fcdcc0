import type { JurisdictionRef } from '../../src/extract';
import { officeKey } from '../../src/store';

const iraq: JurisdictionRef = { kind: 'country', name: 'Iraq', code: 'IQ' };

describe('officeKey', () => {
  it('gives one office key to the ways articles write one title', () => {
    const keys = ['Minister of Interior', 'Interior Minister', 'minister of the interior'].map((title) =>
      officeKey(title, iraq, 'p1'),
    );
    expect(new Set(keys).size).toBe(1);
    expect(officeKey('Prime Minister', iraq, 'p1')).not.toBe(officeKey('Deputy Prime Minister', iraq, 'p1'));
  });

  it('names a country by its ISO code, whatever name the article used, and anything else by kind and name', () => {
    expect(officeKey('President', { kind: 'country', name: 'United States', code: 'US' }, 'p1')).toBe(
      officeKey('President', { kind: 'country', name: 'USA', code: 'US' }, 'p2'),
    );
    expect(officeKey('leader', { kind: 'organization', name: 'The Labour Party', code: null }, 'p1')).toBe(
      officeKey('leader', { kind: 'organization', name: 'Labour Party', code: null }, 'p2'),
    );
    expect(officeKey('leader', { kind: 'organization', name: 'Georgia', code: null }, 'p1')).not.toBe(
      officeKey('leader', { kind: 'region', name: 'Georgia', code: null }, 'p1'),
    );
  });

  it('gives an office without jurisdiction to its holder alone', () => {
    expect(officeKey('director', null, 'p1')).not.toBe(officeKey('director', null, 'p2'));
    expect(officeKey('director', null, 'p1')).toBe(officeKey('Director', null, 'p1'));
    expect(officeKey('President', null, 'p1')).not.toBe(officeKey('President', iraq, 'p1'));
  });
});
