/**
 * `newsgraph-mongod --check`: everything that can be checked about a stopped server's data
 * directory. SQLite's full `integrity_check` (the file's structure), then every document against
 * its checksum and every index against the documents.
 */
import { DatabaseEngine } from './database.engine';
import { SqliteStorage } from './sqlite.storage';

export interface CheckReport {
  file: string;
  collections: number;
  documents: number;
  indexes: number;
  /** One line per problem; none when the directory is sound. */
  problems: string[];
}

/** Checks the data directory (no server may be running on it: the check needs its file to itself). */
export function checkDatabase(dbPath: string): CheckReport {
  const storage = SqliteStorage.open({ dbPath });
  const report: CheckReport = { file: storage.description, collections: 0, documents: 0, indexes: 0, problems: [] };
  try {
    report.problems.push(...storage.check('integrity_check'));
    if (report.problems.length) return report;
    if (storage.legacyCollections()) {
      // The first layout has no checksums or index tables to compare: its structure is all there is.
      return report;
    }
    const engine = new DatabaseEngine(storage, { cacheBytes: 16 * 2 ** 20 });
    for (const collection of engine.allCollections()) {
      report.collections += 1;
      report.indexes += collection.indexSpecs.length;
      const verification = collection.verify();
      for (;;) {
        const step = verification.next();
        if (step.done) {
          report.documents += step.value.documents;
          break;
        }
        report.problems.push(step.value);
      }
    }
    return report;
  } catch (err) {
    report.problems.push((storage.translate(err) as Error).message);
    return report;
  } finally {
    storage.close();
  }
}
