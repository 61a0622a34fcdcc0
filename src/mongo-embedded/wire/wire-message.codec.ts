/**
 * The MongoDB wire protocol framing: splits a byte stream into messages, decodes OP_MSG
 * (with kind-1 document sequences) and the legacy OP_QUERY the driver opens with, and
 * encodes the matching OP_MSG / OP_REPLY answers. A message that frames correctly but does
 * not decode (broken BSON, bad UTF-8) is the sender's error, answered without closing.
 */
import { BSON, type Document } from 'bson';
import { checkFieldNamesUtf8 } from './bson-field-names.check';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

const HEADER_SIZE = 16;
export const MAX_MESSAGE_SIZE = 48_000_000;
const CHECKSUM_PRESENT = 1 << 0;
export const MORE_TO_COME = 1 << 1;

export class MalformedMessageError extends Error {}

export interface CommandMessage {
  requestId: number;
  opCode: typeof OP_MSG | typeof OP_QUERY;
  /** The command document, with kind-1 document sequences merged in as arrays. */
  command: Document;
  /** The client sent moreToCome: it wants no reply. */
  moreToCome: boolean;
  /** For OP_QUERY: the namespace it was addressed to (e.g. `admin.$cmd`). */
  fullCollectionName?: string;
}

/** Messages larger than this are gathered into one buffer of their own size as they arrive. */
const LARGE_MESSAGE = 1 * 2 ** 20;

/**
 * Cuts a byte stream into whole messages in time proportional to its size. Small messages are
 * cut out of the chunks as they arrive (one copy at most). A large one gets a buffer of its
 * announced size once it starts, and each chunk is copied straight into it: the chunks are
 * freed at once, and the message lives in one allocation that is returned to the system whole
 * when freed (untouched pages of an unfinished message cost no memory). A header announcing an
 * impossible length throws before anything else is held.
 */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private held = 0;
  /** The announced length of the message being received, once its first 4 bytes are here. */
  private announced: number | undefined;
  /** The large message being gathered; its first `held` bytes are filled. */
  private assembly: Buffer | undefined;

  constructor(private readonly maxMessageSize = MAX_MESSAGE_SIZE) {}

  /** Bytes of an incomplete message held. */
  get pendingBytes(): number {
    return this.held;
  }

  /** The length the incomplete message's header announced, if that much of it has arrived. */
  get pendingMessageLength(): number | undefined {
    return this.announced;
  }

  /** The request id and opcode of the incomplete message, once its header is here. */
  pendingHeader(): { requestId: number; opCode: number } | undefined {
    if (this.held < HEADER_SIZE) return undefined;
    const header = this.assembly ?? this.peek(HEADER_SIZE);
    return { requestId: header.readInt32LE(4), opCode: header.readInt32LE(12) };
  }

  push(chunk: Buffer): Buffer[] {
    const messages: Buffer[] = [];
    let rest = chunk;
    while (rest.length) {
      if (this.assembly) {
        const used = Math.min(this.assembly.length - this.held, rest.length);
        rest.copy(this.assembly, this.held, 0, used);
        this.held += used;
        rest = rest.subarray(used);
        if (this.held === this.assembly.length) {
          messages.push(this.assembly);
          this.clear();
        }
        continue;
      }
      this.chunks.push(rest);
      this.held += rest.length;
      rest = rest.subarray(rest.length);
      this.cutMessages(messages);
    }
    return messages;
  }

  /** Cuts whole messages off the held chunks; starts an assembly when a large one is incomplete. */
  private cutMessages(messages: Buffer[]): void {
    for (;;) {
      if (this.announced === undefined) {
        if (this.held < 4) return;
        const length = this.peek(4).readInt32LE(0);
        if (length < HEADER_SIZE || length > this.maxMessageSize) {
          throw new MalformedMessageError(`invalid message length ${length}`);
        }
        this.announced = length;
      }
      if (this.held < this.announced) {
        if (this.announced > LARGE_MESSAGE) {
          // Everything held belongs to this message: it moves into the message's own buffer.
          this.assembly = Buffer.allocUnsafeSlow(this.announced);
          let filled = 0;
          for (const chunk of this.chunks) filled += chunk.copy(this.assembly, filled);
          this.chunks = [];
        }
        return;
      }
      messages.push(this.take(this.announced));
      this.announced = undefined;
    }
  }

  /** Drops whatever is held (the connection is gone, or a message was handed on). */
  clear(): void {
    this.chunks = [];
    this.held = 0;
    this.announced = undefined;
    this.assembly = undefined;
  }

  /** The first `n` held bytes without consuming them (n is small: a header). */
  private peek(n: number): Buffer {
    if (this.chunks[0].length >= n) return this.chunks[0];
    const bytes = Buffer.alloc(n);
    let filled = 0;
    for (const chunk of this.chunks) {
      filled += chunk.copy(bytes, filled, 0, Math.min(chunk.length, n - filled));
      if (filled === n) break;
    }
    return bytes;
  }

  /** Removes and returns the first `n` held bytes, copying only when they span chunks. */
  private take(n: number): Buffer {
    const first = this.chunks[0];
    let message: Buffer;
    if (first.length >= n) {
      message = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      message = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const chunk = this.chunks[0];
        const used = Math.min(chunk.length, n - filled);
        chunk.copy(message, filled, 0, used);
        filled += used;
        if (used === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(used);
      }
    }
    this.held -= n;
    return message;
  }
}

