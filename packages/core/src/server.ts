// Server-only helpers (node:crypto, Buffer): kept out of the browser-safe main entry.
export * from './client-address.js';
export * from './passwords.js';
export * from './uploads.js';
