import { parsePublicationDate } from '../../src/ingest';

describe('parsePublicationDate', () => {
  it.each([
    ['December 31, 2017', '2017-12-31'],
    ['2017-12-31', '2017-12-31'],
    ['31 Dec 2017', '2017-12-31'],
    ['Sun, 31 Dec 2017 23:30:00 +0000', '2017-12-31'],
    // The day as written, not moved to UTC.
    ['2017-12-31T23:30:00-05:00', '2017-12-31'],
    ['Dec 31, 2017 11:30 PM ET', '2017-12-31'],
    ['12/31/2017', '2017-12-31'],
    ['  Updated: Jan 5, 2018 ', '2018-01-05'],
    [1514764800, '2018-01-01'],
    [1514764800000, '2018-01-01'],
  ])('reads %p as %p', (value, iso) => {
    expect(parsePublicationDate(value)).toBe(iso);
  });

  it.each([['2017-02-30'], ['December 2017'], ['yesterday'], ['n/a'], [-5]])('finds no full date in %p', (value) => {
    expect(parsePublicationDate(value)).toBeNull();
  });
});
