/**
 * The embedded server against hostile clients, on its worker thread as `npm start` runs it,
 * with a driver client pinging all along to show whether anyone else is held up: large inserts
 * written in 16 KB pieces, a catastrophically backtracking regex, a message that is never
 * finished, and ten connections holding 40 MB unfinished messages each.
 * Targets: a 30 MB insert (here 32 MB) accepted within 10 s with pings under 1 s; the regex
 * query within 2 s with pings under 1 s; the half-sent message dropped within the read timeout.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongoThread, type EmbeddedMongo } from '../src/mongo-embedded';
import { messageHeader, opMsgWithSequence, RawWireClient } from '../test/helpers/raw-wire.client';
import type { BenchSection } from './bench-section.type';

const INSERT_SIZES_MB = [24, 32, 40, 45];
const PIECE = 16 * 1024;
const DOCUMENT_BYTES = 100_000;
const DEFAULT_READ_TIMEOUT_S = 30;
const HOARDERS = 10;
const HOARDED_MB = 40;

/** Seconds after the hoarders close before memory is read: the server collects released buffers within 10 s. */
const AFTER_CLOSE_WAIT_MS = 12_000;

/**
 * The hoarding clients, in a process of their own so their writing does not slow this one's
 * pings: each connection announces a 48 MB message and sends BYTES of it. Prints 'sent' once all
 * is written, and on SIGTERM how many connections got a reply (a refusal) before closing them.
 */
const HOARDER_SCRIPT = `
const net = require('node:net');
const count = Number(process.env.CONNECTIONS);
const body = Buffer.alloc(Number(process.env.BYTES));
let written = 0;
let refused = 0;
const sockets = [];
for (let i = 0; i < count; i += 1) {
  const header = Buffer.alloc(16);
  header.writeInt32LE(48000000, 0);
  header.writeInt32LE(100 + i, 4);
  header.writeInt32LE(2013, 12);
  const socket = net.connect(Number(process.env.PORT), '127.0.0.1', () => {
    socket.write(header);
    socket.write(body, () => { written += 1; if (written === count) console.log('sent'); });
  });
  socket.once('data', () => { refused += 1; });
  socket.on('error', () => {});
  sockets.push(socket);
}
process.on('SIGTERM', () => {
  for (const socket of sockets) socket.destroy();
  console.log(JSON.stringify({ refused }));
  process.exit(0);
});
`;

