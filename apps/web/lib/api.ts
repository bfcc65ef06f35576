// Server-side access to the Liaison API. This is the only module that knows where the API
// lives; it reads LIAISON_API_URL at request time and must never be imported by a client
// component (the variable has no NEXT_PUBLIC_ prefix, so Next.js never ships it to browsers).

import type {
  Document,
  DocumentSummary,
  DocumentVersion,
  Organization,
  RegisterParty,
  WorkRegisterSummary,
} from '@liaison/core';

export type { Document, DocumentSummary, DocumentVersion, Organization };
export type WorkRegister = WorkRegisterSummary;

export const DEFAULT_API_URL = 'http://127.0.0.1:4000';

/** How long one API call may take before the page gives up on it. */
const DEFAULT_TIMEOUT_MS = 5_000;

export type ApiFailure =
  /** No HTTP answer at all: connection refused, reset, DNS failure or timeout. */
  | { kind: 'unreachable'; message: string }
  /**
   * An HTTP answer outside 2xx. `code` and `detail` are the API's error body ({ error: { code,
   * message } }) when it sent one; `detail` is meant for people, `message` for logs.
   */
  | { kind: 'http'; status: number; message: string; code?: string; detail?: string }
  /** A 2xx answer whose body is not the JSON the web app expects. */
  | { kind: 'invalid'; message: string };

export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; baseUrl: string; error: ApiFailure };

export interface ApiOptions {
  /** Overrides LIAISON_API_URL (tests). */
  baseUrl?: string;
  timeoutMs?: number;
  /**
   * The bearer token to send. Undefined: the signed-in session's (lib/session.ts); null: none,
   * an anonymous call.
   */
  token?: string | null;
}

/** The API base URL without a trailing slash, from LIAISON_API_URL or the default. */
export function apiBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.LIAISON_API_URL?.trim();
  return (raw ? raw : DEFAULT_API_URL).replace(/\/+$/, '');
}

/** The organizations (public). Anonymous unless `options.token` is given. */
export function listOrganizations(options: ApiOptions = {}): Promise<ApiResult<Organization[]>> {
  return getItems('/api/v1/organizations', isOrganization, { token: null, ...options });
}

/**
 * The work registers: approved ones for everyone, drafts for their parties. Anonymous unless
 * `options.token` is given.
 */
export function listRegisters(options: ApiOptions = {}): Promise<ApiResult<WorkRegister[]>> {
  return getItems('/api/v1/registers', isWorkRegister, { token: null, ...options });
}

export interface ApiFetchInit extends RequestInit {
  /** As in ApiOptions: undefined sends the session's token, null sends none. */
  token?: string | null;
  baseUrl?: string;
  /** Time allowed for the whole exchange; null for none (streams that last as long as they need). */
  timeoutMs?: number | null;
}

/**
 * fetch() against the API, server-side, with the session's bearer token (from the encrypted
 * session cookie) unless told otherwise. Never cached. Gives the raw Response: streaming proxies
 * pass its body on as it arrives.
 */
export async function apiFetch(path: string, init: ApiFetchInit = {}): Promise<Response> {
  const { token, baseUrl, timeoutMs, headers, signal, ...rest } = init;
  const bearer = token === undefined ? await sessionToken() : token;
  const merged = new Headers(headers);
  if (bearer) merged.set('authorization', `Bearer ${bearer}`);
  if (!merged.has('accept')) merged.set('accept', 'application/json');
  const limit = timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : timeoutMs;
  const signals = [signal, limit === null ? undefined : AbortSignal.timeout(limit)].filter(
    (value): value is AbortSignal => value instanceof AbortSignal,
  );
  return fetch(`${(baseUrl ?? apiBaseUrl()).replace(/\/+$/, '')}${path}`, {
    cache: 'no-store',
    ...rest,
    headers: merged,
    ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}),
  });
}

/** The session's API token; read lazily so this module stays importable outside Next.js (tests). */
async function sessionToken(): Promise<string | null> {
  const { getAccessToken } = await import('./session');
  return getAccessToken();
}

/**
 * One JSON exchange with the API: `body` is sent as JSON; a 2xx answer's JSON body (or null for
 * 204) is checked with `isData`. Failures come back as values, never thrown.
 */
