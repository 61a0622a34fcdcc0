/**
 * The TCP side: accepts connections, frames and decodes messages, runs each through the
 * dispatcher in arrival order and writes the reply. It also sheds clients that would hurt the
 * others: incomplete messages share a byte budget (past it, a large message is refused with
 * an error and its connection closed), a message that stops arriving is dropped after a read
 * timeout.
 */
import type { Document } from 'bson';
import net from 'node:net';
import { dispatchCommand } from '../commands/command.dispatcher';
import type { ServerFacts } from '../commands/command-context.type';
import { CursorRegistry } from '../query/cursor.registry';
import type { DatabaseEngine } from '../storage/database.engine';
import { asServerError, MongoServerError } from '../common/mongo-server.error';
import { ReleasedMemoryCollector } from './released-memory.collector';
import { SessionRegistry } from '../commands/session.registry';
import {
  decodeMessage,
  encodeOpMsgReply,
  encodeOpReply,
  MessageFramer,
  MORE_TO_COME,
  OP_MSG,
  OP_QUERY,
  type CommandMessage,
} from './wire-message.codec';

export interface WireLimits {
  /** A connection whose incomplete message gets no byte for this long is closed (ms). */
  readTimeoutMS: number;
  /** Bytes of incomplete messages held across all connections before large messages are refused. */
  maxIncomingBytes: number;
}

export const DEFAULT_WIRE_LIMITS: WireLimits = { readTimeoutMS: 30_000, maxIncomingBytes: 256 * 2 ** 20 };

/** Messages up to this size are "small": pings, finds, ordinary writes. */
const SMALL_MESSAGE = 1 * 2 ** 20;
/**
 * Past the budget, small messages still have this much room, so a connection flooded with
 * large partial messages does not stop pings and ordinary commands; memory stays bounded.
 */
const SMALL_MESSAGE_RESERVE = 32 * 2 ** 20;

function replyEncoder(opCode: number): typeof encodeOpMsgReply {
  return opCode === OP_QUERY ? encodeOpReply : encodeOpMsgReply;
}

export class EmbeddedServer {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly sockets = new Set<net.Socket>();
  private readonly cursors = new CursorRegistry();
  private readonly sessions = new SessionRegistry();
  private readonly releasedMemory = new ReleasedMemoryCollector();
  private connectionsCreated = 0;
  /** Bytes of incomplete messages held by all connections. */
  private incomingBytes = 0;
  private facts: ServerFacts | undefined;
  private readonly limits: WireLimits;

  constructor(
    private readonly engine: DatabaseEngine,
    limits: Partial<WireLimits> = {},
  ) {
    this.limits = {
      readTimeoutMS: limits.readTimeoutMS ?? DEFAULT_WIRE_LIMITS.readTimeoutMS,
      maxIncomingBytes: limits.maxIncomingBytes ?? DEFAULT_WIRE_LIMITS.maxIncomingBytes,
    };
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const bound = (this.server.address() as net.AddressInfo).port;
    this.facts = {
      startedAt: new Date(),
      host,
      port: bound,
      connectionsOpen: () => this.sockets.size,
      connectionsCreated: () => this.connectionsCreated,
      incomingBytes: () => this.incomingBytes,
      releasedMemory: () => this.releasedMemory.stats(),
    };
    return bound;
  }

