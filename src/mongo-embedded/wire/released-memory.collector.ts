/**
 * Buffers of unfinished messages that a closed connection held are garbage, but V8 frees them
 * only at its next full collection, which an idle server may not run for a long time: after a
 * client hoarding 40 MB goes away, the process would keep that memory. Once enough has been
 * released, this asks V8 for a full collection, at most once per interval so that clients
 * coming and going cannot make the server spend its time collecting.
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
  private timer: NodeJS.Timeout | undefined;

  /** Notes that `bytes` of incoming buffers just became garbage; collects once enough has. */
  add(bytes: number): void {
    this.pendingBytes += bytes;
    if (this.pendingBytes < RELEASED_BYTES_WORTH_COLLECTING || this.timer) return;
    // Deferred, so connections closing together (or one after another) cost one collection.
    const wait = Math.max(1_000, this.lastRun + MIN_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pendingBytes = 0;
      this.lastRun = Date.now();
      collector()();
    }, wait);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
