// Server-side access to the Liaison API. This is the only module that knows where the API
// lives; it reads LIAISON_API_URL at request time and must never be imported by a client
// component (the variable has no NEXT_PUBLIC_ prefix, so Next.js never ships it to browsers).

import type { Organization, RegisterParty, WorkRegisterSummary } from '@liaison/core';

export type { Organization };
export type WorkRegister = WorkRegisterSummary;

export const DEFAULT_API_URL = 'http://127.0.0.1:4000';

/** How long one API call may take before the page gives up on it. */
const DEFAULT_TIMEOUT_MS = 5_000;

export type ApiFailure =
  /** No HTTP answer at all: connection refused, reset, DNS failure or timeout. */
  | { kind: 'unreachable'; message: string }
  /** An HTTP answer outside 2xx. */
  | { kind: 'http'; status: number; message: string }
  /** A 2xx answer whose body is not the JSON the web app expects. */
  | { kind: 'invalid'; message: string };

export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; baseUrl: string; error: ApiFailure };

export interface ApiOptions {
  /** Overrides LIAISON_API_URL (tests). */
  baseUrl?: string;
  timeoutMs?: number;
}

/** The API base URL without a trailing slash, from LIAISON_API_URL or the default. */
export function apiBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.LIAISON_API_URL?.trim();
  return (raw ? raw : DEFAULT_API_URL).replace(/\/+$/, '');
}

export function listOrganizations(options: ApiOptions = {}): Promise<ApiResult<Organization[]>> {
  return getItems('/api/v1/organizations', isOrganization, options);
}

export function listRegisters(options: ApiOptions = {}): Promise<ApiResult<WorkRegister[]>> {
  return getItems('/api/v1/registers', isWorkRegister, options);
}

async function getItems<T>(
  path: string,
  isItem: (value: unknown) => value is T,
  options: ApiOptions,
): Promise<ApiResult<T[]>> {
  const baseUrl = (options.baseUrl ?? apiBaseUrl()).replace(/\/+$/, '');
  const fail = (error: ApiFailure): ApiResult<T[]> => ({ ok: false, baseUrl, error });

  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      cache: 'no-store',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (err) {
    return fail({ kind: 'unreachable', message: `GET ${path} failed: ${describeFetchError(err)}` });
  }

  if (!response.ok) {
    const detail = await errorMessageOf(response);
    return fail({
      kind: 'http',
      status: response.status,
      message: `GET ${path} answered HTTP ${response.status}${detail ? `: ${detail}` : ''}`,
    });
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fail({ kind: 'invalid', message: `GET ${path} did not answer with valid JSON` });
  }

  if (!isRecord(body) || !Array.isArray(body.items)) {
    return fail({ kind: 'invalid', message: `GET ${path} answered without an "items" array` });
  }
  const items = body.items as unknown[];
  const bad = items.findIndex((item) => !isItem(item));
  if (bad !== -1) {
    return fail({
      kind: 'invalid',
      message: `GET ${path} answered a malformed item at index ${bad}`,
    });
  }
  return { ok: true, data: items as T[] };
}

/** The message of the API's JSON error body ({ error: { code, message } }), if there is one. */
async function errorMessageOf(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    if (isRecord(body) && isRecord(body.error) && isString(body.error.message)) {
      return body.error.message.slice(0, 200);
    }
  } catch {
    // Not JSON, or the connection dropped: the status code alone has to do.
  }
  return undefined;
}

function describeFetchError(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'no answer in time';
    // undici reports the socket-level reason (ECONNREFUSED, ECONNRESET, …) as the cause.
    const cause = (err as Error & { cause?: unknown }).cause;
    if (isRecord(cause) && typeof cause.code === 'string') return cause.code;
    if (cause instanceof Error && cause.message) return cause.message;
    return err.message;
  }
  return String(err);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isOrganization(value: unknown): value is Organization {
  return (
    isRecord(value) && isString(value.slug) && isString(value.name) && isString(value.description)
  );
}

function isRegisterParty(value: unknown): value is RegisterParty {
  return isRecord(value) && isString(value.organization) && isString(value.name);
}

function isWorkRegister(value: unknown): value is WorkRegister {
  return (
    isRecord(value) &&
    isString(value.slug) &&
    isString(value.title) &&
    isString(value.version) &&
    (value.state === 'draft' || value.state === 'approved') &&
    isNullableString(value.initiatedOn) &&
    isNullableString(value.reviewDue) &&
    Array.isArray(value.parties) &&
    value.parties.every(isRegisterParty)
  );
}
