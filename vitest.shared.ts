import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The one vitest configuration every workspace builds on. Workspace packages resolve to their
 * TypeScript sources through the `liaison-source` export condition, so tests need no build.
 * Setting conditions replaces Vite's defaults, so those are repeated.
 */
export function workspaceTestConfig(options: { integration: boolean; timeoutMs?: number }) {
  return defineConfig({
    resolve: { conditions: ['liaison-source', 'module', 'browser', 'development|production'] },
    ssr: {
      resolve: { conditions: ['liaison-source', 'module', 'node', 'development|production'] },
    },
    test: {
      include: ['test/**/*.test.ts'],
      testTimeout: options.timeoutMs ?? 60_000,
      hookTimeout: 120_000,
      // Integration tests share one real PostgreSQL and S3 server per run, started here.
      globalSetup: options.integration
        ? [
            fileURLToPath(
              new URL('./packages/embedded-stack/src/testing/global-setup.ts', import.meta.url),
            ),
          ]
        : [],
    },
  });
}
