/**
 * A bare MongoDB wire-protocol client for tests that must send what no driver would: messages
 * in pieces, half messages, bad headers, bad BSON. Builds OP_MSG messages, collects replies.
 */
import { BSON, type Document } from 'bson';
import net from 'node:net';

const OP_MSG = 2013;

/** One OP_MSG holding `command` as its body section. */
export function opMsg(requestId: number, command: Document): Buffer {
  return opMsgFromBody(requestId, Buffer.from(BSON.serialize(command)));
}

/** One OP_MSG around an already serialized (possibly deliberately broken) body document. */
export function opMsgFromBody(requestId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + body.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(OP_MSG, 12);
  header.writeUInt32LE(0, 16);
  header[20] = 0; // section kind 0: the body
  return Buffer.concat([header, body]);
}

/** One OP_MSG with `command` as its body and `documents` as a kind-1 sequence named `identifier`, as drivers send insertMany. */
export function opMsgWithSequence(
  requestId: number,
  command: Document,
  identifier: string,
  documents: Document[],
): Buffer {
  const body = Buffer.from(BSON.serialize(command));
  const docs = documents.map((doc) => Buffer.from(BSON.serialize(doc)));
  const name = Buffer.from(`${identifier}\0`);
  const sequenceSize = 4 + name.length + docs.reduce((sum, doc) => sum + doc.length, 0);
  const sequenceHead = Buffer.alloc(5);
  sequenceHead[0] = 1; // section kind 1: a document sequence
  sequenceHead.writeInt32LE(sequenceSize, 1);
  const message = opMsgFromBody(requestId, body);
  const whole = Buffer.concat([message, sequenceHead, name, ...docs]);
  whole.writeInt32LE(whole.length, 0);
  return whole;
}

/** A message header announcing `length` bytes, for messages that will never be finished. */
export function messageHeader(length: number, requestId = 1, opCode = OP_MSG): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32LE(length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(opCode, 12);
  return header;
}

export interface RawReply {
  responseTo: number;
  body: Document;
}

/** A socket that decodes the OP_MSG replies it receives and knows when the server closed it. */
export class RawWireClient {
  readonly replies: RawReply[] = [];
  readonly closed: Promise<void>;
  private received = Buffer.alloc(0);
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      while (this.received.length >= 4 && this.received.length >= this.received.readInt32LE(0)) {
        const length = this.received.readInt32LE(0);
        const message = this.received.subarray(0, length);
        this.received = this.received.subarray(length);
        this.replies.push({ responseTo: message.readInt32LE(8), body: BSON.deserialize(message.subarray(21)) });
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        for (const wake of this.waiters.splice(0)) wake();
        resolve();
      }),
    );
  }

  static connect(port: number): Promise<RawWireClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawWireClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Writes `bytes`, resolving once the socket has taken them (or has closed). */
  write(bytes: Buffer): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed) return resolve();
      this.socket.write(bytes, () => resolve());
    });
  }

  /** Writes `bytes` in pieces of `pieceSize`, each one after the previous was taken. */
  async writeInPieces(bytes: Buffer, pieceSize: number): Promise<void> {
    for (let offset = 0; offset < bytes.length && !this.socket.destroyed; offset += pieceSize) {
      await this.write(bytes.subarray(offset, offset + pieceSize));
    }
  }

  /** The reply to `requestId`, once it arrives; rejects if the connection closes first. */
  async reply(requestId: number): Promise<Document> {
    for (;;) {
      const found = this.replies.find((r) => r.responseTo === requestId);
      if (found) return found.body;
      if (this.socket.destroyed || this.socket.readableEnded) throw new Error('connection closed before the reply');
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}
