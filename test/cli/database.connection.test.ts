/** `openDatabase` without MONGODB_URI: the embedded server with data on disk, usable through the driver and released on close. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseOptions } from '../../src/cli/database.connection';

describe('openDatabase without MONGODB_URI', () => {
  let dataDir: string;
  let logged: string[];
  let options: DatabaseOptions;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-database-'));
    logged = [];
    options = { mongodbUri: undefined, dataDir, dbName: 'newsgraph', log: (message) => logged.push(message) };
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the embedded server on the data directory, and a later open sees what the first one wrote', async () => {
    const first = await openDatabase(options);
    try {
      expect(first.mode).toBe('embedded');
      expect(logged.join('\n')).toContain(`with data in ${dataDir}`);
      await first.db.collection('articles').insertOne({ title: 'Summit' });
    } finally {
      await first.close();
    }
    const second = await openDatabase(options);
    try {
      expect(
        await second.db
          .collection('articles')
          .find({}, { projection: { _id: 0 } })
          .toArray(),
      ).toEqual([{ title: 'Summit' }]);
    } finally {
      await second.close();
    }
  });
});
