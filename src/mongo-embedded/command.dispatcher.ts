/**
 * Routes a decoded command to its handler and turns whatever happens into a reply: a
 * handler's result, or a MongoDB-shaped error for unknown commands, transactions, bad input
 * and our own bugs alike. Each command's changes reach storage before its reply exists.
 */
import type { Document } from 'bson';
import { catalogCommands } from './catalog.commands';
import { commandName } from './command-arguments.util';
import type { CommandContext, CommandHandler } from './command-context.type';
import { abbreviated, asServerError, MongoServerError } from './mongo-server.error';
import { readCommands } from './read.commands';
import { serverCommands } from './server.commands';
import { writeCommands } from './write.commands';

const HANDLERS: Record<string, CommandHandler> = {
  ...serverCommands,
  ...catalogCommands,
  ...readCommands,
  ...writeCommands,
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

export function dispatchCommand(cmd: Document, ctx: Omit<CommandContext, 'db'>): Document {
  const name = commandName(cmd);
  let reply: Document;
  // Recorded first, so a command can list the session it runs in ($listLocalSessions).
  if (name !== 'endSessions') ctx.sessions.touch(cmd.lsid);
  try {
    refuseTransactions(name, cmd);
    const handler = Object.hasOwn(HANDLERS, name) ? HANDLERS[name] : undefined;
    if (!handler) throw new MongoServerError('CommandNotFound', `no such command: '${abbreviated(name)}'`);
    if (ctx.engine.storageFailure && !Object.hasOwn(serverCommands, name)) {
      throw new MongoServerError(
        'InternalError',
        `storage failed earlier (${ctx.engine.storageFailure}); restart the server to reload the stored data`,
      );
    }
    if (typeof cmd.$db !== 'string')
      throw new MongoServerError('BadValue', `command ${name} is missing the "$db" field`);
    reply = handler(cmd, { ...ctx, db: cmd.$db });
  } catch (err) {
    reply = asServerError(err).toReply();
  }
  try {
    ctx.engine.commit();
  } catch (err) {
    return new MongoServerError(
      'InternalError',
      `could not write to storage, the command's changes are not durable: ${(err as Error).message}`,
    ).toReply();
  }
  return reply;
}
