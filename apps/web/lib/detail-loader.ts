import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { ApiResponse } from './api';
import { isUuid } from './proxy';
import { signInAgain } from './session';

/**
 * The loader of a detail page's object as the visitor may see it, once per request (metadata and
 * page share it). A malformed id, a missing object and one the visitor may not read are the same
 * 404, exactly as the API answers; with `pathOf`, an expired session signs in again back to it.
 */
export function detailLoader<T>(
  get: (id: string) => Promise<ApiResponse<T>>,
  pathOf?: (id: string) => string,
): (id: string) => Promise<ApiResponse<T>> {
  return cache(async (id: string) => {
    if (!isUuid(id)) notFound();
    const result = await get(id);
    if (!result.ok && result.error.status === 404) notFound();
    if (!result.ok && result.error.status === 401 && pathOf) signInAgain(pathOf(id));
    return result;
  });
}

/**
 * A detail page's `generateMetadata`: its object's title as `titleOf` words it, or `fallback`
 * where the object cannot be shown (the page itself says why).
 */
export function detailTitle<T>(
  load: (id: string) => Promise<ApiResponse<T>>,
  titleOf: (object: T) => string,
  fallback: string,
): (props: { params: Promise<{ id: string }> }) => Promise<Metadata> {
  return async ({ params }) => {
    const result = await load((await params).id);
    return { title: result.ok ? titleOf(result.data) : fallback };
  };
}
