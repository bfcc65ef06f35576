// The name a version's file is saved under, as the portal's downloads name it (no schema code).
export { versionDownloadName } from '@liaison/core/domain';
export {
  type AttachmentRequest,
  type ClientOptions,
  type CommentRequest,
  type ContentDownload,
  LiaisonClient,
  normalizeApiUrl,
  type PostedComment,
  type Progress,
  type Query,
  type RequestOptions,
  type SubmissionRequest,
  type SubmittedFiles,
  type UploadedAttachment,
  type UploadedVersion,
  type UploadRequest,
  type VersionDownload,
} from './client.js';
export { type DocumentRef, parseDocumentRef } from './document-ref.js';
export { LiaisonApiError, LiaisonNetworkError } from './errors.js';
export type * from './types.js';
export { mediaTypeOf } from './upload-body.js';
