import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { type ApiResponse, type Document, getDocument } from '../../../lib/api';
import { isUuid } from '../../../lib/proxy';

/**
 * The document as the session's user may see it, once per request (metadata and page share it).
 * Missing and not visible are the same 404, exactly as the API answers.
 */
export const loadDocument = cache(async (id: string): Promise<ApiResponse<Document>> => {
  if (!isUuid(id)) notFound();
  const result = await getDocument(id);
  if (!result.ok && result.error.status === 404) notFound();
  return result;
});
