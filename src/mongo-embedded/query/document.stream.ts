/**
 * Reads as generators of document chunks: each chunk is read from SQLite in one step, and
 * between chunks is where a read may pause. The same generator serves a write, which runs it to
 * the end at once inside its transaction, and a read, which pauses between chunks (checking its
 * deadline and letting other commands run) and may stop half-way to resume on the next getMore.
 * A chunk may be empty: a pause point in work that produces nothing yet (a count, a sort
 * gathering its input). A generator's return value is a result other than documents (a count).
 */
import type { Document } from 'bson';
import type { Deadline } from './query.deadline';

export type DocumentStream<Result = void> = Generator<Document[], Result, undefined>;

/** A pause with nothing to hand out. */
export const PAUSE: Document[] = [];

/** A stream with nothing to read: its result is known already. */
export function* known<Result>(result: Result): DocumentStream<Result> {
  yield* [];
  return result;
}

/** Runs the stream to its end in one step: its documents, in order. */
export function collectNow(stream: DocumentStream): Document[] {
  const all: Document[] = [];
  for (const chunk of stream) for (const doc of chunk) all.push(doc);
  return all;
}

/** Runs the stream to its end, pausing between chunks, for its result. */
export async function finishPausing<Result>(stream: DocumentStream<Result>, deadline: Deadline): Promise<Result> {
  for (;;) {
    const step = stream.next();
    if (step.done) return step.value;
    await deadline.pause();
  }
}

/** Inside a stream: everything another stream produces, passing its pauses on (nothing is handed out). */
export function* gather(stream: DocumentStream): DocumentStream<Document[]> {
  const all: Document[] = [];
  for (const chunk of stream) {
    for (const doc of chunk) all.push(doc);
    yield PAUSE;
  }
  return all;
}

/** Documents in chunks of `size`, so that consumers pause between them. */
export function* inChunks(docs: Document[], size = 256): DocumentStream {
  for (let i = 0; i < docs.length; i += size) yield docs.slice(i, i + size);
}

/**
 * The documents one at a time for a library that reads them synchronously (mingo), checking the
 * deadline as it goes, so a long pipeline stage still stops at maxTimeMS.
 */
export function* checkedEach(docs: Iterable<Document>, deadline: Deadline): Generator<Document> {
  let n = 0;
  for (const doc of docs) {
    if ((n += 1) % 512 === 0) deadline.check();
    yield doc;
  }
}
