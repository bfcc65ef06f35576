/**
 * One call to the Liaison API with an optional bearer token, answering typed JSON or a typed
 * error. No session access here (see admin-api.ts for that), so it can be tested on its own.
 */

export interface ApiError {
  /** The HTTP status; 0 when there was no HTTP answer at all. */
  status: number;
  /** The API's machine-readable code (`not_found`, `last_admin`, …), or one of ours. */
  code: string;
  message: string;
}

export type ApiResponse<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiError };

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Added to the URL; null, undefined and '' are left out. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The path with its query string; empty values are dropped. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function callApi<T>(
  baseUrl: string,
  token: string | null,
  path: string,
  call: ApiCall = {},
): Promise<ApiResponse<T>> {
  const method = call.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${baseUrl.replace(/\/+$/, '')}${withQuery(path, call.query)}`, {
      method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(call.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (err) {
    const timeout =
      err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return {
      ok: false,
      error: {
        status: 0,
        code: timeout ? 'timeout' : 'unreachable',
        message: timeout
          ? 'The Liaison API did not answer in time. Try again in a moment.'
          : 'The Liaison API cannot be reached right now. Try again in a moment.',
      },
    };
  }

  if (!response.ok) return { ok: false, error: await errorOf(response) };
  if (response.status === 204 || response.status === 205) {
    return { ok: true, status: response.status, data: undefined as T };
  }
  const text = await response.text().catch(() => null);
  if (text === null) {
    return { ok: false, error: invalid(response.status, 'The answer broke off.') };
  }
  if (text === '') return { ok: true, status: response.status, data: undefined as T };
  try {
    return { ok: true, status: response.status, data: JSON.parse(text) as T };
  } catch {
    return { ok: false, error: invalid(response.status, 'The answer was not valid JSON.') };
  }
}

function invalid(status: number, detail: string): ApiError {
  return { status, code: 'invalid_response', message: `The Liaison API answered oddly. ${detail}` };
}

/** The API's `{ error: { code, message } }`, or a stand-in from the status alone. */
async function errorOf(response: Response): Promise<ApiError> {
  const status = response.status;
  try {
    const body: unknown = await response.json();
    const error = isRecord(body) && isRecord(body.error) ? body.error : null;
    if (error && typeof error.message === 'string') {
      return {
        status,
        code: typeof error.code === 'string' ? error.code : codeOf(status),
        message: error.message.slice(0, 500),
      };
    }
  } catch {
    // No JSON body: the status has to speak for itself.
  }
  return { status, code: codeOf(status), message: messageOf(status) };
}

function codeOf(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'internal_error';
  return 'bad_request';
}

function messageOf(status: number): string {
  if (status === 401) return 'Your session has expired. Please sign in again.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'The Liaison API failed to handle this. Try again in a moment.';
  return `The Liaison API refused this (HTTP ${status}).`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
