import { officeKey } from '../../src/store';

describe('officeKey', () => {
  it('gives one office key to the ways articles write one title', () => {
    const keys = ['Minister of Interior', 'Interior Minister', 'minister of the interior'].map((title) =>
      officeKey(title, 'Iraq'),
    );
    expect(new Set(keys).size).toBe(1);
    expect(officeKey('Prime Minister', 'Iraq')).not.toBe(officeKey('Deputy Prime Minister', 'Iraq'));
    expect(officeKey('President', null)).not.toBe(officeKey('President', 'Iraq'));
  });
});
