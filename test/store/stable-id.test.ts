import { stableId } from '../../src/store';

describe('stableId', () => {
  it('derives ids from keys: the same key always, another kind or key never', () => {
    expect(stableId('person', 'masrour barzani')).toBe(stableId('person', 'masrour barzani'));
    expect(stableId('person', 'masrour barzani')).not.toBe(stableId('organization', 'masrour barzani'));
    expect(stableId('person', 'masrour barzani')).toMatch(/^[0-9a-f]{24}$/);
  });
});
