/**
 * Robustness at the protocol edge (embedded server only, where raw sockets are involved):
 * unsupported commands, operators and transactions get MongoDB-shaped errors, malformed
 * messages close only their own connection, and several clients work at once.
 */
import net from 'node:net';
import { Decimal128, MongoClient, MongoServerError } from 'mongodb';
import { useEmbeddedServer } from '../helpers/embedded-server.fixture';
import { useTestDatabase } from '../helpers/test-database';

const embedded = !process.env.MONGODB_URI;

describe('errors for what is not supported', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  beforeAll(async () => {
    await db()
      .collection('c')
      .insertOne({ _id: 1 as never, a: 1 });
  });

  it('answers an unknown command with CommandNotFound (59) naming it', async () => {
    const error = await db()
      .command({ frobnicate: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 59, codeName: 'CommandNotFound' });
    expect((error as Error).message).toContain('frobnicate');
  });

  it('answers an unknown query operator with BadValue (2) naming it', async () => {
    const error = await db()
      .collection('c')
      .find({ a: { $frobnicate: 1 } })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 2 });
    expect((error as Error).message).toContain('$frobnicate');
  });

  it('answers malformed operator arguments with BadValue and keeps the connection usable', async () => {
    const coll = db().collection('c');
    await expect(coll.find({ a: { $in: 5 } }).toArray()).rejects.toMatchObject({ code: 2 });
    // mongod answers 51091 for a broken regex, the embedded server BadValue; both are server errors.
    await expect(coll.find({ a: { $regex: '(' } }).toArray()).rejects.toBeInstanceOf(MongoServerError);
    await expect(coll.find({ $or: [] }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(coll.find({ a: { $elemMatch: 5 } }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(coll.find({ a: { $type: 'bogus' } }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(
      coll.aggregate([{ $match: { a: 1 } }, { $match: { a: { $nin: 'x' } } }]).toArray(),
    ).rejects.toMatchObject({ code: 2 });
    expect(await coll.countDocuments({ a: 1 })).toBe(1);
  });

  it('refuses mixing fields and operators in an update document', async () => {
    const replacementWithOperator = await db().command({
      update: 'c',
      updates: [{ q: { _id: 1 }, u: { a: 2, $set: { b: 1 } } }],
    });
    expect(replacementWithOperator.writeErrors[0].code).toBe(52);
    const operatorWithField = await db().command({
      update: 'c',
      updates: [{ q: { _id: 1 }, u: { $set: { b: 1 }, a: 2 } }],
    });
    expect(operatorWithField.writeErrors[0].code).toBe(9);
    expect(
      await db()
        .collection('c')
        .findOne({ _id: 1 as never }),
    ).toEqual({ _id: 1, a: 1 });
  });

  it('refuses a delete statement without a filter instead of deleting everything', async () => {
    await expect(db().command({ delete: 'c', deletes: [{ limit: 0 }] })).rejects.toMatchObject({ code: 40414 });
    expect(await db().collection('c').countDocuments()).toBe(1);
  });

  it('refuses a transaction on a standalone server and writes nothing', async () => {
    const session = database().client.startSession();
    try {
      await expect(
        session.withTransaction(async () => {
          await db()
            .collection('c')
            .insertOne({ _id: 2 as never }, { session });
        }),
      ).rejects.toThrow();
    } finally {
      await session.endSession();
    }
    expect(
      await db()
        .collection('c')
        .countDocuments({ _id: 2 as never }),
    ).toBe(0);
  });

  (embedded ? it : it.skip)('refuses $out and $merge with NotImplemented (238)', async () => {
    await expect(
      db()
        .collection('c')
        .aggregate([{ $out: 'copy' }])
        .toArray(),
    ).rejects.toMatchObject({ code: 238 });
    await expect(
      db()
        .collection('c')
        .aggregate([{ $merge: { into: 'copy' } }])
        .toArray(),
    ).rejects.toMatchObject({ code: 238 });
  });

  (embedded ? it : it.skip)('refuses a non-simple collation rather than ignoring it when matching', async () => {
    const error = await db()
      .collection('c')
      .find({ a: 'x' }, { collation: { locale: 'en', strength: 2 } })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 238 });
    expect((error as Error).message).toContain('collation');
  });

  (embedded ? it : it.skip)('refuses arithmetic it cannot do exactly instead of skipping it', async () => {
    await db()
      .collection('money')
      .insertOne({ _id: 1 as never, price: Decimal128.fromString('9.99') });
    await expect(
      db()
        .collection('money')
        .updateOne({ _id: 1 as never }, { $inc: { price: 1 } }),
    ).rejects.toMatchObject({ code: 238 });
  });

  (embedded ? it : it.skip)('refuses server-side JavaScript ($where, $function) with BadValue', async () => {
    await expect(db().collection('c').find({ $where: 'this.a == 1' }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(
      db()
        .collection('c')
        .aggregate([{ $project: { f: { $function: { body: 'function () { return 1; }', args: [], lang: 'js' } } } }])
        .toArray(),
    ).rejects.toMatchObject({ code: 2 });
  });

  (embedded ? it : it.skip)('refuses tailable cursors, which need capped collections', async () => {
    await expect(db().collection('c').find({}, { tailable: true }).toArray()).rejects.toMatchObject({ code: 238 });
  });

  (embedded ? it : it.skip)('refuses text indexes with a message naming what is unsupported', async () => {
    const error = await db()
      .collection('c')
      .createIndex({ a: 'text' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 67 });
    expect((error as Error).message).toMatch(/text/);
  });
});

(embedded ? describe : describe.skip)('connections', () => {
  const t = useEmbeddedServer();

  /** Sends bytes on a fresh socket and resolves when the server closes it. */
  function sendAndAwaitClose(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(t.server.port, '127.0.0.1', () => socket.write(bytes));
      socket.on('close', () => resolve());
      socket.on('error', reject);
      socket.setTimeout(5000, () => reject(new Error('connection was not closed')));
    });
  }

  function header(length: number, opCode: number): Buffer {
    const buf = Buffer.alloc(16);
    buf.writeInt32LE(length, 0);
    buf.writeInt32LE(1, 4);
    buf.writeInt32LE(0, 8);
    buf.writeInt32LE(opCode, 12);
    return buf;
  }

  it('closes a connection that sends an impossible message length, and only that one', async () => {
    await sendAndAwaitClose(header(3, 2013));
    expect(await t.client.db('x').command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('closes a connection that sends an unknown opcode', async () => {
    await sendAndAwaitClose(Buffer.concat([header(20, 4242), Buffer.alloc(4)]));
    expect(await t.client.db('x').command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('serves several clients writing at once', async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, () => new MongoClient(t.server.uri).connect()));
    try {
      const counter = t.client.db('x').collection('counter');
      await counter.insertOne({ _id: 'hits' as never, n: 0 });
      await Promise.all(
        clients.map(async (c, i) => {
          const coll = c.db('x').collection('counter');
          for (let k = 0; k < 40; k += 1) {
            await Promise.all([
              coll.updateOne({ _id: 'hits' as never }, { $inc: { n: 1 } }),
              c.db('x').collection('log').insertOne({ client: i, k }),
            ]);
          }
        }),
      );
      expect(await counter.findOne({ _id: 'hits' as never })).toEqual({ _id: 'hits', n: 200 });
      expect(await t.client.db('x').collection('log').countDocuments()).toBe(200);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });
});
