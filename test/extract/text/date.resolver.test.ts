import { findDates, parseIsoDate } from '../../../src/extract/text/date.resolver';

const ref = parseIsoDate('2020-07-29');

describe('findDates', () => {
  it('resolves weekdays to the past relative to the reference', () => {
    expect(findDates('On Wednesday, Iraq’s interior minister arrived in Erbil', ref)[0].date).toEqual({
      iso: '2020-07-29',
      precision: 'day',
    });
    expect(findDates('the councillors met him on Tuesday afternoon', ref)[0].date?.iso).toBe('2020-07-28');
    expect(findDates('the summit on Friday', ref)[0].date?.iso).toBe('2020-07-24');
  });

  it('gives month precision to `late June` and day precision to `July 3`', () => {
    expect(findDates('In late June, a high-level delegation from the KRG flew to Baghdad', ref)[0].date).toEqual({
      iso: '2020-06',
      precision: 'month',
    });
    expect(findDates('The Kurdistan Region announced on July 3 that', ref)[0].date).toEqual({
      iso: '2020-07-03',
      precision: 'day',
    });
  });

  it('puts a month named without a year before the reference date', () => {
    expect(findDates('Mr Howard appointed Mr Crosby as his elections chief last October.', ref)[0].date?.iso).toBe(
      '2019-10',
    );
  });

  it('reads bare years and full dates without any reference', () => {
    expect(findDates('The Tories failed to hold onto power in 1974 after Liberals demanded it.', null)[0].date).toEqual(
      { iso: '1974', precision: 'year' },
    );
    expect(findDates('meets with Othman al-Ghanmi, July 29, 2020.', null)[0].date).toEqual({
      iso: '2020-07-29',
      precision: 'day',
    });
  });

  it('leaves relative dates unresolved when the article fixes no year', () => {
    const found = findDates('made the remark yesterday in talks with Saito', null);
    expect(found[0].text).toBe('yesterday');
    expect(found[0].date).toBeNull();
  });
});

describe('parseIsoDate', () => {
  it('keeps the precision the value has', () => {
    expect(parseIsoDate('2025')).toEqual({ iso: '2025', precision: 'year' });
    expect(parseIsoDate('2025-05')).toEqual({ iso: '2025-05', precision: 'month' });
    expect(parseIsoDate('2020-07-29T10:00:00Z')).toEqual({ iso: '2020-07-29', precision: 'day' });
    expect(parseIsoDate('not a date')).toBeNull();
  });
});
