import { stableId } from '../../src/store';
import { factIdsOf } from '../../src/store/identity/stable-id';

describe('stableId', () => {
  it('derives ids from keys: the same key always, another kind or key never', () => {
    expect(stableId('person', 'masrour barzani')).toBe(stableId('person', 'masrour barzani'));
    expect(stableId('person', 'masrour barzani')).not.toBe(stableId('organization', 'masrour barzani'));
    expect(stableId('person', 'masrour barzani')).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('factIdsOf', () => {
  it('gives the facts of one article version ids that start alike and are distinct, the same on every call', () => {
    const ids = factIdsOf('a1', 'v1');
    const all = (['person', 'organization', 'holding', 'affiliation', 'meeting'] as const).flatMap((kind) =>
      [0, 1, 15, 16, 300].map((ordinal) => ids(kind, ordinal)),
    );
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Set(all.map((id) => id.slice(0, 16))).size).toBe(1);
    expect(factIdsOf('a1', 'v1')('meeting', 2)).toBe(ids('meeting', 2));
    // Another version of the article, or another article, starts elsewhere.
    expect(factIdsOf('a1', 'v2')('meeting', 2).slice(0, 16)).not.toBe(ids('meeting', 2).slice(0, 16));
    expect(factIdsOf('a2', 'v1')('meeting', 2).slice(0, 16)).not.toBe(ids('meeting', 2).slice(0, 16));
  });
});
