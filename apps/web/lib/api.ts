// Server-side access to the Liaison API. This is the only module that knows where the API
// lives (LIAISON_API_URL, through lib/config.ts) and must never be imported by a client
// component (the variable has no NEXT_PUBLIC_ prefix, so Next.js never ships it to browsers; the
// session lookup below pulls in lib/session.ts, which is `server-only`).
//
// JSON calls go through @liaison/client, the typed client the CLI and the tests use: fromApi
// hands a call a client made for the session and the browser, and answers ApiResponse, failures
// as values with a message for people. Its answers are typed by the client (from core's schemas)
// and trusted as the CLI trusts them. apiFetch gives the raw Response for the streaming proxies.

import {
  type Document,
  type DocumentDownloadList,
  type DocumentDownloadsQuery,
  type DocumentList,
  type DocumentListQuery,
  type DocumentSummary,
  type DocumentVersion,
  LiaisonApiError,
  LiaisonClient,
  LiaisonNetworkError,
  type Organization,
  type Query,
  type WorkRegisterSummary,
} from '@liaison/client';
import { type WebConfig, webConfig } from './config';

export type {
  Document,
  DocumentDownloadList,
  DocumentSummary,
  DocumentVersion,
  LiaisonClient,
  Organization,
};
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

export interface ApiOptions {
  /** Overrides LIAISON_API_URL (tests). */
  baseUrl?: string;
  /** Time allowed for each JSON exchange, up to its answer's last byte. */
  timeoutMs?: number;
  /**
   * The bearer token to send. Undefined: the signed-in session's (lib/session.ts); null: none,
   * an anonymous call.
   */
  token?: string | null;
}

export interface FromApiOptions extends ApiOptions {
  /**
   * For calls that change something: made as the session (no `token` given) without one, it is
   * refused as 401 before the API is asked, and the form tells the person to sign in again.
   */
  requireSession?: boolean;
}

export interface ApiCall extends ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Added to the URL; undefined, null and '' values are left out. */
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
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
 * Never cached. Gives the raw Response: the download and upload proxies hand its body, a web
 * stream, straight to and from Next.js, which LiaisonClient's node:http streams would only add
 * a conversion to.
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
  const { callerHeaders } = await import('./browser-address');
  return callerHeaders();
}

/**
 * Makes `call` with a client of the API as the session's user (unless `options.token` says
 * otherwise) on behalf of the browser being served, each exchange limited to 10 s. What the API
 * refused, and an API that cannot be reached or is too slow, come back as values, never thrown.
 */
export async function fromApi<T>(
  call: (client: LiaisonClient) => Promise<T>,
  options: FromApiOptions = {},
): Promise<ApiResponse<T>> {
  const token = options.token === undefined ? await sessionToken() : options.token;
  if (options.requireSession && options.token === undefined && !token) {
    return { ok: false, error: { status: 401, code: 'unauthenticated', message: messageOf(401) } };
  }
  const client = new LiaisonClient({
    url: options.baseUrl ?? apiBaseUrl(),
    token: token ?? undefined,
    timeoutMs: options.timeoutMs ?? JSON_TIMEOUT_MS,
    headers: await browserAddressHeaders(),
    userAgent: 'liaison-web',
  });
  try {
    return { ok: true, data: await call(client) };
  } catch (error) {
    return { ok: false, error: failureOf(error) };
  }
}

/**
 * One JSON exchange with a route that has no typed method in LiaisonClient; the answer's JSON
 * (undefined for 204) is trusted to be a T. A call that changes something (any method but GET)
 * requires a session when made as the session (see FromApiOptions).
 */
export function callApi<T>(path: string, call: ApiCall = {}): Promise<ApiResponse<T>> {
  const { method = 'GET', query, body, ...options } = call;
  return fromApi((client) => client.request<T>(method, path, { query, body }), {
    ...options,
    requireSession: method !== 'GET',
  });
}

export interface AllPages<T> {
  items: T[];
  /** More pages existed than were fetched. */
  truncated: boolean;
}

