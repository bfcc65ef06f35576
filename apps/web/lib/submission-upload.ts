// The browser half of a new submission: one multipart POST to the portal's streaming proxy
// (app/api/submissions/route.ts), through lib/multipart-upload.ts. The API reads the fields first
// and then streams each file, so the order of the parts matters: every field, then the files.

import {
  postMultipart,
  readCreatedAnswer,
  type UploadCallbacks,
  type UploadFailure,
  type UploadHandle,
} from './multipart-upload';

export const SUBMISSION_UPLOAD_URL = '/api/submissions';

/** What the form sends before the files (the API's multipart field names). */
export interface SubmissionFields {
  register: string;
  to: string;
  /** The submitting organization: the API needs it only when the person could submit for several. */
  from: string;
  title: string;
  description: string;
  /** The person ticked the acknowledgement of the receiving organization's IPR policy. */
  acceptIpr: boolean;
  /** SHA-256 (hex) of the exact policy text the form showed. */
  iprPolicySha256: string;
  /** Liaison document versions to copy in, as `<documentId>@<versionId>`. */
  attach: readonly string[];
}

export type SubmissionOutcome = { ok: true; id: string } | UploadFailure;

export type SubmissionUploadHandle = UploadHandle<SubmissionOutcome>;

/** The multipart body: the fields in the order the API reads them, then one `file` part each. */
export function submissionFormData(fields: SubmissionFields, files: readonly File[]): FormData {
  const form = new FormData();
  form.append('register', fields.register);
  form.append('to', fields.to);
  if (fields.from) form.append('from', fields.from);
  form.append('title', fields.title);
  form.append('description', fields.description);
  form.append('acceptIpr', fields.acceptIpr ? 'true' : 'false');
  form.append('iprPolicySha256', fields.iprPolicySha256);
  appendAttachedAndFiles(form, fields.attach, files);
  return form;
}

/** The `attach` field (when any version is attached), then one `file` part each. */
function appendAttachedAndFiles(form: FormData, attach: readonly string[], files: readonly File[]) {
  if (attach.length > 0) form.append('attach', attach.join(' '));
  for (const file of files) {
    // Its size first: the API then streams it into storage in one PUT of that length.
    form.append('size', String(file.size));
    form.append('file', file, file.name);
  }
}

/** The URL the portal proxies a submission's added files through (app/api/submissions/[id]/files). */
export function submissionFilesUploadUrl(submissionId: string): string {
  return `${SUBMISSION_UPLOAD_URL}/${encodeURIComponent(submissionId)}/files`;
}

/** Adds uploaded files and attached document versions to an open submission. */
export function startSubmissionFilesUpload(
  submissionId: string,
  attach: readonly string[],
  files: readonly File[],
  callbacks: UploadCallbacks = {},
): SubmissionUploadHandle {
  const form = new FormData();
  appendAttachedAndFiles(form, attach, files);
  return postMultipart(
    submissionFilesUploadUrl(submissionId),
    form,
    readSubmissionAnswer,
    callbacks,
  );
}

/** Parses the proxy's answer: the new submission's id on 201, the API's error body otherwise. */
export function readSubmissionAnswer(status: number, text: string): SubmissionOutcome {
  return readCreatedAnswer(status, text, (body) =>
    typeof body.id === 'string' ? { ok: true as const, id: body.id } : undefined,
  );
}

export function startSubmissionUpload(
  fields: SubmissionFields,
  files: readonly File[],
  callbacks: UploadCallbacks = {},
): SubmissionUploadHandle {
  return postMultipart(
    SUBMISSION_UPLOAD_URL,
    submissionFormData(fields, files),
    readSubmissionAnswer,
    callbacks,
  );
}
