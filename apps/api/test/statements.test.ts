/**
 * Liaison statements over HTTP against the real PostgreSQL and S3 (issue 12): the draft → sent →
 * withdrawn life, answers and replies, who reads what, and every bad input refused with nothing
 * changed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { listOutbox } from '@liaison/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { auditEvents, type RunningApi, startApi } from './helpers.js';
import { answerOf } from './raw-requests.js';
import {
  attach,
  createDraft,
  expectNothingChanged,
  expectRefusal,
  inDays,
  listAll,
  type StatementBody,
  sendStatement,
  statementInput,
} from './statement-fixtures.js';
import { expectError, filePart } from './submission-fixtures.js';

const UPLOAD_LIMIT = 64 * 1024;

let api: RunningApi;
const clients: Record<string, TestClient> = {};
const as = (email: string) => clients[email]!;
let anonymous: TestClient;

const USERS = [
  'editor@ofa.example',
  'admin@ofa.example',
  'member@ofa.example',
  'editor@dmtf.example',
  'admin@dmtf.example',
  'member@dmtf.example',
  'member@snia.example',
  'admin@snia.example',
];

beforeAll(async () => {
  api = await startApi({ MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT) });
  for (const email of USERS) clients[email] = await TestClient.signIn(api.url, email);
  anonymous = new TestClient(api.url);
  // A second register between the same parties, still a draft, and SNIA/DMTF approved: for
  // statements that refer across registers.
  await api.pool.query(`update work_registers set state = 'approved' where slug = 'snia-dmtf'`);
  await api.pool.query(
    `with r as (insert into work_registers (slug, title, state) values ('ofa-dmtf-next', 'Next OFA/DMTF register', 'draft') returning id)
     insert into register_parties (register_id, organization_id, position)
     select r.id, o.id, row_number() over () from r, organizations o where o.slug in ('ofa', 'dmtf')`,
  );
});

afterAll(async () => {
  await api?.close();
});

const get = (client: TestClient, id: string) =>
  client.json<StatementBody>('GET', `/api/v1/statements/${id}`);

/** A sent comment from DMTF to OFA: written by DMTF's editor, sent by its admin. */
async function sentToOfa(overrides: Record<string, unknown> = {}): Promise<StatementBody> {
  const draft = await createDraft(as('editor@dmtf.example'), { to: ['ofa'], ...overrides });
  return sendStatement(as('admin@dmtf.example'), draft.id);
}

