import { createPool, migrate, seedDemoData } from '@liaison/db';
import { createS3Storage } from '@liaison/storage';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { startBackgroundJobs } from './jobs/start-background-jobs.js';
import { applySsoSettings } from './services/auth/configure-organization-sso.js';
import { seedDemoDocuments } from './services/demo/seed-demo-documents.js';
import { seedDemoReview } from './services/demo/seed-demo-review.js';
import { seedDemoStatements } from './services/demo/seed-demo-statements.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const pool = createPool(config.databaseUrl, { applicationName: 'liaison-api' });
  const storage = createS3Storage(config.s3);
  const app = await buildApp(
    { config, pool, storage },
    { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
  );

  const applied = await migrate(pool);
  app.log.info(
    { applied },
    applied.length > 0 ? 'database migrated' : 'database schema up to date',
  );
  await storage.ensureBucket();
  if (config.demo) {
    await seedDemoData(pool);
    const added = await seedDemoDocuments({ pool, storage });
    const statementsAdded = await seedDemoStatements({ pool });
    const reviewAdded = await seedDemoReview(pool);
    app.log.info({ documentsAdded: added, statementsAdded, reviewAdded }, 'demo data present');
  }
  // Single sign-on named in the environment (SSO_<SLUG>_ISSUER / _CLIENT_ID) wins at each start.
  if (config.sso.length > 0) {
    const sso = await applySsoSettings(pool, config.sso);
    if (sso.unknown.length > 0)
      app.log.warn({ organizations: sso.unknown }, 'SSO_* settings name unknown organizations');
    app.log.info({ changed: sso.changed }, 'single sign-on settings applied');
  }
  // Mail delivery, reminders, the reaper: jobs on the database's queue, shared with the other
  // replicas (docs/architecture.md, "Background work").
  const jobs = await startBackgroundJobs({ pool, storage, log: app.log }, config);

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ reason }, 'shutting down');
    // Requests in flight get a grace period; after that the process ends regardless.
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    // The job runner needs the pool until its jobs in progress are done.
    await Promise.all([app.close(), jobs.stop()]);
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Started by the launcher with an IPC channel: when the launcher dies, so does the API.
  process.on('disconnect', () => void shutdown('launcher exited'));

  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
