/** What a person's default office list keeps: holdings weighed against the person's others. */
import { listedHoldings, type OfficeHolderView, type OfficeView } from '../../src/store';

function holding(title: string, jurisdiction: string | null, articleCount: number) {
  const id = `${title}|${jurisdiction}`;
  return {
    office: { _id: id, title, jurisdiction } as OfficeView,
    holding: { officeId: id, articleCount } as OfficeHolderView,
  };
}
const names = (list: Array<ReturnType<typeof holding>>) => list.map((h) => h.office._id);

describe('listedHoldings', () => {
  const busy = [
    holding('Prime Minister', 'United Kingdom', 34),
    holding('Prime Minister', 'Iraq', 2),
    holding('Prime Minister', null, 3),
    holding('Leader', 'Labour Party', 4),
    holding('Home Secretary', 'United Kingdom', 1),
  ];

  it.each([
    [0.1, 1, ['Prime Minister|United Kingdom', 'Leader|Labour Party']],
    [0.1, 5, ['Prime Minister|United Kingdom']],
    [0, 1, names(busy)],
    [0, 3, ['Prime Minister|United Kingdom', 'Prime Minister|null', 'Leader|Labour Party']],
  ])('with minShare %s and minArticles %s keeps %j', (minShare, minArticles, expected) => {
    expect(names(listedHoldings(busy, { minArticles, minShare }))).toEqual(expected);
  });

  it('lists every office of a person each stated once', () => {
    const few = [holding('Senator', 'United States', 1), holding('Chair', 'Senate Banking Committee', 1)];
    expect(names(listedHoldings(few, { minArticles: 1, minShare: 0.1 }))).toEqual(names(few));
  });

  it('keeps a title without jurisdiction when no listed holding of it has one', () => {
    const list = [holding('Director', null, 3), holding('Chair', 'Balco', 2)];
    expect(names(listedHoldings(list, { minArticles: 1, minShare: 0.1 }))).toEqual(names(list));
  });

  it('keeps a second jurisdiction of a title with a fair share of support', () => {
    const list = [holding('Minister', 'Iraq', 5), holding('Minister', 'Kurdistan Region', 2)];
    expect(names(listedHoldings(list, { minArticles: 1, minShare: 0.1 }))).toEqual(names(list));
  });
});