/** The lines a stream prints, one per call. */
function lineReader(stream: NodeJS.ReadableStream): { next(): Promise<string> } {
  const lines = createInterface({ input: stream })[Symbol.asyncIterator]();
  return {
    async next() {
      const { value, done } = await lines.next();
      if (done) throw new Error('the hoarding process ended early');
      return value as string;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

/** Runs `work` while another client pings the server back to back; reports the slowest ping. */
async function whilePinging<T>(client: MongoClient, work: () => Promise<T>): Promise<{ result: T; maxPingMs: number }> {
  let running = true;
  let maxPingMs = 0;
  const pinger = (async () => {
    while (running) {
      const start = performance.now();
      await client.db('admin').command({ ping: 1 });
      maxPingMs = Math.max(maxPingMs, performance.now() - start);
      await sleep(10);
    }
  })();
  try {
    return { result: await work(), maxPingMs };
  } finally {
    running = false;
    await pinger;
  }
}

/** One insert of about `sizeMb` MB as drivers send insertMany: a single OP_MSG with a document sequence. */
function largeInsertMessage(sizeMb: number): { message: Buffer; count: number } {
  const count = Math.floor((sizeMb * 1e6) / DOCUMENT_BYTES);
  const documents = Array.from({ length: count }, (_, i) => ({ _id: i, text: 'x'.repeat(DOCUMENT_BYTES - 30) }));
  return { message: opMsgWithSequence(1, { insert: `big${sizeMb}`, $db: 'wire' }, 'documents', documents), count };
}

/** Writes the insert in 16 KB pieces; the time from its first byte to the server's reply. */
async function timeInsert(server: EmbeddedMongo, message: Buffer, count: number): Promise<number> {
  const raw = await RawWireClient.connect(server.port);
  try {
    const start = performance.now();
    await raw.writeInPieces(message, PIECE);
    const reply = await raw.reply(1);
    if (reply.n !== count) throw new Error(`the insert was answered ${JSON.stringify(reply).slice(0, 200)}`);
    return performance.now() - start;
  } finally {
    raw.destroy();
  }
}

/** JavaScript's own RegExp on the same pattern, best of three (the first runs also compile it). */
function javascriptBacktrackingMs(as: number): number {
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    /^(a+)+$/.test('a'.repeat(as) + '!');
    return performance.now() - start;
  });
  return Math.min(...times);
}

async function heldBytes(client: MongoClient): Promise<number> {
  return (await client.db('admin').command({ serverStatus: 1 })).embedded.incomingBytesHeld as number;
}

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

export async function run(): Promise<BenchSection> {
  const server = await startEmbeddedMongoThread({ memory: true });
  const client = await new MongoClient(server.uri).connect();
  const lines: string[] = [
    'The embedded server on its worker thread (as `npm start` runs it), in memory; a driver client pings it back to back (10 ms apart) during each case. Memory is the whole process (server thread and the benchmark clients).',
    `Load average when this section started: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (other work on the machine makes these figures pessimistic).`,
    '',
  ];
  try {
    lines.push(
      '| insert written in 16 KB pieces | accepted in (s) | slowest ping meanwhile (ms) |',
      '|---:|---:|---:|',
    );
    const verdicts: string[] = [];
    const judge = (target: string, holds: boolean) => {
      verdicts.push(`${target}: ${holds ? 'holds' : 'FAILS'}`);
      if (!holds) process.exitCode = 1;
    };
    for (const size of INSERT_SIZES_MB) {
      // Built before the pings start: building it would hold up this thread, not the server.
      const { message, count } = largeInsertMessage(size);
      const { result: ms, maxPingMs } = await whilePinging(client, () => timeInsert(server, message, count));
      lines.push(
        `| ${size} MB (one OP_MSG, ${Math.floor((size * 1e6) / DOCUMENT_BYTES)} documents) | ${(ms / 1000).toFixed(2)} | ${maxPingMs.toFixed(0)} |`,
      );
      await client.db('wire').collection(`big${size}`).drop();
      if (size === 32) judge('32 MB insert within 10 s, pings under 1 s', ms < 10_000 && maxPingMs < 1_000);
    }

    const texts = client.db('wire').collection('texts');
    await texts.insertMany(Array.from({ length: 1_000 }, (_, i) => ({ _id: i as never, s: 'a'.repeat(40) + '!' })));
    const regex = await whilePinging(client, async () => {
      const start = performance.now();
      const found = await texts
        .find({ s: { $regex: '^(a+)+$' } })
        .maxTimeMS(200)
        .toArray();
      if (found.length) throw new Error('the catastrophic regex matched');
      return performance.now() - start;
    });
    judge('catastrophic regex within 2 s, pings under 1 s', regex.result < 2_000 && regex.maxPingMs < 1_000);
    const js = [20, 22, 24].map((n) => `${n} a's: ${javascriptBacktrackingMs(n).toFixed(0)} ms`).join(', ');
    lines.push(
      '',
      `Catastrophic regex: \`find({ s: { $regex: '^(a+)+$' } }).maxTimeMS(200)\` over 1,000 documents of \`'a'.repeat(40) + '!'\`: ` +
        `answered (no match) in ${regex.result.toFixed(0)} ms, slowest ping meanwhile ${regex.maxPingMs.toFixed(0)} ms. ` +
        `JavaScript's backtracking RegExp on one such string, for comparison: ${js} (doubling with each further a; 40 would take hours).`,
    );

    const stalled = await whilePinging(client, async () => {
      const raw = await RawWireClient.connect(server.port);
      const start = performance.now();
      await raw.write(Buffer.concat([messageHeader(48_000_000), Buffer.alloc(1_000_000)]));
      await raw.closed;
      return performance.now() - start;
    });
    lines.push(
      '',
      `Half-sent message: a header announcing 48,000,000 bytes, 1 MB of it, then silence: dropped after ${(stalled.result / 1000).toFixed(1)} s ` +
        `(read timeout ${DEFAULT_READ_TIMEOUT_S} s, the default); slowest ping meanwhile ${stalled.maxPingMs.toFixed(0)} ms.`,
    );

    judge(
      'half-sent message dropped within the read timeout',
      stalled.result < (DEFAULT_READ_TIMEOUT_S + 1) * 1000 && stalled.maxPingMs < 1_000,
    );
    const rssBefore = rssMb();
    const hoarders = spawn(process.execPath, ['-e', HOARDER_SCRIPT], {
      env: {
        ...process.env,
        PORT: String(server.port),
        CONNECTIONS: String(HOARDERS),
        BYTES: String(HOARDED_MB * 1e6),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const hoarderOutput = lineReader(hoarders.stdout);
    const hoarding = await whilePinging(client, async () => {
      await hoarderOutput.next(); // 'sent': every connection has written its 40 MB
      const connectStart = performance.now();
      const newcomer = await new MongoClient(server.uri).connect();
      await newcomer.db('admin').command({ ping: 1 });
      const newcomerMs = performance.now() - connectStart;
      await newcomer.close();
      return { newcomerMs, held: await heldBytes(client), rssPeak: rssMb() };
    });
    hoarders.kill('SIGTERM');
    const { refused } = JSON.parse(await hoarderOutput.next()) as { refused: number };
    while ((await heldBytes(client)) > 0) await sleep(50);
    await sleep(AFTER_CLOSE_WAIT_MS);
    lines.push(
      '',
      `Ten connections from another process each sending ${HOARDED_MB} MB of a message they never finish (budget for unfinished messages: 256 MiB, the default): ` +
        `${refused} were refused with ExceededMemoryLimit (146) and closed, the others held ${mb(hoarding.result.held)} MB between them; ` +
        `a new client connected and pinged in ${hoarding.result.newcomerMs.toFixed(0)} ms, the slowest ping meanwhile was ${hoarding.maxPingMs.toFixed(0)} ms. ` +
        `Process memory: ${rssBefore.toFixed(0)} MB before, ${hoarding.result.rssPeak.toFixed(0)} MB while held, ` +
        `${rssMb().toFixed(0)} MB ${AFTER_CLOSE_WAIT_MS / 1000} s after they closed.`,
    );
    judge(
      'new connections and pings under 1 s while 400 MB is hoarded',
      hoarding.result.newcomerMs < 1_000 && hoarding.maxPingMs < 1_000,
    );
    judge(
      'memory returns after the hoarders close',
      rssMb() < hoarding.result.rssPeak - hoarding.result.held / 2 ** 21,
    );
    lines.push('', `Targets: ${verdicts.join('; ')}.`);
  } finally {
    await client.close();
    await server.stop();
  }
  return { title: 'Embedded server under hostile inputs (wire)', markdown: lines.join('\n') };
}
