export {
  type AppliedMigration,
  appliedMigrations,
  type BackupTable,
  beginDatabaseRestore,
  type DatabaseRestore,
  type DatabaseSnapshot,
  firstTableWithRows,
  openDatabaseSnapshot,
  type ReferencedObject,
  type SequenceValue,
} from './backup.js';
export { type BenchDocumentsOptions, seedBenchDocuments } from './bench/seed-documents.js';
export { BENCH_TEXT_WORDS, seedBenchTexts } from './bench/seed-texts.js';
export { loadMigrations, type Migration, MigrationChecksumError, migrate } from './migrate.js';
export { checkDatabase, createPool, type Pool, type PoolClient, withTransaction } from './pool.js';
export * from './queries/api-tokens.js';
export * from './queries/audit.js';
export * from './queries/audit-object-names.js';
export * from './queries/callers.js';
export * from './queries/caught-mail.js';
export * from './queries/document-downloads.js';
export * from './queries/documents.js';
export * from './queries/follows.js';
export * from './queries/invitations.js';
export * from './queries/jobs.js';
export * from './queries/login-failures.js';
export * from './queries/memberships.js';
export * from './queries/notifications.js';
export * from './queries/oidc-nonces.js';
export * from './queries/organization-settings.js';
export {
  findOrganization,
  listOrganizations,
  setOrganizationSso,
} from './queries/organizations.js';
export * from './queries/outbox.js';
export * from './queries/password-resets.js';
export { readableDocumentCondition } from './queries/readable-documents.js';
export * from './queries/register-details.js';
export * from './queries/register-events.js';
export * from './queries/register-records.js';
export { listVisibleRegisters } from './queries/registers.js';
export * from './queries/reviews.js';
export * from './queries/sessions.js';
export * from './queries/statements.js';
export * from './queries/submissions.js';
export * from './queries/text-matches.js';
export * from './queries/users.js';
export * from './queries/version-texts.js';
export * from './queries/versions.js';
export * from './queries/whats-new.js';
export type { Queryable } from './queryable.js';
export {
  DEMO_OPERATOR_EMAIL,
  DEMO_PASSWORD,
  type DemoDocument,
  type DemoStatement,
  demoDocuments,
  demoOrganizations,
  demoRegisters,
  demoReview,
  demoStatements,
  demoUsers,
} from './seed/demo-data.js';
export { seedDemoData } from './seed/seed-demo.js';
export {
  CALLER_CHANNEL,
  DOCUMENT_LIST_CHANNEL,
  listenForTableChanges,
  type TableChangeHandlers,
  type TableChangeListener,
} from './table-changes.js';
