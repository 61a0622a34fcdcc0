/**
 * Every row of the meeting tables, run through the whole extractor on the example it exists for:
 * each trigger reports one meeting of exactly the parties its sentence names, and each sense that
 * is no meeting reports none.
 */
import { MEETING_TRIGGERS } from '../../../src/extract/meetings/meeting-trigger.rules';
import { NON_MEETING_SENSES } from '../../../src/extract/meetings/non-meeting-sense.rules';
import { PLACE_INTRODUCERS } from '../../../src/extract/meetings/meeting-place.rules';
import { extractBody } from '../article.fixture';

describe('meeting triggers', () => {
  it.each(MEETING_TRIGGERS.map((t) => [t.id, t.example]))(
    '%s: "%s" is one meeting of its named parties',
    (_, example) => {
      const record = extractBody(example);
      const named = [...record.people.map((p) => p.name), ...record.organizations.map((o) => o.name)];
      expect(record.meetings).toHaveLength(1);
      expect([...record.meetings[0].participants].sort()).toEqual(named.sort());
    },
  );
});

describe('senses of the meeting words that report no meeting', () => {
  it.each(NON_MEETING_SENSES.map((s) => [s.id, s.example]))('%s: "%s"', (_, example) => {
    expect(extractBody(example).meetings).toEqual([]);
  });
});

describe('meeting places', () => {
  it.each(PLACE_INTRODUCERS.map((p) => [p.id, p.example]))('%s: "%s" is placed in its city', (_, example) => {
    const [meeting] = extractBody(example).meetings;
    expect(meeting.location).toMatch(/^(?:Vienna|Sochi)$/);
  });

  it.each([
    ["President Ilse Varga met Prime Minister Tomas Kerr in St. George's on Monday.", "St. George's"],
    ["President Ilse Varga met Prime Minister Tomas Kerr in Vienna's old town hall.", 'Vienna'],
  ])('"%s" is placed in %s', (text, place) => {
    expect(extractBody(text).meetings[0].location).toBe(place);
  });
});

describe('the other side of a meeting', () => {
  it.each([
    [
      'President Ilse Varga met with nine senators from states with oil refineries on Thursday, including Tomas Kerr.',
      ['Ilse Varga', 'Tomas Kerr'],
    ],
    ['Minister Ilse Varga, who met again this morning with banker Tomas Kerr, spoke.', ['Ilse Varga', 'Tomas Kerr']],
    ['Minister Ilse Varga met on Monday with Tomas Kerr.', ['Ilse Varga', 'Tomas Kerr']],
  ])('reads the `with` of the meeting, not one inside its object: %s', (text, participants) => {
    expect(extractBody(text).meetings.map((m) => m.participants)).toEqual([participants]);
  });
});
