import { workspaceTestConfig } from '../../vitest.shared.js';

export default workspaceTestConfig({ integration: false, timeoutMs: 120_000 });
