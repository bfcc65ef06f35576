export * from './actor.js';
export * from './audit-policy.js';
export * from './document-policy.js';
export * from './mail-policy.js';
export * from './organization-policy.js';
export * from './register-policy.js';
export * from './statement-policy.js';
export * from './submission-policy.js';
