// The browser half of an upload: one multipart POST to the portal's streaming proxy
// (app/api/upload/[id]/route.ts), which passes the bytes to the API as they arrive. XMLHttpRequest
// rather than fetch(): it reports upload progress, and abort() cancels mid-file.

import type { DocumentVersion } from '@liaison/core';

export type UploadOutcome =
  | { ok: true; version: DocumentVersion }
  | { ok: false; aborted: true }
  | {
      ok: false;
      aborted: false;
      /** 0 when the connection failed before any answer. */
      status: number;
      code?: string;
      detail?: string;
    };

export interface UploadCallbacks {
  /** Bytes of the request body sent so far, and its total (the file plus a few hundred bytes). */
  onProgress?: (loaded: number, total: number) => void;
  /** Every byte is sent; the API is storing the file and computing its checksum. */
  onSent?: () => void;
}

export interface UploadHandle {
  done: Promise<UploadOutcome>;
  abort: () => void;
}

export function uploadUrl(documentId: string): string {
  return `/api/upload/${encodeURIComponent(documentId)}`;
}

/** Parses the proxy's answer: the stored version on 201, the API's error body otherwise. */
export function readUploadAnswer(status: number, text: string): UploadOutcome {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const record = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null;
  if (status === 201 && record(body) && typeof body.sha256 === 'string') {
    return { ok: true, version: body as unknown as DocumentVersion };
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

export function startUpload(
  documentId: string,
  label: string,
  file: File,
  callbacks: UploadCallbacks = {},
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) callbacks.onProgress?.(event.loaded, event.total);
    };
    xhr.upload.onload = () => callbacks.onSent?.();
    xhr.onload = () => resolve(readUploadAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve({ ok: false, aborted: false, status: 0 });
    xhr.ontimeout = () => resolve({ ok: false, aborted: false, status: 0 });
    xhr.onabort = () => resolve({ ok: false, aborted: true });
  });
  // The API reads the label first, then streams the file: the order of the parts matters.
  const form = new FormData();
  form.append('label', label);
  form.append('file', file, file.name);
  xhr.open('POST', uploadUrl(documentId));
  xhr.setRequestHeader('accept', 'application/json');
  xhr.send(form);
  return { done, abort: () => xhr.abort() };
}
