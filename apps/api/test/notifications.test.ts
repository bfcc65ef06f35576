import { enqueueMail, listOutbox } from '@liaison/db';
import Fastify from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../src/services/notifications/deliver-mail.js';
import { startMailCatcher } from '../src/services/notifications/mail-catcher.js';
import { createSmtpSender, type MailSender } from '../src/services/notifications/mail-sender.js';
import { enqueueReviewReminders } from '../src/services/notifications/review-reminders.js';
import { TestClient } from './client.js';
import { type RunningApi, startApi } from './helpers.js';
import { MAIL_FROM, mailDelivery, useApiWithMail, WEB_URL } from './mail-bench.js';
import { useApi } from './signed-in-api.js';
import { startSmtpServer } from './smtp-server.js';
import {
  commentOnSubmission,
  filePart,
  iprSha256,
  postForm,
  submissionFields,
  transition,
} from './submission-fixtures.js';

const log = Fastify({ logger: false }).log;

/** Ends the SMTP servers and senders a test started, even when it fails. */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function smtpServer(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const server = await startSmtpServer(options);
  cleanups.push(() => server.close());
  return server;
}

function senderTo(port: number): MailSender {
  const sender = createSmtpSender(`smtp://127.0.0.1:${port}`, MAIL_FROM);
  cleanups.push(() => sender.close());
  return sender;
}

/** A loopback port nothing listens on (a server bound it and closed it again). */
async function closedPort(): Promise<number> {
  const server = await startSmtpServer();
  await server.close();
  return server.port;
}

const pending = (rows: Awaited<ReturnType<typeof listOutbox>>) =>
  rows.filter((row) => row.sentAt === null && row.failedAt === null);

