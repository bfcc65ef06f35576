// What the feed tests share: a real API (in this process, on an embedded PostgreSQL and S3 with
// the demo data) that the web app's route handlers call, and those route handlers, loaded by path.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createPool, migrate, type Pool, seedDemoData } from '@liaison/db';
import { createTempDataDir, startEmbeddedStack } from '@liaison/embedded-stack';
import { createS3Storage } from '@liaison/storage';
import { vi } from 'vitest';
import { buildApp } from '../../apps/api/src/app.js';
import { loadConfig } from '../../apps/api/src/config.js';
import { seedDemoDocuments } from '../../apps/api/src/services/demo/seed-demo-documents.js';

/** The portal's address as the feeds see it (NEXTAUTH_URL). */
export const WEB = 'http://localhost:3000';

export interface RouteModule {
  GET(request: Request, context?: unknown): Promise<Response>;
}

/**
 * A route handler of the web app's feeds. The route files follow the web app's module conventions
 * (extensionless imports), which this workspace's NodeNext typecheck does not share: loaded by
 * path, typed here.
 */
export function feedRoutePath(path: string): string {
  return fileURLToPath(new URL(`../../apps/web/app/feeds/${path}`, import.meta.url));
}

export async function loadFeedRoute(path: string): Promise<RouteModule> {
  return (await import(feedRoutePath(path))) as RouteModule;
}

export interface FeedApi {
  url: string;
  pool: Pool;
  close(): Promise<void>;
}

/** Starts the API with the demo data and points the web app at it (LIAISON_API_URL). */
export async function startFeedApi(): Promise<FeedApi> {
  const dataDir = await createTempDataDir('liaison-feeds');
  const stack = await startEmbeddedStack({ dataDir, ephemeral: true });
  const config = loadConfig({
    ...stack.env,
    AUTH_SECRET: 'feed-test-secret-that-is-at-least-32-characters',
    API_HOST: '127.0.0.1',
  });
  const pool = createPool(config.databaseUrl);
  const storage = createS3Storage(config.s3);
  await migrate(pool);
  await seedDemoData(pool);
  await storage.ensureBucket();
  await seedDemoDocuments({ pool, storage });
  const app = await buildApp({ config, pool, storage });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the API bound no TCP port');
  const url = `http://127.0.0.1:${address.port}`;
  vi.stubEnv('LIAISON_API_URL', url);
  vi.stubEnv('NEXTAUTH_URL', WEB);
  return {
    url,
    pool,
    async close() {
      vi.unstubAllEnvs();
      await app.close();
      await pool.end();
      storage.close();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
