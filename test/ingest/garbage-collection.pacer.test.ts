/** A thread's full garbage collections (an extraction thread's, the loader's) come at a steady pace of articles, whatever the batch sizes. */
import { GarbageCollectionPacer } from '../../src/ingest/garbage-collection.pacer';

describe('GarbageCollectionPacer', () => {
  it.each([
    { every: 3, batches: [1, 1], collections: 0 },
    { every: 3, batches: [1, 1, 1], collections: 1 },
    { every: 3, batches: [1, 1, 1, 1, 1, 1, 1], collections: 2 },
    { every: 100, batches: [40, 40, 40], collections: 1 },
    { every: 100, batches: [250], collections: 1 },
  ])('every $every articles, batches of $batches: $collections collections', ({ every, batches, collections }) => {
    const collect = jest.fn();
    const pacer = new GarbageCollectionPacer(every, collect);
    for (const articles of batches) pacer.handled(articles);
    expect(collect).toHaveBeenCalledTimes(collections);
  });

  it("runs V8's own full collection when given no collector, without --expose-gc", () => {
    expect(() => new GarbageCollectionPacer(1).handled()).not.toThrow();
  });
});
