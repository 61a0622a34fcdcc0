/**
 * Routes a decoded command to its handler and turns whatever happens into a reply: a
 * handler's result, or a MongoDB-shaped error for unknown commands, transactions, bad input
 * and our own bugs alike. Each command's changes reach storage before its reply exists (the
 * engine runs it), and a read that pauses lets other connections' commands run meanwhile.
 */
import type { Document } from 'bson';
import { backupCommands } from './backup.commands';
import { catalogCommands } from './catalog.commands';
import { commandName } from './command-arguments.util';
import type { CommandContext, CommandHandler } from './command-context.type';
import { abbreviated, asServerError, MongoServerError } from '../common/mongo-server.error';
import { readCommands } from './read.commands';
import { serverCommands } from './server.commands';
import { writeCommands } from './write.commands';

const HANDLERS: Record<string, CommandHandler> = {
  ...serverCommands,
  ...catalogCommands,
  ...readCommands,
  ...writeCommands,
  ...backupCommands,
};

const TRANSACTION_COMMANDS = new Set(['commitTransaction', 'abortTransaction']);

function refuseTransactions(name: string, cmd: Document): void {
  if (
    cmd.txnNumber !== undefined ||
    cmd.startTransaction !== undefined ||
    cmd.autocommit !== undefined ||
    TRANSACTION_COMMANDS.has(name)
  ) {
    // The same answer a standalone mongod gives: transactions need a replica set.
    throw new MongoServerError(
      'IllegalOperation',
      'Transaction numbers are only allowed on a replica set member or mongos',
    );
  }
}

export async function dispatchCommand(cmd: Document, ctx: Omit<CommandContext, 'db'>): Promise<Document> {
  const name = commandName(cmd);
  // Recorded first, so a command can list the session it runs in ($listLocalSessions).
  if (name !== 'endSessions') ctx.sessions.touch(cmd.lsid);
  try {
    refuseTransactions(name, cmd);
    const handler = Object.hasOwn(HANDLERS, name) ? HANDLERS[name] : undefined;
    if (!handler) throw new MongoServerError('CommandNotFound', `no such command: '${abbreviated(name)}'`);
    if (typeof cmd.$db !== 'string')
      throw new MongoServerError('BadValue', `command ${name} is missing the "$db" field`);
    const db = cmd.$db;
    return await ctx.engine.run(() => handler(cmd, { ...ctx, db }));
  } catch (err) {
    return asServerError(err).toReply();
  }
}