function readCString(buf: Buffer, offset: number): { value: string; next: number } {
  const end = buf.indexOf(0, offset);
  if (end < 0) throw new MalformedMessageError('unterminated C string');
  return { value: buf.toString('utf8', offset, end), next: end + 1 };
}

function readDocument(buf: Buffer, offset: number, limit: number): { doc: Document; next: number } {
  if (offset + 5 > limit) throw new MalformedMessageError('truncated BSON document');
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > limit) throw new MalformedMessageError(`invalid BSON document size ${size}`);
  const bytes = buf.subarray(offset, offset + size);
  try {
    const doc = BSON.deserialize(bytes);
    checkFieldNamesUtf8(bytes);
    return { doc, next: offset + size };
  } catch (err) {
    throw new MalformedMessageError(`invalid BSON: ${(err as Error).message}`);
  }
}

export function decodeMessage(message: Buffer): CommandMessage {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_MSG) return decodeOpMsg(message, requestId);
  if (opCode === OP_QUERY) return decodeOpQuery(message, requestId);
  throw new MalformedMessageError(`unsupported opCode ${opCode}`);
}

function decodeOpMsg(message: Buffer, requestId: number): CommandMessage {
  if (message.length < HEADER_SIZE + 5) throw new MalformedMessageError('OP_MSG too short');
  const flags = message.readUInt32LE(HEADER_SIZE);
  const end = flags & CHECKSUM_PRESENT ? message.length - 4 : message.length;
  let offset = HEADER_SIZE + 4;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = message[offset];
    offset += 1;
    if (kind === 0) {
      if (body) throw new MalformedMessageError('OP_MSG has more than one body section');
      const read = readDocument(message, offset, end);
      body = read.doc;
      offset = read.next;
    } else if (kind === 1) {
      if (offset + 4 > end) throw new MalformedMessageError('truncated document sequence');
      const size = message.readInt32LE(offset);
      const sectionEnd = offset + size;
      if (size < 5 || sectionEnd > end) throw new MalformedMessageError('invalid document sequence size');
      const id = readCString(message, offset + 4);
      const docs: Document[] = [];
      let at = id.next;
      while (at < sectionEnd) {
        const read = readDocument(message, at, sectionEnd);
        docs.push(read.doc);
        at = read.next;
      }
      sequences.push([id.value, docs]);
      offset = sectionEnd;
    } else {
      throw new MalformedMessageError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new MalformedMessageError('OP_MSG without a body section');
  for (const [id, docs] of sequences) body[id] = docs;
  return { requestId, opCode: OP_MSG, command: body, moreToCome: (flags & MORE_TO_COME) !== 0 };
}

function decodeOpQuery(message: Buffer, requestId: number): CommandMessage {
  let offset = HEADER_SIZE + 4;
  const ns = readCString(message, offset);
  offset = ns.next + 8;
  const { doc } = readDocument(message, offset, message.length);
  // Old clients wrap the command as { $query: {...}, $readPreference: ... }.
  const command = doc.$query && typeof doc.$query === 'object' ? (doc.$query as Document) : doc;
  const dot = ns.value.indexOf('.');
  if (dot > 0 && command.$db === undefined) command.$db = ns.value.slice(0, dot);
  return { requestId, opCode: OP_QUERY, command, moreToCome: false, fullCollectionName: ns.value };
}

let nextResponseId = 1;

function header(totalLength: number, responseTo: number, opCode: number): Buffer {
  const buf = Buffer.alloc(HEADER_SIZE);
  buf.writeInt32LE(totalLength, 0);
  buf.writeInt32LE(nextResponseId++ & 0x7fffffff, 4);
  buf.writeInt32LE(responseTo, 8);
  buf.writeInt32LE(opCode, 12);
  return buf;
}

const SERIALIZE_OPTIONS = { ignoreUndefined: true } as const;

export function encodeOpMsgReply(responseTo: number, reply: Document): Buffer {
  const body = BSON.serialize(reply, SERIALIZE_OPTIONS);
  const flagsAndKind = Buffer.alloc(5);
  const total = HEADER_SIZE + flagsAndKind.length + body.length;
  return Buffer.concat([header(total, responseTo, OP_MSG), flagsAndKind, body]);
}

export function encodeOpReply(responseTo: number, reply: Document): Buffer {
  const body = BSON.serialize(reply, SERIALIZE_OPTIONS);
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(0, 0); // responseFlags
  fields.writeBigInt64LE(0n, 4); // cursorId
  fields.writeInt32LE(0, 12); // startingFrom
  fields.writeInt32LE(1, 16); // numberReturned
  const total = HEADER_SIZE + fields.length + body.length;
  return Buffer.concat([header(total, responseTo, OP_REPLY), fields, body]);
}
