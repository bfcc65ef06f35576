/**
 * Vitest global setup shared by every workspace's integration tests: one real PostgreSQL and one
 * real S3 server per test run, on free ports and in a fresh temporary directory, so tests never
 * clash with a running `npm start` or with each other.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { type StackEnvironment, startEmbeddedStack } from '../stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackEnvironment;
    postgresDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-test-'));
  const stack = await startEmbeddedStack({ dataDir, ephemeral: true });
  project.provide('stack', stack.env);
  project.provide('postgresDataDir', join(dataDir, 'postgres'));
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
