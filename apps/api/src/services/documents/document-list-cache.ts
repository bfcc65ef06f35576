import type { Actor, DocumentListQuery } from '@liaison/core';
import { NotifiedCache } from '../notified-cache.js';

/**
 * Everything about the caller that a document list answer depends on (the SQL read rule takes the
 * organizations, the permissions the roles and the operator flag, the sign-in hint whether anyone
 * is signed in), and nothing that tells callers apart beyond that, so that everyone with the same
 * rights shares one answer. Typed over every field of Actor: a field added there does not compile
 * here until it is part of the key or deliberately left out.
 */
function rightsOf(actor: Actor): Record<keyof Required<Actor>, unknown> {
  return {
    // Who the person is does not change the list; whether anyone is signed in does.
    userId: actor.userId !== null,
    email: null,
    operator: actor.operator,
    roles: [...actor.roles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    scope: actor.scope ?? null,
  };
}

/**
 * The cache key of a list request: the caller's rights and the validated query, its parameters in
 * a fixed order. Searches (`q`) are not cached: they read the files' text too, and hardly repeat.
 */
export function documentListCacheKey(actor: Actor, query: DocumentListQuery): string | undefined {
  if (query.q !== undefined) return undefined;
  const parameters = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([rightsOf(actor), parameters]);
}

/**
 * The serialized answers of `GET /api/v1/documents` of this process, by caller's rights and query
 * (see documentListCacheKey), least recently used dropped first past `maxEntries` or `maxBytes`;
 * all of them dropped on every change to a table the list reads (migration 0030; NotifiedCache).
 */
export class DocumentListCache extends NotifiedCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly pending = new Map<string, Promise<Buffer>>();
  private bytes = 0;

  constructor(private readonly limits: { maxEntries: number; maxBytes: number }) {
    super(limits.maxEntries > 0);
  }

  /** The answer for `key` from the cache, or `produce`d (once for callers asking at the same time). */
  async answer(key: string | undefined, produce: () => Promise<Buffer>): Promise<Buffer> {
    if (key === undefined || !this.caching) return produce();
    const cached = this.entries.get(key);
    if (cached) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const mark = this.mark;
    const produced = produce();
    this.pending.set(key, produced);
    try {
      const body = await produced;
      if (this.mayKeep(mark)) this.keep(key, body);
      return body;
    } finally {
      if (this.pending.get(key) === produced) this.pending.delete(key);
    }
  }

  private keep(key: string, body: Buffer) {
    if (body.length > this.limits.maxBytes) return;
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.length;
    }
  }

  protected clear() {
    this.entries.clear();
    this.pending.clear();
    this.bytes = 0;
  }
}
