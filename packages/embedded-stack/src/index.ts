export { findFreePort, waitForPort } from './ports.js';
export { createEmbeddedPostgres, type EmbeddedPostgres } from './postgres.js';
export { createEmbeddedS3, type EmbeddedS3 } from './s3.js';
export { type EmbeddedStack, type StackEnvironment, startEmbeddedStack } from './stack.js';
export { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database.js';
