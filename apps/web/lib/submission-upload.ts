// The browser half of a new submission: one multipart POST to the portal's streaming proxy
// (app/api/submissions/route.ts), which passes the bytes on to the API as they arrive. The API
// reads the fields first and then streams each file, so the order of the parts matters: every
// field, then the files. XMLHttpRequest rather than fetch(): it reports upload progress, and
// abort() cancels mid-file.

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
}

export type SubmissionOutcome =
  | { ok: true; id: string }
  | { ok: false; aborted: true }
  | {
      ok: false;
      aborted: false;
      /** 0 when the connection failed before any answer. */
      status: number;
      code?: string;
      detail?: string;
    };

export interface SubmissionUploadCallbacks {
  /** Bytes of the request body sent so far, and its total (the files plus the form around them). */
  onProgress?: (loaded: number, total: number) => void;
  /** Every byte is sent; the API is storing the files. */
  onSent?: () => void;
}

export interface SubmissionUploadHandle {
  done: Promise<SubmissionOutcome>;
  abort: () => void;
}

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
  for (const file of files) form.append('file', file, file.name);
  return form;
}

/** Parses the proxy's answer: the new submission's id on 201, the API's error body otherwise. */
export function readSubmissionAnswer(status: number, text: string): SubmissionOutcome {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const record = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null;
  if (status === 201 && record(body) && typeof body.id === 'string') {
    return { ok: true, id: body.id };
  }
  const error = record(body) && record(body.error) ? body.error : undefined;
  return {
    ok: false,
    aborted: false,
    status: status === 201 ? 502 : status,
    ...(typeof error?.code === 'string' ? { code: error.code } : {}),
    ...(typeof error?.message === 'string' ? { detail: error.message } : {}),
  };
}

export function startSubmissionUpload(
  fields: SubmissionFields,
  files: readonly File[],
  callbacks: SubmissionUploadCallbacks = {},
): SubmissionUploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<SubmissionOutcome>((resolve) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) callbacks.onProgress?.(event.loaded, event.total);
    };
    xhr.upload.onload = () => callbacks.onSent?.();
    xhr.onload = () => resolve(readSubmissionAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve({ ok: false, aborted: false, status: 0 });
    xhr.ontimeout = () => resolve({ ok: false, aborted: false, status: 0 });
    xhr.onabort = () => resolve({ ok: false, aborted: true });
  });
  xhr.open('POST', SUBMISSION_UPLOAD_URL);
  xhr.setRequestHeader('accept', 'application/json');
  xhr.send(submissionFormData(fields, files));
  return { done, abort: () => xhr.abort() };
}
