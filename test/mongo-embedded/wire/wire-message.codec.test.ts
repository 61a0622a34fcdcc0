/**
 * The message framer: however a stream of small and large messages is cut into chunks, the
 * same messages come out, whole and in order, and nothing is held once they are out.
 */
import { MalformedMessageError, MessageFramer } from '../../../src/mongo-embedded/wire/wire-message.codec';

function message(length: number, fill: number): Buffer {
  const bytes = Buffer.alloc(length, fill);
  bytes.writeInt32LE(length, 0);
  return bytes;
}

/** A repeatable sequence of chunk sizes (a linear congruential generator), from 1 byte to `max`. */
function* chunkSizes(seed: number, max: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield 1 + (state % max);
  }
}

describe('MessageFramer', () => {
  const messages = [message(21, 1), message(3_000, 2), message(1_500_000, 3), message(100, 4), message(2_100_000, 5)];
  const stream = Buffer.concat(messages);

  it.each([
    [1, 256],
    [2, 4_096],
    [3, 65_536],
    [4, 300_000],
  ])('gives back the same messages from any cutting of the stream (seed %i, chunks up to %i bytes)', (seed, max) => {
    const framer = new MessageFramer();
    const out: Buffer[] = [];
    const sizes = chunkSizes(seed, max);
    for (let offset = 0; offset < stream.length;) {
      const size = sizes.next().value as number;
      out.push(...framer.push(stream.subarray(offset, offset + size)));
      offset += size;
    }
    expect(out.map((m) => m.length)).toEqual(messages.map((m) => m.length));
    out.forEach((m, i) => expect(m.equals(messages[i])).toBe(true));
    expect(framer.pendingBytes).toBe(0);
  });

  it('reports what an unfinished message holds, and lets it go on clear', () => {
    const framer = new MessageFramer();
    expect(framer.push(stream.subarray(0, 21 + 3_000 + 700_000)).map((m) => m.length)).toEqual([21, 3_000]);
    expect(framer.pendingBytes).toBe(700_000);
    expect(framer.pendingMessageLength).toBe(1_500_000);
    framer.clear();
    expect(framer.pendingBytes).toBe(0);
  });

  it('refuses a length below the header size or above the maximum', () => {
    expect(() => new MessageFramer().push(message(20, 0).subarray(0, 4).fill(0, 0, 4))).toThrow(MalformedMessageError);
    const tooLong = Buffer.alloc(4);
    tooLong.writeInt32LE(48_000_001, 0);
    expect(() => new MessageFramer().push(tooLong)).toThrow(MalformedMessageError);
  });
});
