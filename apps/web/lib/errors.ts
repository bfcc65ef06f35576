// What people read when the API says no. Pure, and safe in client components.

export interface ApiErrorInfo {
  /** HTTP status; 0 when the API could not be reached at all. */
  status: number;
  /** The API's machine-readable code ({ error: { code } }), when it sent one. */
  code?: string | undefined;
  /** The API's own message, when it sent one. */
  detail?: string | undefined;
}

/** A sentence for the person in front of the form, from the API's answer. */
export function describeApiError(error: ApiErrorInfo): string {
  const { status, code, detail } = error;
  if (status === 0) return 'Liaison cannot be reached right now. Try again in a moment.';
  if (status === 401) return 'Your session has expired. Sign in again, then retry.';
  if (status === 403) return detail ?? 'You are not allowed to do this.';
  if (status === 404) return 'This document no longer exists, or you can no longer see it.';
  if (status === 409 && code === 'duplicate_identifier') {
    return detail ?? 'The organization already has a document with this identifier.';
  }
  if (status === 409 && code === 'duplicate_label') {
    return detail ?? 'This document already has a version with this label.';
  }
  if (status === 413) return detail ?? 'The file is larger than Liaison accepts.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 400 && status < 500 && detail) return detail;
  return `Something went wrong on the server (HTTP ${status}). Try again in a moment.`;
}
