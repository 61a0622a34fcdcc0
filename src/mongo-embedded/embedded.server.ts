/**
 * The TCP side: accepts connections, frames and decodes messages, runs each through the
 * dispatcher in arrival order and writes the reply. A connection that sends something
 * undecodable is closed; the others carry on.
 */
import type { Document } from 'bson';
import net from 'node:net';
import { dispatchCommand } from './command.dispatcher';
import type { ServerFacts } from './command-context.type';
import { CursorRegistry } from './cursor.registry';
import type { DatabaseEngine } from './database.engine';
import { asServerError } from './mongo-server.error';
import {
  decodeMessage,
  encodeOpMsgReply,
  encodeOpReply,
  MessageFramer,
  OP_QUERY,
  type CommandMessage,
} from './wire-message.codec';

export class EmbeddedServer {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly sockets = new Set<net.Socket>();
  private readonly cursors = new CursorRegistry();
  private connectionsCreated = 0;
  private facts: ServerFacts | undefined;

  constructor(private readonly engine: DatabaseEngine) {}

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
    };
    return bound;
  }

  private accept(socket: net.Socket): void {
    this.connectionsCreated += 1;
    const connectionId = this.connectionsCreated;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const framer = new MessageFramer();
    // A command may pause (a long read); the connection's next commands wait for it, in order.
    let previous = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch {
        // Malformed input: this connection cannot be resynchronized, so it ends here.
        socket.destroy();
        return;
      }
      for (const raw of messages) previous = previous.then(() => this.handle(raw, socket, connectionId));
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  private async handle(raw: Buffer, socket: net.Socket, connectionId: number): Promise<void> {
    if (socket.destroyed) return;
    try {
      const reply = await this.answer(decodeMessage(raw), connectionId);
      if (reply && !socket.destroyed) socket.write(reply);
    } catch {
      // Malformed input: this connection cannot be resynchronized, so it ends here.
      socket.destroy();
    }
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
          server: this.facts!,
          connectionId,
        });
      } catch (err) {
        reply = asServerError(err).toReply();
      }
    }
    if (message.moreToCome) return undefined;
    const encode = message.opCode === OP_QUERY ? encodeOpReply : encodeOpMsgReply;
    try {
      return encode(message.requestId, reply);
    } catch (err) {
      return encode(message.requestId, asServerError(err).toReply());
    }
  }

  async close(): Promise<void> {
    this.cursors.close();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
