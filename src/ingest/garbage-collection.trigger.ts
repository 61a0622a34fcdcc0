/**
 * V8's collector, called from code: a full collection (`major`) or one of the young generation
 * alone (`minor`), as `gc({ type })` does under `--expose-gc`, made available at run time so that
 * no script needs the flag.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

type Collector = (options: { type: 'major' | 'minor' }) => void;

let collector: Collector | undefined;

export function collectGarbage(type: 'major' | 'minor'): void {
  if (!collector) {
    v8.setFlagsFromString('--expose-gc');
    collector = vm.runInNewContext('gc') as Collector;
  }
  collector({ type });
}
