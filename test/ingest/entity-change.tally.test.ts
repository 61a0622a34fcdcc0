import { EntityChangeTally } from '../../src/ingest/entity-change.tally';
import type { EntityChanges } from '../../src/store';

function result(people: Partial<EntityChanges['people']>): EntityChanges {
  const none = { added: [], updated: [], removed: [] };
  return { people: { ...none, ...people }, organizations: none, offices: none, meetings: none };
}

describe('EntityChangeTally', () => {
  it('counts each entity once by what the whole run did to it', () => {
    const tally = new EntityChangeTally();
    tally.record(result({ added: ['new', 'brief'], updated: ['old'], removed: ['gone', 'back'] }));
    tally.record(result({ updated: ['new', 'old'], removed: ['brief'], added: ['back'] }));
    // Stored after the run: new, old, back, and 7 untouched people.
    expect(tally.counts('people', 10)).toEqual({ added: 1, updated: 2, unchanged: 7, removed: 1 });
  });
});
