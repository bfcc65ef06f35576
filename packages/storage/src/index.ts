export {
  type ByteRange,
  InvalidRangeError,
  isValidKeyPrefix,
  isValidObjectKey,
  type ObjectInfo,
  ObjectNotFoundError,
  type ObjectStorage,
  type ObjectSummary,
  ObjectTooLargeError,
  type PutStreamOptions,
  SourceStreamError,
  StorageError,
  StorageUnavailableError,
  type StoredObject,
  UploadAbortedError,
} from './object-storage.js';
export {
  createS3Storage,
  DEFAULT_PART_SIZE,
  MIN_PART_SIZE,
  type S3Storage,
  type S3StorageConfig,
} from './s3-storage.js';