export async function apiJson<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: ApiOptions & { body?: unknown; isData?: (value: unknown) => value is T } = {},
): Promise<ApiResult<T>> {
  const baseUrl = (options.baseUrl ?? apiBaseUrl()).replace(/\/+$/, '');
  const fail = (error: ApiFailure): ApiResult<T> => ({ ok: false, baseUrl, error });
  let response: Response;
  try {
    response = await apiFetch(path, {
      method,
      baseUrl,
      ...(options.token !== undefined ? { token: options.token } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.body !== undefined
        ? { body: JSON.stringify(options.body), headers: { 'content-type': 'application/json' } }
        : {}),
    });
  } catch (err) {
    return fail({
      kind: 'unreachable',
      message: `${method} ${path} failed: ${describeFetchError(err)}`,
    });
  }
  if (!response.ok) {
    const body = await errorBodyOf(response);
    return fail({
      kind: 'http',
      status: response.status,
      message: `${method} ${path} answered HTTP ${response.status}${body ? `: ${body.message}` : ''}`,
      ...(body ? { code: body.code, detail: body.message } : {}),
    });
  }
  let data: unknown = null;
  if (response.status !== 204) {
    try {
      data = await response.json();
    } catch {
      return fail({ kind: 'invalid', message: `${method} ${path} did not answer with valid JSON` });
    }
  }
  if (options.isData && !options.isData(data)) {
    return fail({ kind: 'invalid', message: `${method} ${path} answered an unexpected body` });
  }
  return { ok: true, data: data as T };
}

/** GET /api/v1/documents with a query string (see lib/library.ts), as the session's user. */
export function listDocuments(
  query: string,
  options: ApiOptions = {},
): Promise<ApiResult<{ items: DocumentSummary[]; nextCursor: string | null }>> {
  return apiJson('GET', `/api/v1/documents${query ? `?${query}` : ''}`, {
    ...options,
    isData: isDocumentList,
  });
}

/** GET /api/v1/documents/:id as the session's user; a 404 means missing or not visible. */
export function getDocument(id: string, options: ApiOptions = {}): Promise<ApiResult<Document>> {
  return apiJson('GET', `/api/v1/documents/${encodeURIComponent(id)}`, {
    ...options,
    isData: isDocument,
  });
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
    response = await apiFetch(path, {
      baseUrl,
      token: options.token === undefined ? null : options.token,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
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
  return (await errorBodyOf(response))?.message;
}

/** The API's JSON error body ({ error: { code, message } }), if there is one. */
export async function errorBodyOf(
  response: Response,
): Promise<{ code: string; message: string } | undefined> {
  try {
    const body: unknown = await response.json();
    if (isRecord(body) && isRecord(body.error) && isString(body.error.message)) {
      const code = isString(body.error.code) ? body.error.code : 'error';
      return { code, message: body.error.message.slice(0, 500) };
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

const STATUSES = ['work-in-progress', 'informational', 'standard'];
const VISIBILITY_VALUES = ['public', 'partners', 'organization'];

function isDocumentFields(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.organization) &&
    isString(value.identifier) &&
    isString(value.title) &&
    isString(value.abstract) &&
    STATUSES.includes(value.status as string) &&
    VISIBILITY_VALUES.includes(value.visibility as string) &&
    Array.isArray(value.registers) &&
    value.registers.every(isString) &&
    isRecord(value.permissions)
  );
}

function isDocumentSummary(value: unknown): value is DocumentSummary {
  return isDocumentFields(value) && (value.latestVersion === null || isRecord(value.latestVersion));
}

function isDocumentList(
  value: unknown,
): value is { items: DocumentSummary[]; nextCursor: string | null } {
  return (
    isRecord(value) &&
    Array.isArray(value.items) &&
    value.items.every(isDocumentSummary) &&
    isNullableString(value.nextCursor)
  );
}

function isVersion(value: unknown): value is DocumentVersion {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.label) &&
    isString(value.filename) &&
    typeof value.size === 'number' &&
    isString(value.mediaType) &&
    isString(value.sha256) &&
    isString(value.createdAt)
  );
}

function isDocument(value: unknown): value is Document {
  return (
    isDocumentFields(value) && Array.isArray(value.versions) && value.versions.every(isVersion)
  );
}
