/** A derived document is rewritten only when its content changed, however its fields are ordered. */
import { sameContent } from '../../src/store/load/document.diff';

describe('sameContent', () => {
  const stored = {
    _id: 'p1',
    seq: 4,
    name: 'Amina Odhiambo',
    aliases: ['Odhiambo'],
    firstSeen: new Date('2021-01-05T00:00:00.000Z'),
    forms: { name: { 'Amina Odhiambo': 2 }, alias: { Odhiambo: 1 } },
    latestMeetings: [{ meetingId: 'm1', date: '2021-01-05' }],
  };

  it('is the same content whatever the order of the fields and whoever wrote it', () => {
    expect(
      sameContent(stored, {
        latestMeetings: [{ date: '2021-01-05', meetingId: 'm1' }],
        forms: { alias: { Odhiambo: 1 }, name: { 'Amina Odhiambo': 2 } },
        firstSeen: '2021-01-05T00:00:00.000Z',
        aliases: ['Odhiambo'],
        name: 'Amina Odhiambo',
        _id: 'p1',
        seq: 9,
        note: undefined,
      }),
    ).toBe(true);
  });

  it('differs on any changed, added or missing value, at any depth, and from nothing', () => {
    const { seq: _seq, ...content } = stored;
    expect(sameContent(stored, { ...content, aliases: ['Odhiambo', 'Amina'] })).toBe(false);
    expect(sameContent(stored, { ...content, forms: { name: { 'Amina Odhiambo': 3 }, alias: { Odhiambo: 1 } } })).toBe(
      false,
    );
    expect(sameContent(stored, { ...content, latestMeetings: [{ meetingId: 'm1', date: null }] })).toBe(false);
    expect(sameContent(stored, { ...content, mentionCount: 2 })).toBe(false);
    const { aliases: _aliases, ...fewer } = content;
    expect(sameContent(stored, fewer)).toBe(false);
    expect(sameContent(stored, { ...content, firstSeen: '2021-01-06T00:00:00.000Z' })).toBe(false);
    expect(sameContent(null, content)).toBe(false);
  });
});
