// Server-side access to the Liaison API. This is the only module that knows where the API
// lives (LIAISON_API_URL, through lib/config.ts) and must never be imported by a client
// component (the variable has no NEXT_PUBLIC_ prefix, so Next.js never ships it to browsers; the
// session lookup below pulls in lib/session.ts, which is `server-only`).
//
// Two ways in: apiFetch gives the raw Response (streaming proxies), and callApi is one JSON
// exchange answering ApiResponse, which every page, action and route handler uses.

import type {
  Document,
  DocumentSummary,
  DocumentVersion,
  Organization,
  RegisterParty,
  WorkRegisterSummary,
} from '@liaison/core';
import { isDocumentStatus, isVisibility } from '@liaison/core';
import { type WebConfig, webConfig } from './config';

export type { Document, DocumentSummary, DocumentVersion, Organization };
export type WorkRegister = WorkRegisterSummary;

/** How long an apiFetch call may take before the page gives up on it, unless told otherwise. */
const DEFAULT_TIMEOUT_MS = 5_000;

/** How long one JSON exchange may take unless the caller says otherwise. */
const JSON_TIMEOUT_MS = 10_000;

export interface ApiError {
  /** The HTTP status; 0 when there was no HTTP answer at all. */
  status: number;
  /** The API's machine-readable code (`not_found`, `last_admin`, …), or one of ours. */
  code: string;
  /** Meant for people: the API's own message, or a stand-in from the status. */
  message: string;
}

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export type QueryValue = string | number | boolean | null | undefined;

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

export interface ApiCall<T> extends ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Added to the URL with withQuery. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Checks the shape of a 2xx answer's body; a mismatch is an `invalid_response` failure. */
  isData?: (value: unknown) => value is T;
}

/** The API base URL without a trailing slash, from LIAISON_API_URL or the default. */
export function apiBaseUrl(config: WebConfig = webConfig()): string {
  return config.apiUrl;
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
 * session cookie) unless told otherwise, and the browser's address (lib/browser-address.ts).
 * Never cached. Gives the raw Response: streaming proxies pass its body on as it arrives.
 */
