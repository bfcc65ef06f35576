import { listenForDocumentListChanges } from '@liaison/db';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { DocumentListCache } from '../services/documents/document-list-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    documentListCache: DocumentListCache;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The process's document list cache, emptied by every committed change the database notifies
 * (from any process), and by every request of this process that may have changed something,
 * before its answer is sent: its caller's next list, here, shows the change.
 */
export function registerDocumentListCache(app: FastifyInstance, config: Config): void {
  const cache = new DocumentListCache(config.documentListCache);
  app.decorate('documentListCache', cache);
  if (!cache.enabled) return;
  const listener = listenForDocumentListChanges(config.databaseUrl, cache);
  app.addHook('onClose', () => listener.close());
  app.addHook('onSend', async (request) => {
    if (!READS.has(request.method)) cache.invalidate();
  });
}
