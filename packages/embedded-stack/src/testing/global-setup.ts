/**
 * Vitest global setup shared by every workspace's integration tests: one real PostgreSQL and one
 * real S3 server per test run, on free ports and in a fresh temporary directory, so tests never
 * clash with a running `npm start` or with each other.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedStack } from '../stack.js';
import './provided-context.js';
import { createTempDataDir } from './temp-dir.js';

export default async function setup(project: TestProject) {
  const dataDir = await createTempDataDir('liaison-test');
  const stack = await startEmbeddedStack({ dataDir, ephemeral: true });
  project.provide('stack', stack.env);
  project.provide('postgresDataDir', join(dataDir, 'postgres'));
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
