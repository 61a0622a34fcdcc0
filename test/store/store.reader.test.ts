/**
 * What a plan reads while the entry before it is still being written: the store as that entry
 * will leave it (its documents in place of the stored ones, wherever they match the read), and,
 * for reads that cannot be answered that way, nothing before its writes are done.
 */
import { COLLECTIONS, ensureIndexes, type PersonDocument } from '../../src/store';
import type { LoadPlan } from '../../src/store/load/load-plan.type';
import {
  byIds,
  EarlierEntryNotWrittenError,
  PendingEntry,
  StoreReader,
  type OverlaidQuery,
} from '../../src/store/load/store.reader';
import { useTestDatabasePerTest } from '../helpers/test-database';

type Person = Pick<PersonDocument, '_id' | 'slug' | 'name' | 'identityKeys' | 'articleCount'>;

const person = (_id: string, name: string, identityKeys: string[], articleCount = 1): Person => ({
  _id,
  slug: `${_id}-${name}`,
  name,
  identityKeys,
  articleCount,
});

function planWriting(people: Person[]): LoadPlan {
  return {
    at: new Date(0).toISOString(),
    articles: [],
    writes: people.map((doc) => ({ collection: 'people', doc, isNew: false })),
    tombstones: [],
    changes: {
      people: { added: [], updated: [], removed: [] },
      organizations: { added: [], updated: [], removed: [] },
      offices: { added: [], updated: [], removed: [] },
      meetings: { added: [], updated: [], removed: [] },
    },
  };
}

const withKey = (key: string): OverlaidQuery<Person> => ({
  filter: { identityKeys: key },
  test: (doc) => doc.identityKeys.includes(key),
});

function deferred(): { promise: Promise<void>; resolve(): void; reject(err: Error): void } {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('reading the store under an entry being written', () => {
  const database = useTestDatabasePerTest();
  beforeEach(async () => {
    const { db } = database();
    await ensureIndexes(db);
    await db
      .collection<Person>(COLLECTIONS.people)
      .insertMany([person('p-amina', 'Amina', ['name:amina']), person('p-peter', 'Peter', ['name:peter'])]);
  });

  it('reads the entry’s documents in place of the stored ones, and counts each only where it matches', async () => {
    const writing = deferred();
    const pending = new PendingEntry(
      planWriting([
        // Amina takes another name, Grace is new, Peter is emptied.
        person('p-amina', 'Amina Odhiambo', ['name:amina odhiambo']),
        person('p-grace', 'Grace', ['name:amina']),
        person('p-peter', '', [], 0),
      ]),
      writing.promise,
    );
    const reader = new StoreReader(database().db, pending);
    const names = async (query: OverlaidQuery<Person>) =>
      (await reader.find('people', query)).map((p) => p.name).sort();

    expect(await names(withKey('name:amina'))).toEqual(['Grace']);
    expect(await names(withKey('name:amina odhiambo'))).toEqual(['Amina Odhiambo']);
    expect(await names(withKey('name:peter'))).toEqual([]);
    expect(await names(byIds(['p-amina', 'p-peter']))).toEqual(['', 'Amina Odhiambo']);
    // Without an entry under way, the store as it is.
    const plain = await new StoreReader(database().db).find('people', withKey('name:amina'));
    expect(plain.map((p) => p.name)).toEqual(['Amina']);
    writing.resolve();
  });

  it('gives the reads it cannot overlay the store only once the entry is written, and none if writing it failed', async () => {
    const writing = deferred();
    const reader = new StoreReader(database().db, new PendingEntry(planWriting([]), writing.promise));
    let settled = false;
    const waiting = reader.settled().then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    writing.resolve();
    await waiting;
    expect(settled).toBe(true);

    const failing = deferred();
    const failed = new StoreReader(database().db, new PendingEntry(planWriting([]), failing.promise));
    failing.reject(new Error('the store went away'));
    await expect(failed.settled()).rejects.toBeInstanceOf(EarlierEntryNotWrittenError);
  });
});
