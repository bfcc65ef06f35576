import { fileURLToPath } from 'node:url';

/** The repository root, whether this runs from src (dev) or dist (built). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const exitWithParentScript = fileURLToPath(
  new URL('../exit-with-parent.cjs', import.meta.url),
);
