/**
 * One extraction pool for a test file's seed runs: each pool's thread loads the extractor's
 * language model (a second or two), so a file's tests share one thread instead of starting their own.
 */
import { ExtractionPool, type ExtractionPoolOptions } from '../../src/ingest';

export function testExtractionPool(options: ExtractionPoolOptions = {}): ExtractionPool {
  return new ExtractionPool({ threads: 1, ...options, maxQueue: Number.POSITIVE_INFINITY });
}