describe('the outbox and its delivery worker', () => {
  const started = useApi();
  afterEach(async () => {
    await started.api.pool.query('delete from mail_outbox');
  });

  it('keeps mail queued while the SMTP server is down and sends it once when it is back', async () => {
    await enqueueMail(started.api.pool, {
      kind: 'test',
      recipients: ['someone@example.com'],
      subject: 'Hello',
      text: 'Body',
      linkPath: '/documents/x',
    });
    const port = await closedPort();
    const sender = senderTo(port);
    const now = new Date();

    expect(await deliverDueMail(mailDelivery(started.api.pool, sender), now)).toEqual({
      sent: 0,
      deferred: 1,
      failed: 0,
    });
    let [row] = await listOutbox(started.api.pool);
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
    // Backoff: the next attempt is a minute later, not right away.
    expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    expect(await deliverDueMail(mailDelivery(started.api.pool, sender), now)).toEqual({
      sent: 0,
      deferred: 0,
      failed: 0,
    });

    // Second failure: the wait doubles.
    const later = new Date(now.getTime() + 60_000);
    await deliverDueMail(mailDelivery(started.api.pool, sender), later);
    [row] = await listOutbox(started.api.pool);
    expect(row).toMatchObject({ attempts: 2, sentAt: null });
    expect(row!.nextAttemptAt.getTime()).toBe(later.getTime() + 120_000);

    const server = await smtpServer({ port });
    const back = new Date(later.getTime() + 120_000);
    expect((await deliverDueMail(mailDelivery(started.api.pool, sender), back)).sent).toBe(1);
    [row] = await listOutbox(started.api.pool);
    expect(row).toMatchObject({ attempts: 3, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({
      from: 'liaison@example.org',
      to: ['someone@example.com'],
      subject: 'Hello',
    });
    expect(server.received[0]!.text).toContain(`Body\n\n${WEB_URL}/documents/x`);

    // Sent is sent: later passes find nothing to do.
    await deliverDueMail(
      mailDelivery(started.api.pool, sender),
      new Date(back.getTime() + 86_400_000),
    );
    expect(server.received).toHaveLength(1);
  });

  it('gives up on a recipient the server refuses for good (5xx), and sends the others', async () => {
    const server = await smtpServer({ refuse: (address) => address.startsWith('nobody@') });
    await enqueueMail(started.api.pool, {
      kind: 'test',
      recipients: ['nobody@example.com', 'somebody@example.com'],
      subject: 'Hello',
      text: 'Body',
    });
    const summary = await deliverDueMail(mailDelivery(started.api.pool, senderTo(server.port)));
    expect(summary).toEqual({ sent: 1, deferred: 0, failed: 1 });
    const rows = await listOutbox(started.api.pool);
    const refused = rows.find((row) => row.recipient === 'nobody@example.com')!;
    expect(refused.failedAt).toBeInstanceOf(Date);
    expect(refused.lastError).toMatch(/550/);
    expect(pending(rows)).toEqual([]);
    expect(server.received.map((mail) => mail.to)).toEqual([['somebody@example.com']]);
  });

  it('sends every mail exactly once when two workers race', async () => {
    const recipients = Array.from({ length: 45 }, (_, i) => `person${i}@example.com`);
    await enqueueMail(started.api.pool, {
      kind: 'test',
      recipients,
      subject: 'Race',
      text: 'Body',
    });
    const server = await smtpServer();
    const now = new Date();
    const [a, b] = await Promise.all([
      deliverDueMail(mailDelivery(started.api.pool, senderTo(server.port)), now),
      deliverDueMail(mailDelivery(started.api.pool, senderTo(server.port)), now),
    ]);
    expect(a.sent + b.sent).toBe(45);
    const received = server.received.flatMap((mail) => mail.to).sort();
    expect(received).toEqual([...recipients].sort());
    expect(
      (await listOutbox(started.api.pool)).every((row) => row.attempts === 1 && row.sentAt),
    ).toBe(true);
  });

  it('queues a mail with a dedupe key once per recipient', async () => {
    const mail = {
      kind: 'test',
      recipients: ['a@example.com', 'A@example.com', 'b@example.com'],
      subject: 'Once',
      text: 'Body',
      dedupeKey: 'once',
    };
    expect(await enqueueMail(started.api.pool, mail)).toBe(2);
    expect(await enqueueMail(started.api.pool, mail)).toBe(0);
    expect(await enqueueMail(started.api.pool, { ...mail, recipients: ['c@example.com'] })).toBe(1);
    expect((await listOutbox(started.api.pool)).map((row) => row.recipient)).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
  });
});

describe('notification settings', () => {
  const started = useApi();

  it('start off, and are the caller’s own to change', async () => {
    const member = await TestClient.signIn(started.api.url, 'member@ofa.example');
    const editor = await TestClient.signIn(started.api.url, 'editor@ofa.example');
    expect(await member.json('GET', '/api/v1/me/notifications')).toEqual({
      status: 200,
      body: { documentReleases: false, reviewCalls: false, followDelivery: 'immediate' },
    });
    expect(
      await member.json('PUT', '/api/v1/me/notifications', { documentReleases: true }),
    ).toEqual({
      status: 200,
      body: { documentReleases: true, reviewCalls: false, followDelivery: 'immediate' },
    });
    // A choice left out keeps its value.
    expect(await member.json('PUT', '/api/v1/me/notifications', { reviewCalls: true })).toEqual({
      status: 200,
      body: { documentReleases: true, reviewCalls: true, followDelivery: 'immediate' },
    });
    expect((await member.json('GET', '/api/v1/me/notifications')).body).toEqual({
      documentReleases: true,
      reviewCalls: true,
      followDelivery: 'immediate',
    });
    expect((await editor.json('GET', '/api/v1/me/notifications')).body).toEqual({
      documentReleases: false,
      reviewCalls: false,
      followDelivery: 'immediate',
    });
  });

  it('refuse anonymous callers and bad input, changing nothing', async () => {
    const anonymous = new TestClient(started.api.url);
    expect((await anonymous.json('GET', '/api/v1/me/notifications')).status).toBe(401);
    expect(
      (await anonymous.json('PUT', '/api/v1/me/notifications', { documentReleases: true })).status,
    ).toBe(401);
    const admin = await TestClient.signIn(started.api.url, 'admin@snia.example');
    for (const body of [
      { documentReleases: 'yes' },
      { documentReleases: true, everything: true },
      { followDelivery: 'weekly' },
      {},
    ]) {
      const answer = await admin.json<{ error: { code: string } }>(
        'PUT',
        '/api/v1/me/notifications',
        body,
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBeTypeOf('string');
    }
    const { rows } = await started.api.pool.query(
      `select 1 from notification_preferences p join users u on u.id = p.user_id
        where u.email = 'admin@snia.example'`,
    );
    expect(rows).toEqual([]);
    expect((await admin.json('GET', '/api/v1/me/notifications')).body).toEqual({
      documentReleases: false,
      reviewCalls: false,
      followDelivery: 'immediate',
    });
  });
});

describe('the release of a document shared under a register', () => {
  const bench = useApiWithMail();
  beforeAll(async () => {
    // Opted in: an OFA member and a DMTF editor (parties of ofa-dmtf) and a SNIA member (not a
    // party). The DMTF admin who releases it did not opt in.
    for (const email of ['member@ofa.example', 'editor@dmtf.example', 'member@snia.example']) {
      const client = await TestClient.signIn(bench.api.url, email);
      await client.json('PUT', '/api/v1/me/notifications', { documentReleases: true });
    }
  });

  async function createDocument(identifier: string, registers: string[]) {
    const editor = await TestClient.signIn(bench.api.url, 'editor@dmtf.example');
    const created = await editor.json<{ id: string }>('POST', '/api/v1/documents', {
      organization: 'dmtf',
      identifier,
      title: `Fabric model ${identifier}`,
      status: 'informational',
      // A partners document is shared under a register; under none it stays the organization's.
      visibility: registers.length > 0 ? 'partners' : 'organization',
      registers,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('mails the opted-in members of the register’s parties, once, with a link', async () => {
    const id = await createDocument('DSP-MAIL-1', ['ofa-dmtf']);
    const admin = await TestClient.signIn(bench.api.url, 'admin@dmtf.example');
    expect(
      (await admin.json('PATCH', `/api/v1/documents/${id}`, { visibility: 'public' })).status,
    ).toBe(200);
    // Still released after a title edit: no second mail.
    expect(
      (await admin.json('PATCH', `/api/v1/documents/${id}`, { title: 'Renamed' })).status,
    ).toBe(200);

    const rows = await listOutbox(bench.api.pool, { kind: 'document.released' });
    expect(rows.map((row) => row.recipient).sort()).toEqual([
      'editor@dmtf.example',
      'member@ofa.example',
    ]);
    expect((await bench.deliver()).sent).toBe(2);
    const mails = bench.server.received.filter((mail) => mail.subject.includes('DSP-MAIL-1'));
    expect(mails.map((mail) => mail.to).sort()).toEqual([
      ['editor@dmtf.example'],
      ['member@ofa.example'],
    ]);
    expect(mails[0]!.subject).toBe('Released to the public: DSP-MAIL-1 Fabric model DSP-MAIL-1');
    expect(mails[0]!.text).toContain(`${WEB_URL}/documents/${id}`);
    expect(mails[0]!.text).toContain('ofa-dmtf');
  });

  it('mails nobody for a document shared under no register, or one that is not released', async () => {
    const admin = await TestClient.signIn(bench.api.url, 'admin@dmtf.example');
    const unshared = await createDocument('DSP-MAIL-2', []);
    const released = await admin.json('PATCH', `/api/v1/documents/${unshared}`, {
      visibility: 'public',
    });
    expect(released.status).toBe(200);
    const wip = await createDocument('DSP-MAIL-3', ['ofa-dmtf']);
    const published = await admin.json('PATCH', `/api/v1/documents/${wip}`, {
      status: 'work-in-progress',
      visibility: 'public',
    });
    expect(published.status).toBe(200);
    const rows = await listOutbox(bench.api.pool, { kind: 'document.released' });
    expect(rows.filter((row) => /DSP-MAIL-[23]/.test(row.subject))).toEqual([]);
  });

  it('rolls the release back when its mail cannot be written (one transaction)', async () => {
    const id = await createDocument('DSP-MAIL-4', ['ofa-dmtf']);
    await bench.api.pool.query(`create function refuse_mail() returns trigger language plpgsql as $$
      begin raise exception 'outbox unavailable'; end $$`);
    await bench.api.pool.query(
      'create trigger refuse_mail before insert on mail_outbox for each row execute function refuse_mail()',
    );
    try {
      const admin = await TestClient.signIn(bench.api.url, 'admin@dmtf.example');
      const answer = await admin.json('PATCH', `/api/v1/documents/${id}`, { visibility: 'public' });
      expect(answer.status).toBe(500);
    } finally {
      await bench.api.pool.query('drop trigger refuse_mail on mail_outbox');
      await bench.api.pool.query('drop function refuse_mail()');
    }
    const editor = await TestClient.signIn(bench.api.url, 'editor@dmtf.example');
    const document = await editor.json<{ visibility: string }>('GET', `/api/v1/documents/${id}`);
    expect(document.body.visibility).toBe('partners');
    const { rows } = await bench.api.pool.query(
      "select 1 from audit_events where object_id = $1 and action = 'document.update'",
      [id],
    );
    expect(rows).toEqual([]);
  });

  it('mails for a document created released, and nobody for one created public but not released or shared under no register', async () => {
    const admin = await TestClient.signIn(bench.api.url, 'admin@dmtf.example');
    const create = async (identifier: string, status: string, registers: string[]) => {
      const created = await admin.json<{ id: string }>('POST', '/api/v1/documents', {
        organization: 'dmtf',
        identifier,
        title: `Fabric model ${identifier}`,
        status,
        visibility: 'public',
        registers,
      });
      expect(created.status).toBe(201);
      return created.body.id;
    };
    const released = await create('DSP-MAIL-5', 'standard', ['ofa-dmtf']);
    await create('DSP-MAIL-6', 'work-in-progress', ['ofa-dmtf']);
    await create('DSP-MAIL-7', 'informational', []);

    const rows = await listOutbox(bench.api.pool, { kind: 'document.released' });
    expect(
      rows
        .filter((row) => /DSP-MAIL-[567]/.test(row.subject))
        .map((row) => [row.recipient, row.subject, row.linkPath])
        .sort(),
    ).toEqual([
      [
        'editor@dmtf.example',
        'Released to the public: DSP-MAIL-5 Fabric model DSP-MAIL-5',
        `/documents/${released}`,
      ],
      [
        'member@ofa.example',
        'Released to the public: DSP-MAIL-5 Fabric model DSP-MAIL-5',
        `/documents/${released}`,
      ],
    ]);
  });
});

describe('register review reminders', () => {
  const started = useApi();
  beforeAll(async () => {
    // Points of contact of their own, so the test does not depend on the demo's.
    await started.api.pool.query('delete from register_contacts');
    await started.api.pool.query(
      `insert into register_contacts (register_id, organization_id, role, address, open, position)
       select r.id, o.id, c.role, c.address, c.address is null, c.position
         from (values ('ofa', 'Chair', 'chair@ofa.example', 1),
                      ('dmtf', 'Liaison list', 'ofa-liaison@dmtf.example', 2),
                      ('ofa', 'Open', null, 3)) as c (org, role, address, position)
         join organizations o on o.slug = c.org
         join work_registers r on r.slug = 'ofa-dmtf'`,
    );
  });

  it('tells the contacts of an overdue register once, however often the check runs', async () => {
    const now = new Date('2026-11-27T12:00:00Z');
    const first = await enqueueReviewReminders(started.api.pool, { now, noticeDays: 30 });
    expect(first).toBe(2);
    expect(await enqueueReviewReminders(started.api.pool, { now, noticeDays: 30 })).toBe(0);
    expect(
      await enqueueReviewReminders(started.api.pool, {
        now: new Date('2027-01-01T00:00:00Z'),
        noticeDays: 30,
      }),
    ).toBe(0);

    const server = await smtpServer();
    await deliverDueMail(mailDelivery(started.api.pool, senderTo(server.port)));
    expect(server.received.map((mail) => mail.to).sort()).toEqual([
      ['chair@ofa.example'],
      ['ofa-liaison@dmtf.example'],
    ]);
    const mail = server.received[0]!;
    expect(mail.subject).toBe('Review overdue: OFA/DMTF Work Register');
    expect(mail.text).toContain('2020-03-01');
    expect(mail.text).toContain(`${WEB_URL}/registers/ofa-dmtf`);
  });

  it('tells them again, once, for a review date that is near rather than past', async () => {
    await started.api.pool.query(
      "update work_registers set review_due = '2027-01-10' where slug = 'ofa-dmtf'",
    );
    // 44 days ahead: not near yet.
    expect(
      await enqueueReviewReminders(started.api.pool, {
        now: new Date('2026-11-27T12:00:00Z'),
        noticeDays: 30,
      }),
    ).toBe(0);
    const near = new Date('2026-12-20T12:00:00Z');
    expect(await enqueueReviewReminders(started.api.pool, { now: near, noticeDays: 30 })).toBe(2);
    expect(await enqueueReviewReminders(started.api.pool, { now: near, noticeDays: 30 })).toBe(0);
    const rows = await listOutbox(started.api.pool, { kind: 'register.review-near' });
    expect(rows.map((row) => row.subject)).toEqual([
      expect.stringMatching(/^Review due .*: OFA\/DMTF Work Register$/),
      expect.stringMatching(/^Review due .*: OFA\/DMTF Work Register$/),
    ]);
  });
});

describe('the demo mail catcher', () => {
  let api: RunningApi;
  let off: RunningApi;
  beforeAll(async () => {
    [api, off] = await Promise.all([startApi({ MAIL_CATCHER: '1' }), startApi()]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), off?.close()]);
  });

  it('receives real SMTP mail and shows it to the operator only', async () => {
    const catcher = await startMailCatcher({ pool: api.pool, log });
    cleanups.push(() => catcher.close());
    await enqueueMail(api.pool, {
      kind: 'test',
      recipients: ['admin@dmtf.example'],
      subject: 'New submission from OFA: Fabric model',
      text: 'Please review it.',
      linkPath: '/submissions/1',
    });
    expect((await deliverDueMail(mailDelivery(api.pool, senderTo(catcher.port)))).sent).toBe(1);

    const operator = await TestClient.signIn(api.url, 'operator@liaison.example');
    const answer = await operator.json<{ items: Record<string, unknown>[] }>(
      'GET',
      '/api/v1/mail-catcher/messages',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(1);
    expect(answer.body.items[0]).toMatchObject({
      from: 'liaison@example.org',
      to: ['admin@dmtf.example'],
      subject: 'New submission from OFA: Fabric model',
    });
    expect(answer.body.items[0]!.text).toContain(`Please review it.\n\n${WEB_URL}/submissions/1`);

    const admin = await TestClient.signIn(api.url, 'admin@dmtf.example');
    expect((await admin.json('GET', '/api/v1/mail-catcher/messages')).status).toBe(403);
    expect(
      (await new TestClient(api.url).json('GET', '/api/v1/mail-catcher/messages')).status,
    ).toBe(401);
  });

  it('is not there when the catcher is off', async () => {
    const operator = await TestClient.signIn(off.url, 'operator@liaison.example');
    const answer = await operator.json<{ error: { code: string } }>(
      'GET',
      '/api/v1/mail-catcher/messages',
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });
});

describe('submission mails', () => {
  const bench = useApiWithMail();
  const clients = new Map<string, TestClient>();
  const as = async (who: string) => {
    if (!clients.has(who))
      clients.set(who, await TestClient.signIn(bench.api.url, `${who}.example`));
    return clients.get(who)!;
  };
  /** Delivers what is queued and returns the recipients of the mails with this subject prefix. */
  async function delivered(subjectStart: string): Promise<string[]> {
    await bench.deliver();
    return bench.server.received
      .filter((mail) => mail.subject.startsWith(subjectStart))
      .flatMap((mail) => mail.to)
      .sort();
  }

  async function submit(title: string) {
    const editor = await as('editor@ofa');
    const created = await postForm(editor, [
      ...submissionFields(await iprSha256(editor, 'dmtf'), { title }),
      filePart('model.pdf'),
    ]);
    expect(created.status).toBe(201);
    return (created.body as { id: string }).id;
  }

  it('tells the receiving admins of a new submission, and the other side of each step', async () => {
    const id = await submit('Fabric model A');
    expect(await delivered('New submission from')).toEqual(['admin@dmtf.example']);
    const mail = bench.server.received.find((m) => m.subject.startsWith('New submission from'))!;
    expect(mail.subject).toMatch(
      /^New submission from OpenFabrics Alliance: Fabric model A \(OFA-DMTF-\d{4}-\d{3}\)$/,
    );
    expect(mail.text).toMatch(/Submission OFA-DMTF-\d{4}-\d{3} from OpenFabrics Alliance/);
    expect(mail.text).toContain(`${WEB_URL}/submissions/${id}`);

    expect((await transition(await as('admin@dmtf'), id, 'under-review')).status).toBe(200);
    expect(await delivered('Submission is now under review')).toEqual([
      'admin@ofa.example',
      'editor@ofa.example',
    ]);

    const question = await commentOnSubmission(
      await as('admin@dmtf'),
      id,
      'Does this cover multicast?',
    );
    expect(question.status).toBe(201);
    expect(await delivered('New comment on submission')).toEqual([
      'admin@ofa.example',
      'editor@ofa.example',
    ]);
    // The comment itself stays in the portal.
    expect(bench.server.received.some((m) => m.text.includes('multicast'))).toBe(false);

    const answer = await commentOnSubmission(await as('editor@ofa'), id, 'Yes, section 4.');
    expect(answer.status).toBe(201);
    expect(await delivered('New comment on submission')).toEqual([
      'admin@dmtf.example',
      'admin@ofa.example',
      'editor@ofa.example',
    ]);

    const accepted = await transition(await as('admin@dmtf'), id, 'accepted', 'Fits Redfish');
    expect(accepted.status).toBe(200);
    expect(await delivered('Submission was accepted')).toEqual([
      'admin@ofa.example',
      'editor@ofa.example',
    ]);
    // Nobody else ever got a mail about it: no members, no third party.
    const everyone = new Set(bench.server.received.flatMap((m) => m.to));
    expect([...everyone].sort()).toEqual([
      'admin@dmtf.example',
      'admin@ofa.example',
      'editor@ofa.example',
    ]);
  });

  it('tells the receiving admins of a withdrawal, and nobody of a refused step', async () => {
    const id = await submit('Fabric model B');
    await delivered('New submission from');
    const before = (await listOutbox(bench.api.pool)).length;
    const illegal = await transition(await as('editor@ofa'), id, 'accepted', 'Self-accepted');
    expect(illegal.status).toBe(403);
    expect((await listOutbox(bench.api.pool)).length).toBe(before);

    expect((await transition(await as('editor@ofa'), id, 'withdrawn')).status).toBe(200);
    expect(await delivered('Submission was withdrawn')).toEqual(['admin@dmtf.example']);
  });
});
