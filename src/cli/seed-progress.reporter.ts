/**
 * Seed progress on stderr: on a terminal a bar over the bytes of the archive; elsewhere (CI logs,
 * pipes, `nohup`) a line every few seconds with articles done, rate and time left, and a line
 * for each article that failed, never a line per article.
 */
import { SingleBar } from 'cli-progress';
import { countOf, type SeedProgress } from '../ingest';

export interface ProgressReporter {
  onProgress(event: SeedProgress): void;
  stop(): void;
}

const LINE_INTERVAL_MS = 5000;

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  return minutes < 60 ? `${minutes} min ${s % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Counts and rates since the start, for either form. */
class ProgressState {
  private readonly started = Date.now();
  done = 0;
  failed = 0;
  bytesDone = 0;
  bytesTotal = 0;

  update(event: SeedProgress): void {
    if (event.kind === 'start') this.bytesTotal = event.bytes;
    else ({ done: this.done, failed: this.failed, bytesDone: this.bytesDone, bytesTotal: this.bytesTotal } = event);
  }

  rate(): number {
    const seconds = (Date.now() - this.started) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }

  /** Seconds left, from the share of bytes read so far. */
  secondsLeft(): number {
    const elapsed = (Date.now() - this.started) / 1000;
    if (!this.bytesDone) return Number.POSITIVE_INFINITY;
    return (elapsed * Math.max(0, this.bytesTotal - this.bytesDone)) / this.bytesDone;
  }

  line(): string {
    const share = this.bytesTotal ? Math.min(100, Math.floor((100 * this.bytesDone) / this.bytesTotal)) : 100;
    return (
      `seed: ${countOf(this.done - this.failed, 'article')} loaded, ${this.failed} failed, ${this.rate().toFixed(1)} articles/s, ` +
      `${share}% of ${megabytes(this.bytesTotal)} read, about ${duration(this.secondsLeft())} left`
    );
  }
}

function lineReporter(write: (line: string) => void): ProgressReporter {
  const state = new ProgressState();
  let timer: NodeJS.Timeout | undefined;
  return {
    onProgress(event) {
      state.update(event);
      if (event.kind === 'start') {
        write(`seed: ${countOf(event.files, 'file')}, ${megabytes(event.bytes)}`);
        timer = setInterval(() => write(state.line()), LINE_INTERVAL_MS);
        timer.unref();
      } else if (event.outcome === 'failed') write(`seed: ${event.source}: failed (${event.error})`);
    },
    stop() {
      if (!timer) return;
      clearInterval(timer);
      timer = undefined;
      write(state.line().replace(/, about .* left$/, ', done'));
    },
  };
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const state = new ProgressState();
  const bar = new SingleBar({
    stream,
    format: 'seed [{bar}] {percentage}% | {articles} loaded, {failed} failed | {rate}/s | {left} left',
    hideCursor: true,
    clearOnComplete: true,
  });
  let running = false;
  const payload = () => ({
    articles: countOf(state.done - state.failed, 'article'),
    failed: state.failed,
    rate: state.rate().toFixed(1),
    left: duration(state.secondsLeft()),
  });
  return {
    onProgress(event) {
      state.update(event);
      if (event.kind === 'start') {
        bar.start(Math.max(1, event.bytes), 0, payload());
        running = true;
      } else bar.update(event.bytesDone, payload());
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

export function progressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter((line) => stream.write(`${line}\n`));
}
