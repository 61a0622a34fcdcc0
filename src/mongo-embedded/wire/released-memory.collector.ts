/**
 * Memory the server is done with is freed only at V8's next full collection, which comes late:
 * - buffers of unfinished messages that a closed connection held: an idle server may not
 *   collect for a long time, so after a client hoarding 40 MB goes away the process would keep it;
 * - what writes leave behind (a command's decoded documents, their serialized copies, the
 *   buffers SQLite returned): through a long load V8 let the server thread's heap hold
 *   far more garbage than live data, and glibc's heap grow with the buffers that garbage kept.
 * Once enough has been released, this asks V8 for a full collection, at most once per interval
 * so that clients coming and going, or a load, cannot make the server spend its time
 * collecting. A server that only serves reads never collects this way.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

const RELEASED_BYTES_WORTH_COLLECTING = 32 * 2 ** 20;
const MIN_INTERVAL_MS = 10_000;

let collect: (() => void) | undefined;

/** V8's collector as a function; exposing it after start is what `--expose-gc` does at start. */
function collector(): () => void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  return collect;
}

export class ReleasedMemoryCollector {
  private pendingBytes = 0;
  private lastRun = 0;
  private fullCollections = 0;
  private timer: NodeJS.Timeout | undefined;

  /** Notes that `bytes` of buffers or written documents just became garbage; collects once enough has. */
  add(bytes: number): void {
    this.pendingBytes += bytes;
    if (this.pendingBytes < RELEASED_BYTES_WORTH_COLLECTING || this.timer) return;
    // Deferred, so connections closing together (or one after another) cost one collection.
    const wait = Math.max(1_000, this.lastRun + MIN_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pendingBytes = 0;
      this.lastRun = Date.now();
      this.fullCollections++;
      collector()();
    }, wait);
    this.timer.unref();
  }

  stats(): { pendingBytes: number; fullCollections: number } {
    return { pendingBytes: this.pendingBytes, fullCollections: this.fullCollections };
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
