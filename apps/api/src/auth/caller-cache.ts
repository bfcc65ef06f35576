import type { CredentialCallerRecord } from '@liaison/db';
import { NotifiedCache } from '../services/notified-cache.js';

/**
 * The callers of the credentials recently used on this process, by credential (a personal API
 * token by the hash of its secret, never the token; an access token by its session and user),
 * least recently used dropped first past `maxEntries`; all of them dropped on every change to a
 * table the caller lookup reads (migration 0031; NotifiedCache), so a revoked token or session, a
 * disabled account or a changed membership counts on the next request once the commit's
 * notification has arrived (about a millisecond), on every process.
 *
 * Only working credentials of enabled accounts are kept: an unknown, revoked or expired credential
 * is looked up every time. A kept one is checked against its expiry (by this process's clock) on
 * each use. The records handed out are the cached ones: read them, never change them, but for a
 * token's `lastUsedAt` after the process wrote it.
 */
export class CallerCache extends NotifiedCache {
  private readonly entries = new Map<string, CredentialCallerRecord>();

  constructor(private readonly maxEntries: number) {
    super(maxEntries > 0);
  }

  /**
   * The caller of the credential `key` names, cached while it has not expired, else `find`'s.
   * Each kind of credential has keys of its own (a prefix), always found with the same lookup.
   */
  async caller<Caller extends CredentialCallerRecord>(
    key: string,
    find: () => Promise<Caller | undefined>,
  ): Promise<Caller | undefined> {
    if (!this.caching) return find();
    const cached = this.entries.get(key) as Caller | undefined;
    if (cached) {
      this.entries.delete(key);
      if (cached.expiresAt.getTime() > Date.now()) {
        // Most recently used last: Map keeps insertion order.
        this.entries.set(key, cached);
        return cached;
      }
    }
    const mark = this.mark;
    const found = await find();
    if (found && !found.disabled && this.mayKeep(mark)) this.keep(key, found);
    return found;
  }

  private keep(key: string, caller: CredentialCallerRecord) {
    this.entries.set(key, caller);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  protected clear() {
    this.entries.clear();
  }
}
