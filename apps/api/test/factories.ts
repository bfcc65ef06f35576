/**
 * Small factories for the data a test builds for itself through the API, so tests state only what
 * matters to them instead of leaning on the demo documents. Each call makes unique identifiers.
 */
import { expect } from 'vitest';
import type { TestClient } from './client.js';

let sequence = 0;

/** A fresh document identifier, unique within the test run. */
export function uniqueIdentifier(prefix = 'DOC'): string {
  sequence++;
  return `${prefix}-${process.pid}-${sequence}`;
}

export interface DocumentFields {
  organization: string;
  identifier?: string;
  title?: string;
  abstract?: string;
  status?: 'work-in-progress' | 'informational' | 'standard';
  visibility?: 'public' | 'partners' | 'organization';
  registers?: string[];
  watermark?: boolean;
}

/**
 * Creates a document through the API as `client` (an editor or admin of its organization):
 * unreleased, organization-only and without watermarks unless `fields` say otherwise (the small
 * stand-in files tests upload as PDFs could not be stamped; watermarks.test.ts tests those). Expects 201.
 */
export async function createDocument(
  client: TestClient,
  fields: DocumentFields,
): Promise<{ id: string; identifier: string }> {
  const identifier = fields.identifier ?? uniqueIdentifier();
  const created = await client.json<{ id: string }>('POST', '/api/v1/documents', {
    title: `Document ${identifier}`,
    abstract: `Abstract of ${identifier}`,
    status: 'work-in-progress',
    visibility: 'organization',
    registers: [],
    watermark: false,
    ...fields,
    identifier,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id, identifier };
}

/** Uploads a small version to a document as `client`. Expects 201; returns the version's id. */
export async function uploadVersion(
  client: TestClient,
  documentId: string,
  label = '0.1',
  content = `%PDF-1.7 ${documentId} ${label}`,
): Promise<string> {
  const uploaded = await client.upload(documentId, label, content);
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  return uploaded.body.id as string;
}

/** A document with one version: what most tests about reading, downloading and auditing need. */
export async function createDocumentWithVersion(
  client: TestClient,
  fields: DocumentFields,
): Promise<{ id: string; identifier: string; versionId: string }> {
  const document = await createDocument(client, fields);
  return { ...document, versionId: await uploadVersion(client, document.id) };
}
