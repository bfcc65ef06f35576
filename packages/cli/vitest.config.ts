import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { workspaceTestConfig } from '../../vitest.shared.js';

// The tests drive the built command (dist/main.js) as a child process: build it first.
export default mergeConfig(workspaceTestConfig({ integration: true, timeoutMs: 300_000 }), {
  test: { globalSetup: [fileURLToPath(new URL('./test/build-cli.ts', import.meta.url))] },
});
