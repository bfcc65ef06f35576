/** What the statement tests share: drafting, sending, attaching, and before/after snapshots. */
import { addDays, utcDate } from '@liaison/core';
import { expect } from 'vitest';
import type { TestClient } from './client.js';
import type { RunningApi } from './helpers.js';
import { type Answer, type FormPart, postMultipart } from './raw-requests.js';
import { expectUnchanged } from './submission-fixtures.js';

export interface StatementLinkBody {
  id: string;
  title: string;
  state: string;
}

export interface StatementBody {
  id: string;
  title: string;
  body: string;
  purpose: string;
  deadline: string | null;
  visibility: string;
  state: string;
  owed: boolean;
  from: { slug: string };
  to: { slug: string }[];
  answer: {
    organization: { slug: string };
    by: string | null;
    note: string | null;
    response: StatementLinkBody | null;
  } | null;
  responseContacts: { name: string; email: string }[];
  technicalContacts: { name: string; email: string }[];
  refersTo: StatementLinkBody[];
  referredBy: StatementLinkBody[];
  attachments: { id: string; filename: string; size: number; sha256: string }[];
  attachmentCount: number;
  withdrawal: { reason: string; by: string | null } | null;
  history: { what: string; note: string | null; by: string | null }[];
  permissions: Record<string, boolean>;
  error?: { code: string };
}

export interface StatementListBody {
  items: StatementBody[];
  nextCursor: string | null;
}

/** Asserts a clear 4xx from `TestClient.json`: the status, and exactly `{ error: { code, message } }`. */
export function expectRefusal(
  answer: { status: number; body: unknown },
  status: number,
  code: string,
) {
  expect(answer).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
}

/** A date `days` from today (UTC), YYYY-MM-DD. */
export const inDays = (days: number) => addDays(utcDate(new Date()), days);

/** Every table a statement lives in, and what a change leaves behind (audit, mail). */
export const STATEMENT_TABLES = [
  'statements',
  'statement_recipients',
  'statement_contacts',
  'statement_references',
  'statement_attachments',
  'statement_events',
  'statement_answers',
  'audit_events',
  'mail_outbox',
];

/** Runs `action` and asserts that no statement table, no audit row, no mail and no object changed. */
export function expectNothingChanged<T>(api: RunningApi, action: () => Promise<T>): Promise<T> {
  return expectUnchanged(api, action, STATEMENT_TABLES);
}

/** A comment from OFA to DMTF under the OFA/DMTF register, due in 20 days, unless overridden. */
export function statementInput(overrides: Record<string, unknown> = {}) {
  return {
    register: 'ofa-dmtf',
    to: ['dmtf'],
    title: 'Fabric model: comments welcome',
    body: 'Please comment on the **fabric model** by the deadline.',
    purpose: 'comment',
    deadline: inDays(20),
    ...overrides,
  };
}

export async function createDraft(
  client: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<StatementBody> {
  const created = await client.json<StatementBody>(
    'POST',
    '/api/v1/statements',
    statementInput(overrides),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

export async function sendStatement(client: TestClient, id: string): Promise<StatementBody> {
  const sent = await client.json<StatementBody>('POST', `/api/v1/statements/${id}/send`);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return sent.body;
}

export async function attach(
  client: TestClient,
  id: string,
  parts: FormPart[],
  options: { close?: boolean } = {},
): Promise<Answer<StatementBody>> {
  return postMultipart(client, `/api/v1/statements/${id}/attachments`, parts, options);
}

/** Every id `client` can list with `query`, through every page. */
export async function listAll(client: TestClient, query = ''): Promise<string[]> {
  const listed: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: StatementListBody } = await client.json(
      'GET',
      `/api/v1/statements?limit=7${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    if (page.status !== 200) throw new Error(`listing failed: ${JSON.stringify(page)}`);
    listed.push(...page.body.items.map((item) => item.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return listed;
}
