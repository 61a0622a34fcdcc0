/**
 * The wire server against clients that send what no driver would: messages in small pieces,
 * messages that never finish, more unfinished bytes than the server will hold, bad headers and
 * bad BSON. Each misbehaving connection is answered or closed; the others carry on.
 * Embedded server only (raw sockets and server options).
 */
import { BSON } from 'bson';
import { MongoClient } from 'mongodb';
import { useEmbeddedServer } from '../helpers/embedded-server.fixture';
import { messageHeader, opMsg, opMsgFromBody, RawWireClient } from '../helpers/raw-wire.client';

const embedded = !process.env.MONGODB_URI;
const MB = 2 ** 20;

async function heldIncomingBytes(client: MongoClient): Promise<number> {
  const status = await client.db('admin').command({ serverStatus: 1 });
  return status.embedded.incomingBytesHeld as number;
}

/** Polls until `check` holds; the test's own timeout is the failure guard. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

(embedded ? describe : describe.skip)('framing', () => {
  const t = useEmbeddedServer();

  it('accepts a large insert written in 16 KB pieces, header split included', async () => {
    const raw = await RawWireClient.connect(t.server.port);
    try {
      const documents = Array.from({ length: 40 }, (_, i) => ({ _id: i, text: 'x'.repeat(100_000) }));
      const message = opMsg(7, { insert: 'pieces', documents, $db: 'framing' });
      await raw.write(message.subarray(0, 2));
      await raw.writeInPieces(message.subarray(2), 16 * 1024);
      expect(await raw.reply(7)).toMatchObject({ ok: 1, n: 40 });
      expect(await t.client.db('framing').collection('pieces').countDocuments()).toBe(40);
    } finally {
      raw.destroy();
    }
  });

  it('answers several messages that arrive in one write, in order', async () => {
    const raw = await RawWireClient.connect(t.server.port);
    try {
      await raw.write(
        Buffer.concat([
          opMsg(1, { insert: 'batch', documents: [{ _id: 1 }], $db: 'framing' }),
          opMsg(2, { count: 'batch', $db: 'framing' }),
          opMsg(3, { ping: 1, $db: 'admin' }),
        ]),
      );
      expect(await raw.reply(1)).toMatchObject({ ok: 1, n: 1 });
      expect(await raw.reply(2)).toMatchObject({ ok: 1, n: 1 });
      expect(await raw.reply(3)).toMatchObject({ ok: 1 });
      expect(raw.replies.map((r) => r.responseTo)).toEqual([1, 2, 3]);
    } finally {
      raw.destroy();
    }
  });

  it('closes a connection whose header announces more than maxMessageSizeBytes', async () => {
    const raw = await RawWireClient.connect(t.server.port);
    await raw.write(messageHeader(48_000_001));
    await raw.closed;
    expect(await t.client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('refuses invalid UTF-8 in a field name, as in a value, and stores nothing', async () => {
    const raw = await RawWireClient.connect(t.server.port);
    try {
      const withBadName = Buffer.from(BSON.serialize({ insert: 'utf8', documents: [{ kX: 1 }], $db: 'framing' }));
      withBadName[withBadName.indexOf('kX') + 1] = 0xff;
      await raw.write(opMsgFromBody(1, withBadName));
      const nameReply = await raw.reply(1);
      expect(nameReply).toMatchObject({ ok: 0, code: 22, codeName: 'InvalidBSON' });
      expect(nameReply.errmsg).toMatch(/UTF-8/);

      const withBadValue = Buffer.from(BSON.serialize({ insert: 'utf8', documents: [{ k: 'vX' }], $db: 'framing' }));
      withBadValue[withBadValue.indexOf('vX') + 1] = 0xff;
      await raw.write(opMsgFromBody(2, withBadValue));
      expect(await raw.reply(2)).toMatchObject({ ok: 0, code: 22 });

      // The connection is still in step and usable.
      await raw.write(opMsg(3, { ping: 1, $db: 'admin' }));
      expect(await raw.reply(3)).toMatchObject({ ok: 1 });
      expect(await t.client.db('framing').collection('utf8').countDocuments()).toBe(0);
    } finally {
      raw.destroy();
    }
  });

  it('keeps valid non-ASCII field names and values exactly', async () => {
    const coll = t.client.db('framing').collection('unicode');
    await coll.insertOne({ _id: 1 as never, 'naïve café': 'Ærø 😀', nested: { ключ: ['値'] } });
    expect(await coll.findOne({ 'naïve café': 'Ærø 😀' })).toEqual({
      _id: 1,
      'naïve café': 'Ærø 😀',
      nested: { ключ: ['値'] },
    });
  });

  it('answers a message whose BSON is broken with InvalidBSON and keeps the connection', async () => {
    const raw = await RawWireClient.connect(t.server.port);
    try {
      await raw.write(opMsgFromBody(5, Buffer.from([0x20, 0, 0, 0, 0xff, 0xff, 0xff])));
      expect(await raw.reply(5)).toMatchObject({ ok: 0, code: 22 });
      await raw.write(opMsg(6, { ping: 1, $db: 'admin' }));
      expect(await raw.reply(6)).toMatchObject({ ok: 1 });
    } finally {
      raw.destroy();
    }
  });
});

(embedded ? describe : describe.skip)('stalled messages', () => {
  const t = useEmbeddedServer({ readTimeoutMS: 300 });

  it('drops a connection that announces a large message and then goes silent, and frees what it held', async () => {
    const raw = await RawWireClient.connect(t.server.port);
    await raw.write(Buffer.concat([messageHeader(48_000_000), Buffer.alloc(MB)]));
    await eventually(async () => (await heldIncomingBytes(t.client)) > 0);
    // Others are served while it stalls.
    expect(await t.client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    await raw.closed;
    expect(await heldIncomingBytes(t.client)).toBe(0);
  });

  it('does not drop a connection that is idle between messages', async () => {
    const raw = await RawWireClient.connect(t.server.port);
    try {
      await raw.write(opMsg(1, { ping: 1, $db: 'admin' }));
      expect(await raw.reply(1)).toMatchObject({ ok: 1 });
      await new Promise((resolve) => setTimeout(resolve, 900));
      await raw.write(opMsg(2, { ping: 1, $db: 'admin' }));
      expect(await raw.reply(2)).toMatchObject({ ok: 1 });
    } finally {
      raw.destroy();
    }
  });
});

(embedded ? describe : describe.skip)('the budget for unfinished messages', () => {
  const t = useEmbeddedServer({ maxIncomingBytes: 8 * MB });

  it('refuses the large message that goes past it, with an error, while other clients carry on', async () => {
    const first = await RawWireClient.connect(t.server.port);
    const second = await RawWireClient.connect(t.server.port);
    try {
      await first.write(Buffer.concat([messageHeader(6 * MB, 11), Buffer.alloc(5 * MB)]));
      await eventually(async () => (await heldIncomingBytes(t.client)) >= 5 * MB);
      await second.writeInPieces(Buffer.concat([messageHeader(6 * MB, 22), Buffer.alloc(5 * MB)]), 64 * 1024);
      expect(await second.reply(22)).toMatchObject({ ok: 0, code: 146, codeName: 'ExceededMemoryLimit' });
      await second.closed;

      // Small commands still get through, and the first connection can finish its message.
      const coll = t.client.db('budget').collection('c');
      await coll.insertOne({ small: true });
      expect(await coll.countDocuments()).toBe(1);
      expect(first.socket.destroyed).toBe(false);
    } finally {
      first.destroy();
      second.destroy();
    }
    await first.closed;
    await eventually(async () => (await heldIncomingBytes(t.client)) === 0);
  });
});
