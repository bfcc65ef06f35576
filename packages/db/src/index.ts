export { loadMigrations, type Migration, MigrationChecksumError, migrate } from './migrate.js';
export { checkDatabase, createPool, type Pool, type PoolClient, withTransaction } from './pool.js';
export { listOrganizations } from './queries/organizations.js';
export { listVisibleRegisters } from './queries/registers.js';
export {
  DEMO_OPERATOR_EMAIL,
  DEMO_PASSWORD,
  demoOrganizations,
  demoRegisters,
  demoUsers,
} from './seed/demo-data.js';
export { seedDemoData } from './seed/seed-demo.js';
