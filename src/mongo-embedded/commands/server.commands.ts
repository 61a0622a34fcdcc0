/**
 * Commands about the server rather than data: the handshake (a standalone that supports
 * sessions but advertises no compression or topologyVersion), liveness, build and status
 * facts, and the session bookkeeping the driver sends.
 */
import { UUID, type Document } from 'bson';
import os from 'node:os';
import type { CommandContext, CommandHandler } from './command-context.type';
import { SESSION_TIMEOUT_MINUTES } from './session.registry';

export const SERVER_VERSION = '7.0.0';
const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
const MAX_MESSAGE_SIZE_BYTES = 48_000_000;
const MAX_WRITE_BATCH_SIZE = 100_000;

function handshake(ctx: CommandContext, primaryField: 'isWritablePrimary' | 'ismaster'): Document {
  return {
    helloOk: true,
    [primaryField]: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE_BYTES,
    maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: SESSION_TIMEOUT_MINUTES,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

export const serverCommands: Record<string, CommandHandler> = {
  hello: (_cmd, ctx) => handshake(ctx, 'isWritablePrimary'),
  isMaster: (_cmd, ctx) => handshake(ctx, 'ismaster'),
  ismaster: (_cmd, ctx) => handshake(ctx, 'ismaster'),
  ping: () => ({ ok: 1 }),
  buildInfo: () => ({
    version: SERVER_VERSION,
    versionArray: [7, 0, 0, 0],
    gitVersion: 'newsgraph-embedded',
    modules: [],
    allocator: 'system',
    javascriptEngine: 'none',
    sysInfo: 'deprecated',
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    storageEngines: ['sqlite'],
    ok: 1,
  }),
  serverStatus: (_cmd, ctx) => {
    const uptimeMillis = Date.now() - ctx.server.startedAt.getTime();
    return {
      host: `${os.hostname()}:${ctx.server.port}`,
      version: SERVER_VERSION,
      process: 'newsgraph-mongod',
      pid: process.pid,
      uptime: Math.floor(uptimeMillis / 1000),
      uptimeMillis,
      localTime: new Date(),
      connections: {
        current: ctx.server.connectionsOpen(),
        totalCreated: ctx.server.connectionsCreated(),
        available: 1000,
      },
      mem: { bits: 64, resident: Math.round(process.memoryUsage().rss / 2 ** 20) },
      embedded: { incomingBytesHeld: ctx.server.incomingBytes(), releasedMemory: ctx.server.releasedMemory() },
      storageEngine: {
        name: 'sqlite',
        persistent: ctx.engine.dataDirectory !== undefined,
        startupCheck: ctx.engine.startupCheck(),
      },
      // As mongod counts them: index keys and documents examined by queries since start.
      metrics: {
        queryExecutor: { scanned: ctx.engine.counters.keysExamined, scannedObjects: ctx.engine.counters.docsExamined },
      },
      // The decoded-document cache that bounds the server's memory (bytes of memory, estimated).
      documentCache: ctx.engine.cacheStats(),
      ok: 1,
    };
  },
  hostInfo: () => ({
    system: {
      currentTime: new Date(),
      hostname: os.hostname(),
      numCores: os.cpus().length,
      memSizeMB: Math.round(os.totalmem() / 2 ** 20),
    },
    os: { type: os.type(), name: os.platform(), version: os.release() },
    ok: 1,
  }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  whatsmyuri: (_cmd, ctx) => ({ you: `${ctx.server.host}:${ctx.server.port}`, ok: 1 }),
  getCmdLineOpts: () => ({ argv: ['newsgraph-mongod'], parsed: {}, ok: 1 }),
  getParameter: (cmd) =>
    cmd.featureCompatibilityVersion !== undefined || cmd.getParameter === '*'
      ? { featureCompatibilityVersion: { version: '7.0' }, ok: 1 }
      : { ok: 1 },
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  startSession: (_cmd, ctx) => {
    const id = { id: new UUID() };
    ctx.sessions.touch(id);
    return { id, timeoutMinutes: SESSION_TIMEOUT_MINUTES, ok: 1 };
  },
  endSessions: (cmd, ctx) => {
    if (Array.isArray(cmd.endSessions)) ctx.sessions.end(cmd.endSessions);
    return { ok: 1 };
  },
  killSessions: (cmd, ctx) => {
    if (Array.isArray(cmd.killSessions)) ctx.sessions.end(cmd.killSessions);
    return { ok: 1 };
  },
  killAllSessions: (_cmd, ctx) => {
    ctx.sessions.clear();
    return { ok: 1 };
  },
  killAllSessionsByPattern: () => ({ ok: 1 }),
  refreshSessions: () => ({ ok: 1 }),
};