/** Where a page starts, and its size, for a keyset-paged list's query. */
export interface PageQuery {
  limit: number;
  cursor?: string;
}

/**
 * Follows `nextCursor` through a keyset-paged list, up to `maxPages`: `page` asks for one page,
 * e.g. `(client, page) => client.listDocuments({ register, ...page })`.
 */
export function fromApiAllPages<T>(
  page: (
    client: LiaisonClient,
    query: PageQuery,
  ) => Promise<{ items: T[]; nextCursor: string | null }>,
  {
    pageSize = 100,
    maxPages = 10,
    ...options
  }: ApiOptions & { pageSize?: number; maxPages?: number } = {},
): Promise<ApiResponse<AllPages<T>>> {
  return fromApi(async (client) => {
    const items: T[] = [];
    let cursor: string | null = null;
    for (let fetched = 0; fetched < maxPages; fetched++) {
      const answer = await page(client, { limit: pageSize, ...(cursor ? { cursor } : {}) });
      items.push(...answer.items);
      cursor = answer.nextCursor;
      if (!cursor) return { items, truncated: false };
    }
    return { items, truncated: true };
  }, options);
}

/** The organizations (public). Anonymous unless `options.token` is given. */
export function listOrganizations(options: ApiOptions = {}): Promise<ApiResponse<Organization[]>> {
  return fromApi(async (client) => (await client.listOrganizations()).items, {
    token: null,
    ...options,
  });
}

/**
 * The work registers: approved ones for everyone, drafts for their parties. Anonymous unless
 * `options.token` is given.
 */
export function listRegisters(options: ApiOptions = {}): Promise<ApiResponse<WorkRegister[]>> {
  return fromApi(async (client) => (await client.listRegisters()).items, {
    token: null,
    ...options,
  });
}

/** One page of GET /api/v1/documents (see lib/library.ts), as the session's user unless told otherwise. */
export function listDocuments(
  query: DocumentListQuery,
  options: ApiOptions = {},
): Promise<ApiResponse<DocumentList>> {
  return fromApi((client) => client.listDocuments(query), options);
}

/** A document as the session's user may see it; a 404 means missing or not visible. */
export function getDocument(id: string, options: ApiOptions = {}): Promise<ApiResponse<Document>> {
  return fromApi((client) => client.getDocument(id), options);
}

/** One page of who downloaded the document, for those the API lets see it (`seeDownloads`). */
export function listDocumentDownloads(
  id: string,
  query: DocumentDownloadsQuery,
  options: ApiOptions = {},
): Promise<ApiResponse<DocumentDownloadList>> {
  return fromApi((client) => client.listDocumentDownloads(id, query), options);
}

/** What a failed call tells people; anything but the client's two failures is a bug, thrown on. */
function failureOf(error: unknown): ApiError {
  if (error instanceof LiaisonNetworkError) {
    return error.code === 'ETIMEDOUT'
      ? {
          status: 0,
          code: 'timeout',
          message: 'The Liaison API did not answer in time. Try again in a moment.',
        }
      : {
          status: 0,
          code: 'unreachable',
          message: 'The Liaison API cannot be reached right now. Try again in a moment.',
        };
  }
  if (!(error instanceof LiaisonApiError)) throw error;
  const { status, code } = error;
  if (code === 'invalid_response') {
    return { status, code, message: 'The Liaison API answered oddly. Try again in a moment.' };
  }
  // The client names an answer without the API's error body by its status alone.
  if (/^http_\d+$/.test(code)) return { status, code: codeOf(status), message: messageOf(status) };
  return { status, code, message: error.message.slice(0, 500) };
}

/** The API's JSON error body ({ error: { code, message } }), if there is one. */
export async function errorBodyOf(
  response: Response,
): Promise<{ code: string; message: string } | undefined> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = body?.error ?? {};
    if (typeof message === 'string') {
      return {
        code: typeof code === 'string' ? code : codeOf(response.status),
        message: message.slice(0, 500),
      };
    }
  } catch {
    // Not JSON, or the connection dropped: the status code alone has to do.
  }
  return undefined;
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
