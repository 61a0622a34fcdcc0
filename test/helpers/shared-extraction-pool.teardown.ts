/**
 * Closes, after each test file, the process-wide extraction pool the file may have started
 * (`ingestArticle` without a pool of its own, an API with mutations enabled). Left open, its idle
 * thread was still up when Jest ended the worker process that ran the file, which did not exit
 * in time and was killed ("A worker process has failed to exit gracefully").
 */
import { configureSharedExtractionPool } from '../../src/ingest/extraction.pool';

afterAll(() => configureSharedExtractionPool({}));
