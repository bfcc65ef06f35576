import { expect } from 'vitest';
import { extractVersionText } from '../src/services/content/extract-version-text.js';
import type { TestClient } from './client.js';
import type { RunningApi } from './helpers.js';
import { pdfWithPages } from './text-files.js';

/**
 * Uploads a PDF whose pages hold these lines as a new version, and runs its extraction job right
 * away (the job queue's runner is not what these tests are about). Returns the version's id.
 */
export async function uploadSearchablePdf(
  api: RunningApi,
  client: TestClient,
  documentId: string,
  label: string,
  pages: string[][],
): Promise<string> {
  const pdf = await pdfWithPages(pages);
  const uploaded = await client.upload(
    documentId,
    label,
    new Blob([pdf], { type: 'application/pdf' }),
  );
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  const versionId = uploaded.body.id as string;
  expect(await extractVersionText(api, { versionId })).toBe('extracted');
  return versionId;
}

export interface SearchHit {
  id: string;
  identifier: string;
  textMatch?: {
    versionId: string;
    versionLabel: string;
    page: number | null;
    snippet: { text: string; highlighted: boolean }[];
  } | null;
}

export async function search(
  client: TestClient,
  q: string,
  more = '',
): Promise<{ items: SearchHit[]; nextCursor: string | null }> {
  const response = await client.json<{ items: SearchHit[]; nextCursor: string | null }>(
    'GET',
    `/api/v1/documents?q=${encodeURIComponent(q)}${more}`,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** The snippet's text as shown, with the highlighted parts in [brackets]. */
export function shown(hit: SearchHit | undefined): string {
  return (hit?.textMatch?.snippet ?? [])
    .map((part) => (part.highlighted ? `[${part.text}]` : part.text))
    .join('');
}
