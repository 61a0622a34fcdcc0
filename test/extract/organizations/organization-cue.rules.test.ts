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
    ["Pakistan's Ministry of Foreign Affairs said so.", ["Pakistan's Ministry"]],
    ['He will consult House of Representatives Speaker Paul Ryan.', ['House of Representatives']],
    ['The US designated Syria a “State Sponsor of Terrorism” in 1979.', ['State Sponsor of Terrorism']],
    ["Analysts praised Zandor's Secret owner L Brands.", ['Secret']],
    [
      'U.S. Senate Republican leader Mitch McConnell spoke. Another New York Republican disagreed.',
      ['U.S. Senate Republican', 'New York Republican'],
    ],
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
    [
      'Jason Benderly of Goldman, Sachs and Co and analysts at Keefe, Bruyette & Woods agreed.',
      ['Goldman, Sachs and Co', 'Keefe, Bruyette & Woods'],
    ],
    [
      'Cossiga will meet the Republicans, Liberals and Social Democrats on Monday.',
      ['Social Democrats', 'Liberal Party'],
    ],
  ])('finds bodies named without a head word: "%s"', (sentence, present) => {
    const names = extractBody(sentence as string).organizations.map((o) => o.name);
    for (const name of present as string[]) expect(names).toContain(name);
  });

  it.each([
    ['The Christian Democrats said the Christian Democratic Party would vote.', 'Christian Democrats'],
    [
      'He told the House of Commons Treasury Select Committee so. The Treasury Select Committee agreed.',
      'Treasury Select Committee',
    ],
  ])('folds a second name of one body into its aliases: "%s"', (text, alias) => {
    const [body, ...others] = extractBody(text).organizations;
    expect(others).toEqual([]);
    expect([body.name, ...body.aliases]).toContain(alias);
  });
});