  private accept(socket: net.Socket): void {
    this.connectionsCreated += 1;
    const connectionId = this.connectionsCreated;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const framer = new MessageFramer();
    let refused = false;
    let stallTimer: NodeJS.Timeout | undefined;

    const release = (): void => {
      this.incomingBytes -= framer.pendingBytes;
      this.releasedMemory.add(framer.pendingBytes);
      framer.clear();
    };
    const watchForStall = (): void => {
      if (framer.pendingBytes === 0) {
        clearTimeout(stallTimer);
        stallTimer = undefined;
      } else if (stallTimer) stallTimer.refresh();
      else stallTimer = setTimeout(() => socket.destroy(), this.limits.readTimeoutMS);
    };

    // A command may pause (a long read); the connection's next commands wait for it, in order.
    let previous = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      if (refused) return; // discarding the rest of a refused message until the client hangs up
      const before = framer.pendingBytes;
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch {
        // An impossible length: the stream cannot be resynchronized, so this connection ends here.
        release();
        socket.destroy();
        return;
      }
      this.incomingBytes += framer.pendingBytes - before;
      for (const raw of messages) {
        if (socket.destroyed) return;
        const opCode = raw.readInt32LE(12);
        if (opCode !== OP_MSG && opCode !== OP_QUERY) {
          // Not a message this server speaks: nothing sensible can be answered, so the connection ends.
          release();
          socket.destroy();
          return;
        }
        previous = previous.then(async () => {
          if (socket.destroyed) return;
          const reply = await this.answerRaw(raw, opCode, connectionId);
          if (reply && !socket.destroyed) socket.write(reply);
          this.releasedMemory.add(this.engine.takeWrittenBytes());
        });
      }
      if (this.overBudget(framer)) {
        refused = true;
        this.refuse(socket, framer);
        release();
      }
      watchForStall();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      clearTimeout(stallTimer);
      release();
      this.sockets.delete(socket);
    });
  }

  private overBudget(framer: MessageFramer): boolean {
    const length = framer.pendingMessageLength;
    if (length === undefined || framer.pendingBytes === 0) return false;
    const limit = this.limits.maxIncomingBytes + (length <= SMALL_MESSAGE ? SMALL_MESSAGE_RESERVE : 0);
    return this.incomingBytes > limit;
  }

  /** Answers the incomplete message with an error, then closes once the reply is out. */
  private refuse(socket: net.Socket, framer: MessageFramer): void {
    const header = framer.pendingHeader();
    if (header) {
      const error = new MongoServerError(
        'ExceededMemoryLimit',
        `the server already holds ${this.incomingBytes} bytes of incoming messages (its limit is ` +
          `${this.limits.maxIncomingBytes}); this ${framer.pendingMessageLength}-byte message was refused, ` +
          'try again later',
      );
      socket.write(replyEncoder(header.opCode)(header.requestId, error.toReply()));
    }
    socket.end();
    // A client that keeps the connection open after the refusal is cut off after the read timeout.
    setTimeout(() => socket.destroy(), this.limits.readTimeoutMS).unref();
  }

  /** The reply to one framed message; undefined when none is due (moreToCome). */
  private async answerRaw(raw: Buffer, opCode: number, connectionId: number): Promise<Buffer | undefined> {
    let message: CommandMessage;
    try {
      message = decodeMessage(raw);
    } catch (err) {
      // The frame was whole, so the stream is still in step: the sender gets an error, not a hang-up.
      const wantsNoReply = opCode === OP_MSG && raw.length >= 20 && (raw.readUInt32LE(16) & MORE_TO_COME) !== 0;
      if (wantsNoReply) return undefined;
      const error = new MongoServerError('InvalidBSON', `the message could not be decoded: ${(err as Error).message}`);
      return replyEncoder(opCode)(raw.readInt32LE(4), error.toReply());
    }
    return this.answer(message, connectionId);
  }

  private async answer(message: CommandMessage, connectionId: number): Promise<Buffer | undefined> {
    let reply: Document;
    if (message.opCode === OP_QUERY && !message.fullCollectionName?.endsWith('.$cmd')) {
      reply = { $err: 'legacy OP_QUERY is only supported for commands', code: 352, ok: 0 };
    } else {
      try {
        reply = await dispatchCommand(message.command, {
          engine: this.engine,
          cursors: this.cursors,
          sessions: this.sessions,
          server: this.facts!,
          connectionId,
        });
      } catch (err) {
        reply = asServerError(err).toReply();
      }
    }
    if (message.moreToCome) return undefined;
    const encode = replyEncoder(message.opCode);
    try {
      return encode(message.requestId, reply);
    } catch (err) {
      return encode(message.requestId, asServerError(err).toReply());
    }
  }

  async close(): Promise<void> {
    this.cursors.close();
    this.releasedMemory.stop();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
