/**
 * Statement mails through the outbox (issue 12): the mail on sending, and the deadline reminders,
 * each step exactly once however many checks run at once, stopped by an answer, and never
 * carrying the text of a statement for the parties.
 */
import { listOutbox, type OutboxRecord } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueStatementReminders } from '../src/services/notifications/statement-reminders.js';
import { TestClient } from './client.js';
import { type RunningApi, startApi } from './helpers.js';
import { createDraft, inDays, type StatementBody, sendStatement } from './statement-fixtures.js';

let api: RunningApi;
let dmtfEditor: TestClient;
let dmtfAdmin: TestClient;
let ofaAdmin: TestClient;

const CONFIDENTIAL = 'The confidential fabric numbers are 17 and 42.';
/** The statement's own response contacts, besides OFA's admin. */
const RESPONSE_CONTACT = 'fabric-liaison@dmtf.example';

beforeAll(async () => {
  api = await startApi();
  dmtfEditor = await TestClient.signIn(api.url, 'editor@dmtf.example');
  dmtfAdmin = await TestClient.signIn(api.url, 'admin@dmtf.example');
  ofaAdmin = await TestClient.signIn(api.url, 'admin@ofa.example');
});

afterAll(async () => {
  await api?.close();
});

/** A comment from DMTF to OFA, sent, with its deadline `days` from today. */
async function sentComment(days: number, visibility = 'parties'): Promise<StatementBody> {
  const draft = await createDraft(dmtfEditor, {
    to: ['ofa'],
    deadline: inDays(days),
    body: CONFIDENTIAL,
    visibility,
    responseContacts: [{ name: 'DMTF fabric liaison', email: RESPONSE_CONTACT }],
    technicalContacts: [],
  });
  return sendStatement(dmtfAdmin, draft.id);
}

async function mailsAbout(id: string, kind: string): Promise<OutboxRecord[]> {
  return (await listOutbox(api.pool, { kind })).filter(
    (mail) => mail.linkPath === `/statements/${id}`,
  );
}

/** Noon (UTC) of the day `days` from today: what the reminder job takes for "now". */
const dayFromToday = (days: number) => new Date(`${inDays(days)}T12:00:00Z`);

/** Two reminder checks at once, as two API processes would run them. */
async function twoChecksAt(now: Date): Promise<number> {
  const [first, second] = await Promise.all([
    enqueueStatementReminders(api.pool, { now }),
    enqueueStatementReminders(api.pool, { now }),
  ]);
  return first + second;
}

describe('statement mail', () => {
  it('on sending: a link without the text for a parties statement, the text for a public one', async () => {
    const closed = await sentComment(30);
    const [mail, ...others] = await mailsAbout(closed.id, 'statement.sent');
    expect([mail, ...others].map((each) => each!.recipient).sort()).toEqual(
      ['admin@ofa.example', RESPONSE_CONTACT].sort(),
    );
    expect(mail!.text).not.toContain(CONFIDENTIAL);
    expect(mail!.text).toContain('readable by the members of the sending and receiving');

    const open = await sentComment(30, 'public');
    const [publicMail] = await mailsAbout(open.id, 'statement.sent');
    expect(publicMail!.text).toContain(CONFIDENTIAL);
  });
});

describe('deadline reminders', () => {
  it('each step goes exactly once to the receiving admins and the response contacts, even with two checks at once', async () => {
    const statement = await sentComment(10);
    const recipients = ['admin@ofa.example', RESPONSE_CONTACT].sort();

    // 10 days left: the 14-day reminder.
    await twoChecksAt(dayFromToday(0));
    await twoChecksAt(dayFromToday(0));
    let reminders = await mailsAbout(statement.id, 'statement.reminder');
    expect(reminders.map((mail) => `${mail.dedupeKey} ${mail.recipient}`).sort()).toEqual(
      recipients.map((recipient) => `statement:${statement.id}:before-14 ${recipient}`),
    );

    // Two days later nothing new is due; a week later, 3 days before: the 3-day reminder.
    await twoChecksAt(dayFromToday(2));
    expect(await mailsAbout(statement.id, 'statement.reminder')).toHaveLength(2);
    await twoChecksAt(dayFromToday(7));
    await twoChecksAt(dayFromToday(7));
    reminders = await mailsAbout(statement.id, 'statement.reminder');
    expect(reminders.map((mail) => mail.dedupeKey).sort()).toEqual([
      `statement:${statement.id}:before-14`,
      `statement:${statement.id}:before-14`,
      `statement:${statement.id}:before-3`,
      `statement:${statement.id}:before-3`,
    ]);
    for (const mail of reminders) {
      expect(mail.text).not.toContain(CONFIDENTIAL);
      expect(mail.subject).toMatch(/^Liaison statement due in (14|3) days: /);
    }
  });

  it('overdue: weekly, for at most eight weeks', async () => {
    const statement = await sentComment(1);
    await twoChecksAt(dayFromToday(1 + 15));
    await twoChecksAt(dayFromToday(1 + 7 * 9));
    const keys = (await mailsAbout(statement.id, 'statement.reminder')).map(
      (mail) => mail.dedupeKey,
    );
    expect([...new Set(keys)]).toEqual([`statement:${statement.id}:overdue-2`]);
  });

  it('answering stops them', async () => {
    const statement = await sentComment(5);
    await twoChecksAt(dayFromToday(0));
    expect(await mailsAbout(statement.id, 'statement.reminder')).toHaveLength(2);
    const marked = await ofaAdmin.json('POST', `/api/v1/statements/${statement.id}/answered`, {});
    expect(marked.status).toBe(200);
    for (const days of [2, 4, 5, 12]) await twoChecksAt(dayFromToday(days));
    expect(await mailsAbout(statement.id, 'statement.reminder')).toHaveLength(2);
  });

  it('a response stops them, and a withdrawn statement gets none', async () => {
    const answered = await sentComment(3);
    const reply = await createDraft(await TestClient.signIn(api.url, 'editor@ofa.example'), {
      to: ['dmtf'],
      purpose: 'response',
      deadline: null,
      refersTo: [answered.id],
    });
    await sendStatement(ofaAdmin, reply.id);
    const withdrawn = await sentComment(3);
    const withdrawal = await dmtfAdmin.json('POST', `/api/v1/statements/${withdrawn.id}/withdraw`, {
      reason: 'Sent by mistake',
    });
    expect(withdrawal.status).toBe(200);
    await twoChecksAt(dayFromToday(3));
    expect(await mailsAbout(answered.id, 'statement.reminder')).toEqual([]);
    expect(await mailsAbout(withdrawn.id, 'statement.reminder')).toEqual([]);
  });
});
