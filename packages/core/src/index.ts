export * from './domain.js';
export * from './errors.js';
export * from './passwords.js';
export * from './schemas.js';
