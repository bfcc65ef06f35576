/** What the submission tests share: forms, the IPR policy hash, and before/after snapshots. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestClient } from './client.js';
import type { RunningApi } from './helpers.js';
import {
  type Answer,
  answerOf,
  type FormPart,
  MULTIPART_TYPE,
  multipartBody,
  postMultipart,
} from './raw-requests.js';
import { type StateSnapshot, snapshotState } from './state-snapshot.js';

/** The SHA-256 the API publishes for the organization's current IPR policy text. */
export async function iprSha256(client: TestClient, organization: string): Promise<string> {
  const policy = await client.json<{ sha256: string }>(
    'GET',
    `/api/v1/organizations/${organization}/ipr-policy`,
  );
  expect(policy.status).toBe(200);
  return policy.body.sha256;
}

export const field = (name: string, value: string): FormPart => ({ name, value });
export const filePart = (
  filename: string | Buffer,
  content: string | Buffer = '%PDF-1.7 submission',
  type = 'application/pdf',
): FormPart => ({ name: 'file', filename, content, type });

/** Text fields in the order of `values`; one set to undefined is left out of the form. */
export function fieldsOf(values: Record<string, string | undefined>): FormPart[] {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => field(name, value));
}

/** The text fields of a valid submission from the caller's organization to `to`. */
export function submissionFields(
  sha256: string,
  overrides: Record<string, string | undefined> = {},
): FormPart[] {
  return fieldsOf({
    register: 'ofa-dmtf',
    to: 'dmtf',
    title: 'Fabric model for Redfish',
    description: 'A contribution of the OFA fabric model',
    acceptIpr: 'true',
    iprPolicySha256: sha256,
    ...overrides,
  });
}

export async function postForm(
  client: TestClient,
  parts: FormPart[],
  options: { close?: boolean } = {},
): Promise<Answer> {
  return postMultipart(client, '/api/v1/submissions', parts, options);
}

export interface SubmissionBody {
  id: string;
  reference: string;
  state: string;
  from: { slug: string };
  to: { slug: string };
  submittedBy: string | null;
  ipr: { by: string | null; at: string; policySha256: string };
  files: { id: string; filename: string; size: number; sha256: string; mediaType: string }[];
  history: { from: string | null; to: string; reason: string | null; by: string | null }[];
  comments: { body: string; by: string | null; side: string }[];
  document: { id: string; identifier: string; how: string } | null;
  permissions: Record<string, boolean>;
}

/** Submits a valid submission as `client` (an editor or admin of ofa, by default to dmtf). */
export async function submit(
  client: TestClient,
  options: { to?: string; from?: string; title?: string; files?: FormPart[] } = {},
): Promise<SubmissionBody> {
  const to = options.to ?? 'dmtf';
  const sha = await iprSha256(client, to);
  const answer = await postForm(client, [
    ...submissionFields(sha, {
      to,
      ...(options.from ? { from: options.from } : {}),
      ...(options.title ? { title: options.title } : {}),
    }),
    ...(options.files ?? [filePart('model.pdf')]),
  ]);
  if (answer.status !== 201) throw new Error(`submitting failed: ${JSON.stringify(answer)}`);
  return answer.body as unknown as SubmissionBody;
}

export async function transition(
  client: TestClient,
  id: string,
  to: string,
  reason?: string,
): Promise<Answer<SubmissionBody & { error?: { code: string } }>> {
  return answerOf(
    await client.fetch(`/api/v1/submissions/${id}/transitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to, ...(reason !== undefined ? { reason } : {}) }),
    }),
  );
}

/** `client` comments on the submission; the answer holds the submission with its comments. */
export function commentOnSubmission(client: TestClient, id: string, body: string) {
  return client.json<SubmissionBody & { error?: { code: string } }>(
    'POST',
    `/api/v1/submissions/${id}/comments`,
    { body },
  );
}

const SNAPSHOT_TABLES = [
  'submissions',
  'submission_files',
  'submission_events',
  'submission_comments',
  'documents',
  'document_versions',
  'reviews',
  'review_comments',
  'review_dispositions',
  'mail_outbox',
  'audit_events',
];

/** Row count and digest of every table named (by default the submission and review ones), and every object of the bucket. */
export async function snapshot(
  api: RunningApi,
  tableNames: readonly string[] = SNAPSHOT_TABLES,
): Promise<StateSnapshot> {
  return snapshotState(api, tableNames);
}

/** Runs `action` between two snapshots and asserts that it changed nothing. */
export async function expectUnchanged<T>(
  api: RunningApi,
  action: () => Promise<T>,
  tableNames: readonly string[] = SNAPSHOT_TABLES,
): Promise<T> {
  const before = await snapshot(api, tableNames);
  const result = await action();
  expect(await snapshot(api, tableNames)).toEqual(before);
  return result;
}

/**
 * Posts a form of `fields` and two files to `path`, holding back the second file's bytes until
 * the first file is stored: by then every check before storing has passed. Answers `finish`,
 * which sends the rest and answers the API's answer, for the test to change things in between.
 */
export async function postHeldAfterFirstFile(
  api: RunningApi,
  client: TestClient,
  path: string,
  fields: FormPart[] = [],
): Promise<{ finish: () => Promise<Answer> }> {
  const storedBefore = (await snapshot(api, [])).objects.length;
  const second = randomBytes(2048);
  const full = multipartBody([
    ...fields,
    filePart('first.pdf', randomBytes(2048)),
    filePart('second.pdf', second),
  ]);
  // Up to the second file's bytes: the boundary before it tells the server the first file ended.
  const cut = full.indexOf(second);
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(full.subarray(0, cut));
      await released;
      controller.enqueue(full.subarray(cut));
      controller.close();
    },
  });
  const pending = client.fetch(path, {
    method: 'POST',
    headers: { 'content-type': MULTIPART_TYPE },
    body,
    duplex: 'half',
  } as RequestInit);
  for (let attempt = 0; ; attempt++) {
    if ((await snapshot(api, [])).objects.length > storedBefore) break;
    if (attempt > 200) {
      release();
      throw new Error('the first file was never stored');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    finish: async () => {
      release();
      return answerOf(await pending);
    },
  };
}

/** Asserts a clear 4xx: the status, the code, and exactly `{ error: { code, message } }`. */
export function expectError(answer: Answer<unknown>, status: number, code: string) {
  expect({ status: answer.status, body: answer.body }).toMatchObject({
    status,
    body: { error: { code, message: expect.any(String) } },
  });
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
}
