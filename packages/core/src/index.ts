export * from './admin-schemas.js';
export * from './document-schemas.js';
export * from './domain.js';
export * from './errors.js';
export * from './passwords.js';
export * from './policy/index.js';
export * from './schemas.js';
export * from './uploads.js';
