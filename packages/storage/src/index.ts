// The storage interface, its errors and its key rules: everything object-storage.ts declares.
export * from './object-storage.js';
export {
  createS3Storage,
  DEFAULT_PART_SIZE,
  MIN_PART_SIZE,
  type S3Storage,
  type S3StorageConfig,
} from './s3-storage.js';
