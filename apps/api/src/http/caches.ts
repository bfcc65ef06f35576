import { CALLER_CHANNEL, DOCUMENT_LIST_CHANNEL, listenForTableChanges } from '@liaison/db';
import type { FastifyInstance } from 'fastify';
import { CallerCache } from '../auth/caller-cache.js';
import type { Config } from '../config.js';
import { DocumentListCache } from '../services/documents/document-list-cache.js';
import type { NotifiedCache } from '../services/notified-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    documentListCache: DocumentListCache;
    callerCache: CallerCache;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The process's caches (the document list's answers, the callers of credentials), emptied by every
 * committed change the database notifies (from any process), heard on one connection, and by
 * every request of this process that may have changed something, before its answer is sent: its
 * caller's next request, here, shows the change.
 */
export function registerCaches(app: FastifyInstance, config: Config): void {
  const documentList = new DocumentListCache(config.documentListCache);
  const callers = new CallerCache(config.callerCache.maxEntries);
  app.decorate('documentListCache', documentList);
  app.decorate('callerCache', callers);
  const channels = new Map<string, NotifiedCache>([
    [DOCUMENT_LIST_CHANNEL, documentList],
    [CALLER_CHANNEL, callers],
  ]);
  for (const [channel, cache] of channels) if (!cache.enabled) channels.delete(channel);
  if (channels.size === 0) return;
  const listener = listenForTableChanges(config.databaseUrl, channels);
  app.addHook('onClose', () => listener.close());
  app.addHook('onSend', async (request) => {
    if (READS.has(request.method)) return;
    for (const cache of channels.values()) cache.invalidate();
  });
}
