/**
 * The logical sessions clients have used on this server, as mongod keeps them in memory for
 * `$listLocalSessions`: recorded from each command's `lsid`, forgotten on `endSessions` or
 * after the advertised session timeout, and bounded in number.
 */
import { Binary, type Document } from 'bson';
import { createHash } from 'node:crypto';
import { isPlainObject } from '../common/bson-value.util';

export const SESSION_TIMEOUT_MINUTES = 30;
const MAX_SESSIONS = 10_000;
/** Without authentication every session belongs to the same (empty) user, as in mongod. */
const ANONYMOUS_UID = new Binary(createHash('sha256').update('').digest());

interface SessionRecord {
  id: unknown;
  lastUse: Date;
}

function sessionKey(lsid: unknown): string | undefined {
  if (!isPlainObject(lsid)) return undefined;
  const id = lsid.id as { toHexString?: () => string } | undefined;
  return typeof id?.toHexString === 'function' ? id.toHexString() : undefined;
}

export class SessionRegistry {
  /** In least-recently-used order. */
  private readonly sessions = new Map<string, SessionRecord>();

  touch(lsid: unknown): void {
    const key = sessionKey(lsid);
    if (!key) return;
    this.sessions.delete(key);
    this.sessions.set(key, { id: (lsid as Document).id, lastUse: new Date() });
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
  }

  end(lsids: unknown[]): void {
    for (const lsid of lsids) {
      const key = sessionKey(lsid);
      if (key) this.sessions.delete(key);
    }
  }

  clear(): void {
    this.sessions.clear();
  }

  /** The live sessions as `$listLocalSessions` returns them. */
  list(): Document[] {
    const cutoff = Date.now() - SESSION_TIMEOUT_MINUTES * 60_000;
    for (const [key, record] of this.sessions) {
      if (record.lastUse.getTime() >= cutoff) break;
      this.sessions.delete(key);
    }
    return [...this.sessions.values()].map((record) => ({
      _id: { id: record.id, uid: ANONYMOUS_UID },
      lastUse: record.lastUse,
    }));
  }
}
