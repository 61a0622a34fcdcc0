/** What a command handler may use: the data, the open cursors and sessions, and facts about the server and connection. */
import type { Document } from 'bson';
import type { CursorRegistry } from '../query/cursor.registry';
import type { DatabaseEngine } from '../storage/database.engine';
import type { SessionRegistry } from './session.registry';

export interface ServerFacts {
  startedAt: Date;
  host: string;
  port: number;
  connectionsOpen(): number;
  connectionsCreated(): number;
  /** Bytes of incomplete incoming messages the server holds right now. */
  incomingBytes(): number;
  /** Garbage noted and not yet collected, and the full collections asked of V8 for it. */
  releasedMemory(): { pendingBytes: number; fullCollections: number };
}

export interface CommandContext {
  engine: DatabaseEngine;
  cursors: CursorRegistry;
  sessions: SessionRegistry;
  server: ServerFacts;
  connectionId: number;
  /** The database the command was sent to (`$db`). */
  db: string;
}

/** Writes happen in a handler's synchronous part; a read may return a promise (it pauses between chunks). */
export type CommandHandler = (cmd: Document, ctx: CommandContext) => Document | Promise<Document>;
