import { createHash } from 'node:crypto';
import { stableId } from '../../src/store';
import { sha256Hex } from '../../src/store/identity/content-hash';
import { factIdsOf } from '../../src/store/identity/stable-id';

describe('sha256Hex', () => {
  // Ids and versions already in users' stores were cut from the full hex digest of the UTF-8 text:
  // the shorter hashes must stay exactly those characters, or a reload would duplicate every entity.
  it.each([
    ['person\u0000masrour barzani', 24],
    ['organization\u0000Организация Объединённых Наций', 24],
    ['{"people":[],"meetings":[]}', 16],
    ['Mário Soares met Fidel Castro in Havana', 64],
  ])('keeps %j cut to %i hex characters as the full digest has them', (text, length) => {
    const full = createHash('sha256').update(text, 'utf8').digest('hex');
    expect(sha256Hex(text, length)).toBe(full.slice(0, length));
  });
});

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
