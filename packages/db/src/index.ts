export { loadMigrations, type Migration, MigrationChecksumError, migrate } from './migrate.js';
export { checkDatabase, createPool, type Pool, type PoolClient, withTransaction } from './pool.js';
export * from './queries/api-tokens.js';
export * from './queries/audit.js';
export * from './queries/documents.js';
export * from './queries/login-failures.js';
export { listOrganizations } from './queries/organizations.js';
export { readableDocumentCondition } from './queries/readable-documents.js';
export { listVisibleRegisters } from './queries/registers.js';
export * from './queries/users.js';
export * from './queries/versions.js';
export type { Queryable } from './queryable.js';
export {
  DEMO_OPERATOR_EMAIL,
  DEMO_PASSWORD,
  demoOrganizations,
  demoRegisters,
  demoUsers,
} from './seed/demo-data.js';
export { seedDemoData } from './seed/seed-demo.js';
