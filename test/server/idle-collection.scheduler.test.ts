/** The API collects its young generation between requests, never while one is in flight. */
import { collectGarbage } from '../../src/ingest';
import { IdleCollectionScheduler } from '../../src/server/idle-collection.scheduler';

const afterPendingIo = () => new Promise((resolve) => setImmediate(resolve));

function scheduler(used: number, capacity = 100) {
  const collect = jest.fn();
  return { collect, idle: new IdleCollectionScheduler(() => ({ used, capacity }), collect) };
}

describe('IdleCollectionScheduler', () => {
  it.each([
    { used: 50, collections: 1 },
    { used: 90, collections: 1 },
    { used: 49, collections: 0 },
  ])(
    'once the only request ends with new space $used% full: $collections collection(s)',
    async ({ used, collections }) => {
      const { collect, idle } = scheduler(used);
      idle.requestStarted();
      idle.requestEnded();
      await afterPendingIo();
      expect(collect).toHaveBeenCalledTimes(collections);
    },
  );

  it('does not collect while another request is in flight', async () => {
    const { collect, idle } = scheduler(90);
    idle.requestStarted();
    idle.requestStarted();
    idle.requestEnded();
    await afterPendingIo();
    expect(collect).not.toHaveBeenCalled();
    idle.requestEnded();
    await afterPendingIo();
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('does not collect when a request arrives before the check runs', async () => {
    const { collect, idle } = scheduler(90);
    idle.requestStarted();
    idle.requestEnded();
    idle.requestStarted();
    await afterPendingIo();
    expect(collect).not.toHaveBeenCalled();
  });

  it('checks once for requests that end together', async () => {
    const { collect, idle } = scheduler(90);
    idle.requestStarted();
    idle.requestEnded();
    idle.requestStarted();
    idle.requestEnded();
    await afterPendingIo();
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it("runs V8's own young-generation and full collections without --expose-gc", () => {
    expect(() => collectGarbage('minor')).not.toThrow();
    expect(() => collectGarbage('major')).not.toThrow();
  });
});
