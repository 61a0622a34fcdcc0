import { nameKey, searchKeyFilter, searchKeysOf, slugOf, withoutParticles } from '../../src/store';

describe('name keys', () => {
  it('stores search keys that the read side finds by any word of a name, accents and case ignored', () => {
    const keys = searchKeysOf(['Masrour Barzani', 'Mustafa Al-Kádhimi']);
    for (const query of ['barzani', 'Masrour B', 'kadhimi', 'al kadh', 'MUSTAFA']) {
      const pattern = new RegExp(searchKeyFilter(query).searchKeys.$regex);
      expect(keys.some((key) => pattern.test(key))).toBe(true);
    }
    expect(keys.some((key) => new RegExp(searchKeyFilter('arzani').searchKeys.$regex).test(key))).toBe(false);
  });

  it('compares names without connecting particles only when two words remain', () => {
    expect(withoutParticles(nameKey('Mustafa al-Kadhimi'))).toBe('mustafa kadhimi');
    expect(withoutParticles(nameKey('Al Gore'))).toBe('al gore');
  });

  it('makes URL-safe slugs, empty for names without Latin letters', () => {
    expect(slugOf('Othman al-Ghanmi')).toBe('othman-al-ghanmi');
    expect(slugOf("Seán O'Brien")).toBe('sean-obrien');
    expect(slugOf('Владимир Путин')).toBe('');
  });
});
