/**
 * The server's own full garbage collections (serverStatus `embedded.releasedMemory`): a load's
 * writes leave garbage V8 would keep for a long time, so once enough has been written the
 * server asks for a collection; reads, however many, never make it collect.
 * Embedded server only.
 */
import type { Collection, MongoClient } from 'mongodb';
import { useEmbeddedServer } from '../helpers/embedded-server.fixture';

const embedded = !process.env.MONGODB_URI;

interface ReleasedMemory {
  pendingBytes: number;
  fullCollections: number;
}

interface Filler {
  _id: number;
  text: string;
}

async function releasedMemory(client: MongoClient): Promise<ReleasedMemory> {
  const status = await client.db('admin').command({ serverStatus: 1 });
  return status.embedded.releasedMemory as ReleasedMemory;
}

/** Documents of about 100 KB each, `megabytes` of them in all. */
function documentsOf(megabytes: number, letter = 'x'): Filler[] {
  return Array.from({ length: megabytes * 10 }, (_, i) => ({ _id: i, text: letter.repeat(100_000) }));
}

(embedded ? describe : describe.skip)('full collections after writes', () => {
  const t = useEmbeddedServer();

  it('counts what reads return as nothing to collect', async () => {
    const coll: Collection<Filler> = t.client.db('released').collection('read');
    await coll.insertMany(documentsOf(2));
    const afterWrite = await releasedMemory(t.client);
    expect(afterWrite.pendingBytes).toBeGreaterThanOrEqual(2 * 1_000_000);
    for (let i = 0; i < 25; i++) await coll.find().toArray();
    expect(await releasedMemory(t.client)).toEqual(afterWrite);
  });

  it('asks V8 for a full collection once a load has written enough, inserts and replacements alike', async () => {
    const coll: Collection<Filler> = t.client.db('released').collection('load');
    const before = await releasedMemory(t.client);
    await coll.insertMany(documentsOf(20));
    await coll.bulkWrite(
      documentsOf(20, 'y').map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc } })),
    );
    const deadline = Date.now() + 5_000;
    let now = await releasedMemory(t.client);
    while (now.fullCollections === before.fullCollections && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      now = await releasedMemory(t.client);
    }
    expect(now.fullCollections).toBe(before.fullCollections + 1);
    expect(now.pendingBytes).toBe(0);
  });
});
