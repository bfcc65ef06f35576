import 'server-only';
import { apiBaseUrl } from './api';
import { type ApiCall, type ApiError, type ApiResponse, callApi } from './api-call';
import { getAccessToken } from './session';

export type { ApiCall, ApiError, ApiResponse };

/**
 * Calls the Liaison API as the signed-in person (bearer token from the session cookie), or
 * anonymously when nobody is signed in. Server-side only; never cached.
 */
export async function adminApi<T>(path: string, call: ApiCall = {}): Promise<ApiResponse<T>> {
  const token = await getAccessToken();
  return callApi<T>(apiBaseUrl(), token, path, call);
}

/** Like adminApi, but refuses to call at all without a session (for mutations). */
export async function adminApiSignedIn<T>(
  path: string,
  call: ApiCall = {},
): Promise<ApiResponse<T>> {
  const token = await getAccessToken();
  if (!token) {
    return {
      ok: false,
      error: {
        status: 401,
        code: 'unauthenticated',
        message: 'Your session has expired. Please sign in again.',
      },
    };
  }
  return callApi<T>(apiBaseUrl(), token, path, call);
}

export type PagedResult<T> =
  | { ok: true; items: T[] /** More pages existed than were fetched. */; truncated: boolean }
  | { ok: false; error: ApiError };

/**
 * Follows `nextCursor` through a keyset-paged list (`{ items, nextCursor }`), up to `maxPages`
 * pages, as the signed-in person.
 */
export async function adminApiAllPages<T>(
  path: string,
  query: Record<string, string | number | undefined> = {},
  { pageSize = 100, maxPages = 10 }: { pageSize?: number; maxPages?: number } = {},
): Promise<PagedResult<T>> {
  const token = await getAccessToken();
  const items: T[] = [];
  let cursor: string | null | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await callApi<{ items: T[]; nextCursor: string | null }>(
      apiBaseUrl(),
      token,
      path,
      { query: { ...query, limit: pageSize, cursor: cursor ?? undefined } },
    );
    if (!answer.ok) return answer;
    items.push(...(answer.data?.items ?? []));
    cursor = answer.data?.nextCursor;
    if (!cursor) return { ok: true, items, truncated: false };
  }
  return { ok: true, items, truncated: true };
}
