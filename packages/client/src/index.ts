export {
  type ClientOptions,
  LiaisonClient,
  normalizeApiUrl,
  type Progress,
  type Query,
  type RequestOptions,
  type SubmissionRequest,
  type SubmittedFiles,
  type UploadedVersion,
  type UploadRequest,
  type VersionDownload,
} from './client.js';
export { type DocumentRef, parseDocumentRef } from './document-ref.js';
export { LiaisonApiError, LiaisonNetworkError } from './errors.js';
export type * from './types.js';
export { mediaTypeOf } from './upload-body.js';
