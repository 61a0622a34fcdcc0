/**
 * `npx newsgraph-mongod`: the standalone server process serves the official driver, says
 * where it listens, stops on SIGTERM (cleanly, and also while a command is stuck in one long
 * computation), and rejects bad arguments with usage.
 */
import { MongoClient } from 'mongodb';
import { runMongodTool, startMongodProcess } from '../helpers/mongod-process';

it('serves the driver in memory and stops on SIGTERM', async () => {
  const mongod = await startMongodProcess(['--memory', '--port', '0']);
  try {
    const client = await new MongoClient(mongod.uri).connect();
    try {
      const coll = client.db('standalone').collection('items');
      await coll.insertMany([{ n: 1 }, { n: 2 }]);
      expect(await coll.countDocuments({ n: { $gt: 1 } })).toBe(1);
    } finally {
      await client.close();
    }
  } finally {
    mongod.child.kill('SIGTERM');
  }
  expect(await mongod.exited).toBe(0);
  expect(mongod.output()).toContain('stopped');
});

it('stops on SIGTERM while a command is busy in a computation that would never end', async () => {
  const mongod = await startMongodProcess(['--memory', '--port', '0']);
  // No retry: the read must fail with the server gone, not wait for another one.
  const client = await new MongoClient(mongod.uri, { monitorCommands: true, retryReads: false }).connect();
  try {
    await client.db('busy').collection('one').insertOne({ n: 1 });
    let started!: () => void;
    const sent = new Promise<void>((resolve) => (started = resolve));
    client.on('commandStarted', (event) => {
      if (event.commandName === 'aggregate') started();
    });
    // A million inner ranges of a million elements each: years of work in one expression.
    const endless = client
      .db('busy')
      .collection('one')
      .aggregate([
        {
          $project: {
            total: {
              $reduce: {
                input: { $range: [0, 1_000_000] },
                initialValue: 0,
                in: { $add: ['$$value', { $size: { $range: [0, 1_000_000] } }] },
              },
            },
          },
        },
      ])
      .toArray();
    const outcome = endless.then(
      () => 'answered',
      () => 'failed',
    );
    await sent;
    // The server thread is now computing; it cannot answer until it is stopped from outside.
    await new Promise((resolve) => setTimeout(resolve, 300));
    mongod.child.kill('SIGTERM');
    expect(await mongod.exited).toBe(0);
    expect(mongod.output()).toContain('stopped');
    expect(await outcome).toBe('failed');
  } finally {
    await client.close(true);
    if (mongod.child.exitCode === null) mongod.child.kill('SIGKILL');
  }
});

it('rejects unknown options with usage and exit code 2', () => {
  const result = runMongodTool(['--memory', '--frobnicate']);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('unknown option "--frobnicate"');
  expect(result.stderr).toContain('usage: newsgraph-mongod');
});

it('rejects a read timeout that is not a positive whole number', () => {
  const result = runMongodTool(['--memory', '--readTimeoutMS', 'soon']);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('--readTimeoutMS needs a positive whole number');
});
