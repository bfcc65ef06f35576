import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['liaison-source'] },
  ssr: { resolve: { conditions: ['liaison-source'] } },
  test: {
    globalSetup: ['../embedded-stack/src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
