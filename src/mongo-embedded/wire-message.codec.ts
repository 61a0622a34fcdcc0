/**
 * The MongoDB wire protocol framing: splits a byte stream into messages, decodes OP_MSG
 * (with kind-1 document sequences) and the legacy OP_QUERY the driver opens with, and
 * encodes the matching OP_MSG / OP_REPLY answers.
 */
import { BSON, type Document } from 'bson';

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

/** Accumulates socket chunks and yields whole messages; throws on a header that cannot be valid. */
export class MessageFramer {
  private buffered: Buffer[] = [];
  private bufferedLength = 0;

  push(chunk: Buffer): Buffer[] {
    this.buffered.push(chunk);
    this.bufferedLength += chunk.length;
    const messages: Buffer[] = [];
    while (this.bufferedLength >= 4) {
      const data = this.buffered.length === 1 ? this.buffered[0] : Buffer.concat(this.buffered);
      this.buffered = [data];
      const length = data.readInt32LE(0);
      if (length < HEADER_SIZE || length > MAX_MESSAGE_SIZE) {
        throw new MalformedMessageError(`invalid message length ${length}`);
      }
      if (data.length < length) break;
      messages.push(data.subarray(0, length));
      const rest = data.subarray(length);
      this.buffered = rest.length ? [rest] : [];
      this.bufferedLength = rest.length;
    }
    return messages;
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
  try {
    return { doc: BSON.deserialize(buf.subarray(offset, offset + size)), next: offset + size };
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
