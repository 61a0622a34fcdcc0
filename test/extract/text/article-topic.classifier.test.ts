import { parseArticleStructure } from '../../../src/extract/text/article-structure.parser';
import { splitSentences } from '../../../src/extract/text/sentence.splitter';
import { articleSport } from '../../../src/extract/text/article-topic.classifier';

const isSportsReport = (sentences: Parameters<typeof articleSport>[0]) => articleSport(sentences).report;
import { extractBody } from '../article.fixture';

const sentencesOf = (body: string) => {
  const text = `Headline\n\n${body}\n`;
  return splitSentences(text, parseArticleStructure(text).paragraphs);
};

describe('articleSport', () => {
  it('tells a match report from a political story', () => {
    expect(
      isSportsReport(
        sentencesOf(
          'Chelsea beat Arsenal 2-1 in the league on Sunday. The striker scored twice before half-time, and the club moved top of the table.',
        ),
      ),
    ).toBe(true);
    expect(
      isSportsReport(
        sentencesOf('The minister met union leaders on Monday to discuss pay. The talks will resume next week.'),
      ),
    ).toBe(false);
  });

  it('tells transfer news from business news', () => {
    expect(
      isSportsReport(
        sentencesOf(
          'Chelsea boss Jose Mourinho denied any approach for the winger. The transfer window opens in January, and the FA said it would look into the signing.',
        ),
      ),
    ).toBe(true);
    expect(
      isSportsReport(
        sentencesOf(
          'Yukos boss Mikhail Khodorkovsky denied any wrongdoing. The company said its shares would recover in January.',
        ),
      ),
    ).toBe(false);
  });

  it('keeps a club boss out of the offices of a sports report, not a company boss out of business news', () => {
    const sport = extractBody(
      'Chelsea boss Jose Mourinho said his team won the match. The striker scored two goals in the league game and the club celebrated the victory.',
    );
    expect(sport.offices).toEqual([]);
    const business = extractBody('LSE boss Clara Furse met the board of the exchange on Monday.');
    expect(business.offices.map((o) => o.holder)).toEqual(['Clara Furse']);
  });

  it('keeps a team boss out of the offices of a story that only touches sport', () => {
    const transfer = extractBody(
      'Chelsea boss Jose Mourinho denied talking to Ashley Cole in a London hotel. The Premier League will hear the case, and the club could be fined over the transfer.',
    );
    expect(transfer.offices).toEqual([]);
  });
});
