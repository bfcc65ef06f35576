export { findFreePort, waitForPort } from './ports.js';
export { createEmbeddedPostgres, type EmbeddedPostgres } from './postgres.js';
export { isProcessRunning, runningPostmaster } from './postmaster.js';
export { createEmbeddedS3, type EmbeddedS3, type EmbeddedS3Options } from './s3.js';
export { type EmbeddedStack, type StackEnvironment, startEmbeddedStack } from './stack.js';
export type { ProvidedStack } from './testing/provided-context.js';
export { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database.js';
export { createTempDataDir } from './testing/temp-dir.js';
