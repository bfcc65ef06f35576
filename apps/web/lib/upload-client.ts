// The browser half of a new version: one multipart POST to the portal's streaming proxy
// (app/api/upload/[id]/route.ts), through lib/multipart-upload.ts.

import type { DocumentVersion } from '@liaison/core';
import {
  type UploadHandle as MultipartUploadHandle,
  postMultipart,
  readCreatedAnswer,
  type UploadCallbacks,
  type UploadFailure,
} from './multipart-upload';

export type UploadOutcome = { ok: true; version: DocumentVersion } | UploadFailure;

export type UploadHandle = MultipartUploadHandle<UploadOutcome>;

export function uploadUrl(documentId: string): string {
  return `/api/upload/${encodeURIComponent(documentId)}`;
}

/** Parses the proxy's answer: the stored version on 201, the API's error body otherwise. */
export function readUploadAnswer(status: number, text: string): UploadOutcome {
  return readCreatedAnswer(status, text, (body) =>
    typeof body.sha256 === 'string'
      ? { ok: true as const, version: body as unknown as DocumentVersion }
      : undefined,
  );
}

export function startUpload(
  documentId: string,
  fields: { label: string; changeNote: string },
  file: File,
  callbacks: UploadCallbacks = {},
): UploadHandle {
  // The API reads the label and change note first, then streams the file: the order of the parts
  // matters. The file's size before it lets the API stream it into storage in one PUT of that
  // length.
  const form = new FormData();
  form.append('label', fields.label);
  if (fields.changeNote) form.append('changeNote', fields.changeNote);
  form.append('size', String(file.size));
  form.append('file', file, file.name);
  return postMultipart(uploadUrl(documentId), form, readUploadAnswer, callbacks);
}