describe('a statement from draft to answer', () => {
  it('is drafted by an editor, approved by an admin, owed by the receivers, answered by their response', async () => {
    const editor = as('editor@dmtf.example');
    const draft = await createDraft(editor, {
      to: ['ofa'],
      senderReference: 'DMTF-LS-2026-007',
    });
    expect(draft).toMatchObject({
      state: 'draft',
      owed: false,
      from: { slug: 'dmtf' },
      to: [{ slug: 'ofa' }],
      permissions: { edit: true, send: false, withdraw: false, markAnswered: false },
    });
    // Contacts left out are the DMTF's points of contact in the register.
    expect(draft.responseContacts).toEqual([
      { name: 'DMTF VP of Alliances', email: 'vpalliances@dmtf.org' },
      { name: "DMTF's OFA Alliance Contacts mail-list", email: 'OFA-alliance@dmtf.org' },
    ]);
    expect(draft.technicalContacts).toEqual(draft.responseContacts);

    const file = Buffer.from('%PDF-1.7 the fabric model, for comment');
    const attached = await attach(editor, draft.id, [filePart('fabric.pdf', file)]);
    expect(attached.status, JSON.stringify(attached.body)).toBe(201);
    expect(attached.body.attachments).toMatchObject([
      {
        filename: 'fabric.pdf',
        size: file.length,
        sha256: createHash('sha256').update(file).digest('hex'),
      },
    ]);
    const edited = await editor.json<StatementBody>('PATCH', `/api/v1/statements/${draft.id}`, {
      title: 'Fabric model, revised: comments welcome',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe('Fabric model, revised: comments welcome');

    // Nobody outside the DMTF's writers knows the draft exists.
    for (const email of ['admin@ofa.example', 'member@dmtf.example', 'member@snia.example']) {
      expect((await get(as(email), draft.id)).status).toBe(404);
      expect(await listAll(as(email))).not.toContain(draft.id);
    }
    expect(await listAll(as('admin@dmtf.example'), 'box=awaiting-approval')).toContain(draft.id);
    expect(await listAll(editor, 'box=awaiting-approval')).not.toContain(draft.id);

    // The editor cannot send: sending is the admins' approval.
    const refused = await expectNothingChanged(api, () =>
      editor.json('POST', `/api/v1/statements/${draft.id}/send`),
    );
    expect(refused.status).toBe(403);

    const sent = await sendStatement(as('admin@dmtf.example'), draft.id);
    expect(sent).toMatchObject({ state: 'sent', owed: true });
    expect(sent.history.map((event) => event.what)).toEqual([
      'created',
      'edited',
      'edited',
      'sent',
    ]);
    expect(
      (await editor.json('PATCH', `/api/v1/statements/${draft.id}`, { title: 'x' })).status,
    ).toBe(409);

    const mails = (await listOutbox(api.pool, { kind: 'statement.sent' })).filter(
      (mail) => mail.linkPath === `/statements/${draft.id}`,
    );
    expect(mails.map((mail) => mail.recipient).sort()).toEqual(
      ['OFA-alliance@dmtf.org', 'admin@ofa.example', 'vpalliances@dmtf.org'].sort(),
    );
    for (const mail of mails) expect(mail.text).not.toContain('fabric model**');

    // Every OFA member reads it and sees it owed; the attachment downloads, ranges included.
    const memberView = await get(as('member@ofa.example'), draft.id);
    expect(memberView.body).toMatchObject({ owed: true, permissions: { reply: false } });
    expect(await listAll(as('member@ofa.example'), 'owed=true')).toContain(draft.id);
    const attachmentPath = `/api/v1/statements/${draft.id}/attachments/${attached.body.attachments[0]!.id}/content`;
    const whole = await as('member@ofa.example').fetch(attachmentPath);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(file);
    const part = await as('member@ofa.example').fetch(attachmentPath, {
      headers: { range: 'bytes=0-7' },
    });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('%PDF-1.7');
    const shown = await as('member@ofa.example').fetch(`${attachmentPath}?inline=1`);
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(file);
    // Every read is the sender's event, done acting for the reader's party; a view when the
    // browser shows the PDF itself.
    const attachmentId = attached.body.attachments[0]!.id;
    const read = { organization: 'dmtf', onBehalfOf: 'ofa' };
    const readDetails = { attachmentId, filename: 'fabric.pdf' };
    expect(await auditEvents(api.pool, draft.id, 'statement.attachment.(download|view)')).toEqual([
      { action: 'statement.attachment.download', ...read, details: readDetails },
      {
        action: 'statement.attachment.download',
        ...read,
        details: { ...readDetails, range: '0-7' },
      },
      { action: 'statement.attachment.view', ...read, details: readDetails },
    ]);

    // The reply: from OFA back to DMTF, a response that refers to the original.
    const reply = await createDraft(as('editor@ofa.example'), {
      to: ['dmtf'],
      purpose: 'response',
      deadline: null,
      title: 'Re: Fabric model',
      refersTo: [draft.id],
      responseContacts: [{ name: 'OFA liaison', email: 'liaison@ofa.example' }],
    });
    expect((await get(as('admin@ofa.example'), draft.id)).body.owed).toBe(true);
    await sendStatement(as('admin@ofa.example'), reply.id);

    const answered = await get(as('admin@dmtf.example'), draft.id);
    expect(answered.body).toMatchObject({
      owed: false,
      answer: {
        organization: { slug: 'ofa' },
        by: 'admin@ofa.example',
        response: { id: reply.id, title: 'Re: Fabric model', state: 'sent' },
      },
      referredBy: [{ id: reply.id }],
    });
    expect(answered.body.history.map((event) => event.what)).toContain('answered');
    // The answer is the sender's event, done acting for the receiver that answered.
    expect(await auditEvents(api.pool, draft.id, 'statement.answer')).toEqual([
      {
        action: 'statement.answer',
        organization: 'dmtf',
        onBehalfOf: 'ofa',
        details: { by: 'ofa', response: reply.id },
      },
    ]);
    expect(await listAll(as('member@ofa.example'), 'owed=true')).not.toContain(draft.id);
    const replyView = await get(as('admin@dmtf.example'), reply.id);
    expect(replyView.body.refersTo).toMatchObject([{ id: draft.id }]);
    // The response reached the original's response contacts.
    const replyMails = (await listOutbox(api.pool, { kind: 'statement.sent' })).filter(
      (mail) => mail.linkPath === `/statements/${reply.id}`,
    );
    expect(replyMails.map((mail) => mail.recipient).sort()).toEqual(
      [
        'OFA-alliance@dmtf.org',
        'admin@dmtf.example',
        'liaison@ofa.example',
        'vpalliances@dmtf.org',
      ].sort(),
    );
  });

  it('is marked answered by a receiving admin, once, and only when owed', async () => {
    const sent = await sentToOfa();
    const editorTry = await as('editor@dmtf.example').json(
      'POST',
      `/api/v1/statements/${sent.id}/answered`,
      {},
    );
    expect(editorTry.status).toBe(403);
    const marked = await as('admin@ofa.example').json<StatementBody>(
      'POST',
      `/api/v1/statements/${sent.id}/answered`,
      { note: 'Answered in the joint call of 3 March' },
    );
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({
      owed: false,
      answer: { organization: { slug: 'ofa' }, note: 'Answered in the joint call of 3 March' },
    });
    expect(await auditEvents(api.pool, sent.id, 'statement.answer')).toEqual([
      {
        action: 'statement.answer',
        organization: 'dmtf',
        onBehalfOf: 'ofa',
        details: { by: 'ofa', note: 'Answered in the joint call of 3 March' },
      },
    ]);
    const again = await expectNothingChanged(api, () =>
      as('admin@ofa.example').json('POST', `/api/v1/statements/${sent.id}/answered`, {}),
    );
    expectRefusal(again, 409, 'statement_not_owed');
  });

  it('is withdrawn by a sending admin with a reason, and stays readable', async () => {
    const sent = await sentToOfa();
    const withdrawn = await as('admin@dmtf.example').json<StatementBody>(
      'POST',
      `/api/v1/statements/${sent.id}/withdraw`,
      { reason: 'Superseded by the next draft' },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      state: 'withdrawn',
      owed: false,
      withdrawal: { reason: 'Superseded by the next draft', by: 'admin@dmtf.example' },
    });
    const read = await get(as('member@ofa.example'), sent.id);
    expect(read.body).toMatchObject({ state: 'withdrawn', permissions: { markAnswered: false } });
    expect(await listAll(as('member@ofa.example'), 'owed=true')).not.toContain(sent.id);
  });

  it('a discarded draft takes its attachments with it', async () => {
    const draft = await createDraft(as('editor@ofa.example'));
    const attached = await attach(as('editor@ofa.example'), draft.id, [filePart('gone.pdf')]);
    expect(attached.status).toBe(201);
    const key = `statements/${draft.id}/${attached.body.attachments[0]!.id}`;
    expect(await api.storage.stat(key)).toBeDefined();
    const removed = await as('editor@ofa.example').fetch(`/api/v1/statements/${draft.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect((await get(as('editor@ofa.example'), draft.id)).status).toBe(404);
    expect(await api.storage.stat(key)).toBeUndefined();
  });

  it('an attachment is removed from a draft, row and object', async () => {
    const draft = await createDraft(as('editor@ofa.example'));
    const attached = await attach(as('editor@ofa.example'), draft.id, [filePart('one.pdf')]);
    const attachmentId = attached.body.attachments[0]!.id;
    const removed = await as('admin@ofa.example').fetch(
      `/api/v1/statements/${draft.id}/attachments/${attachmentId}`,
      { method: 'DELETE' },
    );
    expect(removed.status).toBe(204);
    expect((await get(as('editor@ofa.example'), draft.id)).body.attachments).toEqual([]);
    expect(await api.storage.stat(`statements/${draft.id}/${attachmentId}`)).toBeUndefined();
  });
});

describe('who reads a statement', () => {
  it('a parties statement: never a third party, never anonymous, and not in their lists', async () => {
    const sent = await sentToOfa({ title: 'For the parties only' });
    for (const client of [as('member@snia.example'), as('admin@snia.example'), anonymous]) {
      expect((await get(client, sent.id)).status).toBe(404);
      expect(await listAll(client)).not.toContain(sent.id);
      expect(await listAll(client, 'register=ofa-dmtf')).not.toContain(sent.id);
    }
    expect((await get(as('member@ofa.example'), sent.id)).status).toBe(200);
  });

  it('anonymous callers list and read public statements only', async () => {
    const open = await sentToOfa({ title: 'For everyone', visibility: 'public' });
    const closed = await sentToOfa({ title: 'Not for everyone' });
    const listed = await listAll(anonymous);
    expect(listed).toContain(open.id);
    expect(listed).not.toContain(closed.id);
    const all = await anonymous.json<{ items: StatementBody[] }>(
      'GET',
      '/api/v1/statements?limit=100',
    );
    expect(all.body.items.every((item) => item.visibility === 'public')).toBe(true);
    expect((await get(anonymous, open.id)).body).toMatchObject({
      title: 'For everyone',
      permissions: { edit: false, send: false, withdraw: false, markAnswered: false, reply: false },
    });
    expect((await get(as('member@snia.example'), open.id)).status).toBe(200);
  });

  it('the boxes split what a reader lists by side: incoming, outgoing, awaiting approval', async () => {
    const sent = await sentToOfa({ title: 'Boxed' });
    const draft = await createDraft(as('editor@dmtf.example'), { to: ['ofa'], title: 'Unsent' });
    const ofaMember = as('member@ofa.example');
    expect(await listAll(ofaMember, 'box=incoming')).toContain(sent.id);
    expect(await listAll(ofaMember, 'box=outgoing')).not.toContain(sent.id);
    const dmtfMember = as('member@dmtf.example');
    expect(await listAll(dmtfMember, 'box=outgoing')).toContain(sent.id);
    expect(await listAll(dmtfMember, 'box=incoming')).not.toContain(sent.id);
    expect(await listAll(dmtfMember)).not.toContain(draft.id);
    const dmtfAdmin = as('admin@dmtf.example');
    const awaiting = await listAll(dmtfAdmin, 'box=awaiting-approval');
    expect(awaiting).toContain(draft.id);
    expect(awaiting).not.toContain(sent.id);
    expect(await listAll(dmtfAdmin, 'box=awaiting-approval&register=snia-dmtf')).not.toContain(
      draft.id,
    );
  });

  it('pages through the list newest first without gaps or repeats', async () => {
    const listed = await listAll(as('admin@ofa.example'));
    expect(new Set(listed).size).toBe(listed.length);
    const whole = await as('admin@ofa.example').json<{ items: StatementBody[] }>(
      'GET',
      '/api/v1/statements?limit=100',
    );
    expect(listed).toEqual(whole.body.items.map((item) => item.id));
    const owed = await as('admin@ofa.example').json<{ items: StatementBody[] }>(
      'GET',
      '/api/v1/statements?owed=true&limit=100',
    );
    const deadlines = owed.body.items.map((item) => item.deadline!);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(await listAll(as('admin@ofa.example'), 'owed=true')).toEqual(
      owed.body.items.map((item) => item.id),
    );
  });
});

describe('bad input is refused with a clear 4xx and changes nothing', () => {
  const create = (client: TestClient, overrides: Record<string, unknown>) =>
    expectNothingChanged(api, () =>
      client.json('POST', '/api/v1/statements', statementInput(overrides)),
    );

  it.each([
    ['a deadline in the past', { deadline: inDays(-1) }, 422, 'deadline_passed'],
    ['no deadline for comment', { deadline: undefined }, 422, 'deadline_required'],
    ['no deadline for action', { purpose: 'action', deadline: null }, 422, 'deadline_required'],
    ['a deadline for information', { purpose: 'information' }, 422, 'deadline_not_allowed'],
    ['a deadline that is no date', { deadline: '2026-02-30' }, 422, 'deadline_invalid'],
    ['a receiver that is not a party', { to: ['snia'] }, 422, 'not_a_party'],
    ['an unknown receiver', { to: ['nobody'] }, 422, 'not_a_party'],
    ['the sender as receiver', { to: ['dmtf', 'ofa'] }, 422, 'statement_to_self'],
    ['an unknown register', { register: 'no-such-register' }, 422, 'unknown_register'],
    ['a register still in draft', { register: 'ofa-dmtf-next' }, 422, 'register_not_approved'],
    [
      'a response that refers to nothing',
      { purpose: 'response', deadline: null },
      422,
      'refers_to_required',
    ],
    ['a refersTo that does not exist', { refersTo: [randomUUID()] }, 422, 'unknown_statement'],
    ['an unknown field', { colour: 'red' }, 400, 'invalid_input'],
    ['an empty title', { title: '   ' }, 400, 'invalid_input'],
    [
      'a bad contact address',
      { responseContacts: [{ name: 'x', email: 'no-at-sign' }] },
      400,
      'invalid_input',
    ],
  ])('%s', async (_name, overrides, status, code) => {
    const answer = await create(as('editor@ofa.example'), overrides);
    expectRefusal(answer, status, code);
  });

  it('a refersTo of another register', async () => {
    const elsewhere = await sendStatement(
      as('admin@dmtf.example'),
      (await createDraft(as('editor@dmtf.example'), { register: 'snia-dmtf', to: ['snia'] })).id,
    );
    expect((await get(as('admin@dmtf.example'), elsewhere.id)).status).toBe(200);
    const answer = await create(as('editor@dmtf.example'), {
      to: ['ofa'],
      refersTo: [elsewhere.id],
    });
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'unknown_statement' } } });
  });

  it('a refersTo the caller cannot read (another party’s draft), same answer as a missing one', async () => {
    const hidden = await createDraft(as('editor@dmtf.example'), { to: ['ofa'] });
    const answer = await create(as('editor@ofa.example'), { refersTo: [hidden.id] });
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'unknown_statement' } } });
  });

  it('writing for an organization one is not an editor of', async () => {
    expect((await create(as('member@ofa.example'), {})).status).toBe(403);
    expect((await create(as('editor@ofa.example'), { from: 'dmtf', to: ['ofa'] })).status).toBe(
      403,
    );
    expect((await create(anonymous, {})).status).toBe(401);
  });

  it("sending someone else's draft", async () => {
    const draft = await createDraft(as('editor@dmtf.example'), { to: ['ofa'] });
    const byReceiver = await expectNothingChanged(api, () =>
      as('admin@ofa.example').json('POST', `/api/v1/statements/${draft.id}/send`),
    );
    expect(byReceiver.status).toBe(404);
    const byEditor = await expectNothingChanged(api, () =>
      as('editor@dmtf.example').json('POST', `/api/v1/statements/${draft.id}/send`),
    );
    expect(byEditor.status).toBe(403);
  });

  it('sending a draft whose deadline has passed since it was written', async () => {
    const draft = await createDraft(as('editor@ofa.example'));
    await api.pool.query(`update statements set deadline = current_date - 1 where id = $1`, [
      draft.id,
    ]);
    const answer = await expectNothingChanged(api, () =>
      as('admin@ofa.example').json('POST', `/api/v1/statements/${draft.id}/send`),
    );
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'deadline_passed' } } });
  });

  it('editing, attaching to, discarding or re-sending a sent statement', async () => {
    const sent = await sentToOfa();
    const path = `/api/v1/statements/${sent.id}`;
    const editor = as('editor@dmtf.example');
    const answers = await expectNothingChanged(api, async () => [
      await editor.json('PATCH', path, { title: 'Changed after sending' }),
      await editor.fetch(path, { method: 'DELETE' }).then(answerOf),
      await attach(editor, sent.id, [filePart('late.pdf')]),
      await as('admin@dmtf.example').json('POST', `${path}/send`),
    ]);
    for (const answer of answers) {
      expect(answer).toMatchObject({
        status: 409,
        body: { error: { code: 'statement_not_draft' } },
      });
    }
  });

  it('withdrawing a draft, or marking answered what is owed nothing', async () => {
    const draft = await createDraft(as('editor@ofa.example'));
    const info = await sendStatement(
      as('admin@ofa.example'),
      (await createDraft(as('editor@ofa.example'), { purpose: 'information', deadline: null })).id,
    );
    const answers = await expectNothingChanged(api, async () => [
      await as('admin@ofa.example').json('POST', `/api/v1/statements/${draft.id}/withdraw`, {
        reason: 'never mind',
      }),
      await as('admin@dmtf.example').json('POST', `/api/v1/statements/${info.id}/answered`, {}),
      await as('admin@ofa.example').json('POST', `/api/v1/statements/${info.id}/withdraw`, {
        reason: '',
      }),
    ]);
    expect(
      answers.map((answer) => [
        answer.status,
        (answer.body as { error?: { code: string } }).error?.code,
      ]),
    ).toEqual([
      [409, 'statement_not_sent'],
      [409, 'statement_not_owed'],
      [400, 'invalid_input'],
    ]);
  });

  it('an oversize attachment', async () => {
    const draft = await createDraft(as('editor@ofa.example'));
    const answer = await expectNothingChanged(api, () =>
      attach(as('editor@ofa.example'), draft.id, [
        filePart('huge.pdf', Buffer.alloc(UPLOAD_LIMIT + 1, 1)),
      ]),
    );
    expectError(answer, 413, 'payload_too_large');
  });

  it('a truncated attachment', async () => {
    const draft = await createDraft(as('editor@ofa.example'));
    const answer = await expectNothingChanged(api, () =>
      attach(as('editor@ofa.example'), draft.id, [filePart('cut.pdf')], { close: false }),
    );
    expectError(answer, 400, 'incomplete_upload');
  });

  it('an attachment to a draft the caller cannot see, or of a statement that does not exist', async () => {
    const draft = await createDraft(as('editor@dmtf.example'), { to: ['ofa'] });
    const answers = await expectNothingChanged(api, async () => [
      await attach(as('editor@ofa.example'), draft.id, [filePart('x.pdf')]),
      await attach(as('editor@ofa.example'), randomUUID(), [filePart('x.pdf')]),
      await as('editor@dmtf.example')
        .fetch(`/api/v1/statements/${draft.id}/attachments/${randomUUID()}`, { method: 'DELETE' })
        .then(answerOf),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404]);
  });

  it('an attachment past the most a statement holds', async () => {
    const draft = await createDraft(as('editor@ofa.example'));
    // Twenty attachments already, written directly: the bytes do not matter here.
    await api.pool.query(
      `insert into statement_attachments (statement_id, filename, size, media_type, sha256, storage_key)
       select $1::uuid, 'f' || n || '.pdf', 1, 'application/pdf', repeat('0', 64), 'statements/' || $1::text || '/f' || n
         from generate_series(1, 20) as n`,
      [draft.id],
    );
    const answer = await expectNothingChanged(api, () =>
      attach(as('editor@ofa.example'), draft.id, [filePart('one-more.pdf')]),
    );
    expectError(answer, 409, 'too_many_attachments');
  });

  it('a malformed list query', async () => {
    for (const query of ['box=sideways', 'limit=0', 'cursor=%2F%2F', 'owed=true&cursor=123_4']) {
      const answer = await as('admin@ofa.example').json('GET', `/api/v1/statements?${query}`);
      expect(answer.status, query).toBe(400);
    }
  });
});
