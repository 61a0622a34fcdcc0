/**
 * `npx newsgraph-mongod`: the standalone server process serves the official driver, says
 * where it listens, stops cleanly on SIGTERM, and rejects bad arguments with usage.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { MongoClient } from 'mongodb';

const BIN = path.join(__dirname, '..', '..', 'bin', 'newsgraph-mongod.js');

it('serves the driver in memory and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [BIN, '--memory', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const uri = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /listening on (mongodb:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`exited before listening: ${output}`)));
    });
    const client = await new MongoClient(uri).connect();
    try {
      const coll = client.db('standalone').collection('items');
      await coll.insertMany([{ n: 1 }, { n: 2 }]);
      expect(await coll.countDocuments({ n: { $gt: 1 } })).toBe(1);
    } finally {
      await client.close();
    }
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(output).toContain('stopped');
});

it('rejects unknown options with usage and exit code 2', () => {
  const result = spawnSync(process.execPath, [BIN, '--memory', '--frobnicate'], { encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('unknown option "--frobnicate"');
  expect(result.stderr).toContain('usage: newsgraph-mongod');
});

it('rejects a read timeout that is not a positive whole number', () => {
  const result = spawnSync(process.execPath, [BIN, '--memory', '--readTimeoutMS', 'soon'], { encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('--readTimeoutMS needs a positive whole number');
});
