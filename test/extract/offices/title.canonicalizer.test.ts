/** One form for every way of writing a post, and no folding of posts that differ. */
import { canonicalTitleOf } from '../../../src/extract/offices/title.canonicalizer';

describe('canonicalTitleOf', () => {
  it.each([
    ['chairman', null, 'Chair'],
    ['Chairwoman', null, 'Chair'],
    ['Minister of Foreign Affairs', null, 'Foreign Minister'],
    ['foreign minister', null, 'Foreign Minister'],
    ['Minister of the Interior', null, 'Interior Minister'],
    ['CEO', null, 'Chief Executive'],
    ['Secretary-General', null, 'Secretary General'],
    ['chancellor', 'GB', 'Chancellor of the Exchequer'],
    ['Chancellor of the Exchequer', 'GB', 'Chancellor of the Exchequer'],
    ['premier', 'GB', 'Prime Minister'],
    ['election co-ordinator', null, 'Election Coordinator'],
    ['election chief', null, 'Election Coordinator'],
    ['head of elections strategy', null, 'Election Coordinator'],
    ['election campaign coordinator', null, 'Election Coordinator'],
    ['MP', 'GB', 'MP'],
    ['mep', null, 'MEP'],
  ])('folds "%s" (country %s) to "%s"', (title, country, canonical) => {
    expect(canonicalTitleOf(title, country)).toBe(canonical);
  });

  it.each([
    ['Deputy Prime Minister', 'Prime Minister', null],
    ['Vice President', 'President', null],
    ['Shadow Foreign Secretary', 'Foreign Secretary', null],
    ['chancellor', 'Chancellor of the Exchequer', 'DE'],
    ['premier', 'Prime Minister', 'CA'],
    ['Secretary of State', 'State Secretary', null],
    ['head of state', 'Election Coordinator', null],
    ['campaign manager', 'Election Coordinator', null],
  ])('keeps "%s" apart from "%s" (country %s)', (title, other, country) => {
    expect(canonicalTitleOf(title, country)).not.toBe(canonicalTitleOf(other, country));
  });
});
