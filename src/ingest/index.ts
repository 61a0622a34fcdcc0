/** ingest: article files and submitted texts -> extraction -> store, with progress, summaries and bad-file reports. */
export * from './article-file.reader';
export * from './article-input.error';
export * from './article.ingester';
export * from './seed-summary.type';
export { seedDirectory, ensureSeeded, requireSeedDirectory, type SeedOptions } from './directory.seeder';
