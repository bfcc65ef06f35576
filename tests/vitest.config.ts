import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['liaison-source'] },
  ssr: { resolve: { conditions: ['liaison-source'] } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Each test here starts whole servers; running them one at a time keeps a 2-core machine sane.
    fileParallelism: false,
  },
});
