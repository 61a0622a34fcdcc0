/**
 * ingest: article files, dataset rows (CSV, JSON Lines, JSON) and submitted texts -> extraction on a
 * pool of worker threads, with a time budget per article -> store, with progress, summaries and bad-input reports.
 */
export * from './article-file.reader';
export * from './article-input.error';
export * from './article.ingester';
export * from './seed-summary.type';
export * from './extraction-limit.errors';
export {
  ExtractionPool,
  sharedExtractionPool,
  configureSharedExtractionPool,
  warmExtractionPool,
  DEFAULT_EXTRACTION_BUDGET_MS,
  DEFAULT_EXTRACTION_QUEUE,
  type ExtractionPoolOptions,
} from './extraction.pool';
export { DEFAULT_FIELD_NAMES, type FieldNames, type DatasetField } from './dataset-fields.mapping';
export { parsePublicationDate } from './publication-date.parser';
export { typescriptHookArgs } from './typescript-hook.args';
export { collectGarbage } from './garbage-collection.trigger';
export { seedDirectory, seedFiles, ensureSeeded, requireSeedDirectory, type SeedOptions } from './directory.seeder';