export async function apiFetch(path: string, init: ApiFetchInit = {}): Promise<Response> {
  const { token, baseUrl, timeoutMs, headers, signal, ...rest } = init;
  const bearer = token === undefined ? await sessionToken() : token;
  const merged = new Headers(headers);
  for (const [name, value] of Object.entries(await browserAddressHeaders()))
    merged.set(name, value);
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

/** Read lazily, like the token: the request's headers exist only inside Next.js. */
async function browserAddressHeaders(): Promise<Record<string, string>> {
  const { callerAddressHeaders } = await import('./browser-address');
  return callerAddressHeaders();
}

/**
 * One JSON exchange with the API, never cached: `query` is added to the path, `body` is sent as
 * JSON, and a 2xx answer's JSON body (undefined for 204 or an empty body) is checked with
 * `isData`. Failures come back as values with a message for people, never thrown.
 *
 * A mutating call (any method but GET) made as the session is refused without a session, before
 * the API is asked: the form then tells the person to sign in again.
 */
export async function callApi<T>(path: string, call: ApiCall<T> = {}): Promise<ApiResponse<T>> {
  const method = call.method ?? 'GET';
  const token = call.token === undefined ? await sessionToken() : call.token;
  if (call.token === undefined && method !== 'GET' && !token) {
    return { ok: false, error: { status: 401, code: 'unauthenticated', message: messageOf(401) } };
  }

  let response: Response;
  try {
    response = await apiFetch(withQuery(path, call.query), {
      method,
      token,
      timeoutMs: call.timeoutMs ?? JSON_TIMEOUT_MS,
      redirect: 'manual',
      ...(call.baseUrl !== undefined ? { baseUrl: call.baseUrl } : {}),
      ...(call.body !== undefined
        ? { body: JSON.stringify(call.body), headers: { 'content-type': 'application/json' } }
        : {}),
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
  const text = response.status === 204 ? '' : await response.text().catch(() => null);
  if (text === null) return { ok: false, error: invalid(response.status, 'The answer broke off.') };
  let data: unknown;
  if (text !== '') {
    try {
      data = JSON.parse(text);
    } catch {
      return { ok: false, error: invalid(response.status, 'The answer was not valid JSON.') };
    }
  }
  if (call.isData && !call.isData(data)) {
    return { ok: false, error: invalid(response.status, 'The answer had an unexpected shape.') };
  }
  return { ok: true, data: data as T };
}

/** The path with its query string; null, undefined and '' are left out. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export interface AllPages<T> {
  items: T[];
  /** More pages existed than were fetched. */
  truncated: boolean;
}

/** Follows `nextCursor` through a keyset-paged list (`{ items, nextCursor }`), up to `maxPages`. */
export async function callApiAllPages<T>(
  path: string,
  query: Record<string, QueryValue> = {},
  {
    pageSize = 100,
    maxPages = 10,
    ...options
  }: ApiOptions & { pageSize?: number; maxPages?: number } = {},
): Promise<ApiResponse<AllPages<T>>> {
  const token = options.token === undefined ? await sessionToken() : options.token;
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const answer: ApiResponse<Page<T>> = await callApi(path, {
      ...options,
      token,
      query: { ...query, limit: pageSize, cursor },
      isData: isPage<T>,
    });
    if (!answer.ok) return answer;
    items.push(...answer.data.items);
    cursor = answer.data.nextCursor;
    if (!cursor) return { ok: true, data: { items, truncated: false } };
  }
  return { ok: true, data: { items, truncated: true } };
}

/** The organizations (public). Anonymous unless `options.token` is given. */
export async function listOrganizations(
  options: ApiOptions = {},
): Promise<ApiResponse<Organization[]>> {
  return itemsOf(
    await callApi('/api/v1/organizations', {
      token: null,
      ...options,
      isData: isListOf(isOrganization),
    }),
  );
}

/**
 * The work registers: approved ones for everyone, drafts for their parties. Anonymous unless
 * `options.token` is given.
 */
export async function listRegisters(
  options: ApiOptions = {},
): Promise<ApiResponse<WorkRegister[]>> {
  return itemsOf(
    await callApi('/api/v1/registers', {
      token: null,
      ...options,
      isData: isListOf(isWorkRegister),
    }),
  );
}

/** GET /api/v1/documents (see lib/library.ts), as the session's user unless told otherwise. */
export function listDocuments(
  query: Record<string, QueryValue>,
  options: ApiOptions = {},
): Promise<ApiResponse<{ items: DocumentSummary[]; nextCursor: string | null }>> {
  return callApi('/api/v1/documents', { ...options, query, isData: isDocumentList });
}

/** GET /api/v1/documents/:id as the session's user; a 404 means missing or not visible. */
export function getDocument(id: string, options: ApiOptions = {}): Promise<ApiResponse<Document>> {
  return callApi(`/api/v1/documents/${encodeURIComponent(id)}`, {
    ...options,
    isData: isDocument,
  });
}

function itemsOf<T>(answer: ApiResponse<{ items: T[] }>): ApiResponse<T[]> {
  return answer.ok ? { ok: true, data: answer.data.items } : answer;
}

/** The API's JSON error body ({ error: { code, message } }), if there is one. */
export async function errorBodyOf(
  response: Response,
): Promise<{ code: string; message: string } | undefined> {
  try {
    const body: unknown = await response.json();
    if (isRecord(body) && isRecord(body.error) && isString(body.error.message)) {
      const code = isString(body.error.code) ? body.error.code : codeOf(response.status);
      return { code, message: body.error.message.slice(0, 500) };
    }
  } catch {
    // Not JSON, or the connection dropped: the status code alone has to do.
  }
  return undefined;
}

/** The API's error body, or a stand-in from the status alone. */
async function errorOf(response: Response): Promise<ApiError> {
  const body = await errorBodyOf(response);
  return body
    ? { status: response.status, ...body }
    : {
        status: response.status,
        code: codeOf(response.status),
        message: messageOf(response.status),
      };
}

function invalid(status: number, detail: string): ApiError {
  return { status, code: 'invalid_response', message: `The Liaison API answered oddly. ${detail}` };
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

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isListOf<T>(isItem: (value: unknown) => value is T) {
  return (value: unknown): value is { items: T[] } =>
    isRecord(value) && Array.isArray(value.items) && value.items.every(isItem);
}

type Page<T> = { items: T[]; nextCursor: string | null };

/** The items themselves are the caller's type to trust, as with any other answer. */
function isPage<T>(value: unknown): value is Page<T> {
  return (
    isRecord(value) && Array.isArray(value.items) && isNullableString(value.nextCursor ?? null)
  );
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

function isDocumentFields(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.organization) &&
    isString(value.identifier) &&
    isString(value.title) &&
    isString(value.abstract) &&
    isDocumentStatus(value.status) &&
    isVisibility(value.visibility) &&
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
