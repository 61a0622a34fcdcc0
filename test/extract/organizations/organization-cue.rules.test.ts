/** The organization cue table on its examples: each cue makes a bare name a body of the article. */
import { ORGANIZATION_CUES } from '../../../src/extract/organizations/organization-cue.rules';
import { extractBody } from '../article.fixture';

describe('cues that make a bare name a body', () => {
  it.each(ORGANIZATION_CUES.map((c) => [c.id, c.example]))('%s: "%s"', (_, example) => {
    const body = /Norlex|Vantora|Code Pink/.exec(example)![0];
    expect(extractBody(example).organizations.map((o) => o.name)).toContainEqual(expect.stringContaining(body));
  });

  it.each([
    ['Zions Bancorp (ZION.O) and M&T Bank Corp (MTB.N) stand to benefit.', ['ZION', 'MTB']],
    ['The GPS and LCD screens sold well.', ['GPS', 'LCD']],
    ['Labour MP Fiona Garside and Republican senators spoke.', ['Labour Party', 'Republican Party']],
    ['Officials discussed Saudi-US relations and the Reagan Administration.', ['Saudi-US', 'Reagan Administration']],
  ])('leaves out what is no body of the article: "%s"', (sentence, absent) => {
    const names = extractBody(sentence as string).organizations.map((o) => o.name);
    for (const name of absent as string[]) expect(names).not.toContain(name);
  });

  it.each([
    ['The Cincinnati Reds played at home. Manchester United lost.', ['Cincinnati Reds', 'Manchester United']],
    ['Officials of the Brazilian central bank met bankers.', ['Brazilian central bank']],
    [
      'Reuters and NATO said so, as did Liberal Democrat chairman Matthew Taylor.',
      ['Reuters', 'NATO', 'Liberal Democrats'],
    ],
  ])('finds bodies named without a head word: "%s"', (sentence, present) => {
    const names = extractBody(sentence as string).organizations.map((o) => o.name);
    for (const name of present as string[]) expect(names).toContain(name);
  });
});
