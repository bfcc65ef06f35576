import type {
  StatementBox,
  StatementContact,
  StatementPurpose,
  StatementState,
  StatementVisibility,
} from '@liaison/core';
import type { Queryable } from '../queryable.js';
import { selectEmails } from './email-addresses.js';
import type { StoredFileRecord } from './stored-file.js';

export interface StatementParty {
  slug: string;
  name: string;
}

/** Another statement as a thread shows it, with what the read rule needs to know about it. */
export interface StatementLinkRecord {
  id: string;
  title: string;
  from: StatementParty;
  /** Receiving organization slugs. */
  to: string[];
  purpose: StatementPurpose;
  state: StatementState;
  visibility: StatementVisibility;
  sentAt: Date | null;
}

export interface StatementAnswerRecord {
  at: Date;
  by: string | null;
  organization: StatementParty;
  note: string | null;
  response: StatementLinkRecord | null;
}

export interface StatementRecord {
  id: string;
  seq: string;
  registerId: string;
  register: { slug: string; title: string };
  from: StatementParty;
  /** In the order the author named them. */
  to: StatementParty[];
  title: string;
  body: string;
  purpose: StatementPurpose;
  /** YYYY-MM-DD */
  deadline: string | null;
  visibility: StatementVisibility;
  state: StatementState;
  senderReference: string | null;
  receiverReference: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  sentBy: string | null;
  withdrawal: { at: Date; by: string | null; reason: string } | null;
  answer: StatementAnswerRecord | null;
  attachmentCount: number;
  /** The keyset of "newest first": microseconds since the epoch of sentAt, else updatedAt. */
  listedAtMicros: string;
}

/** A statement as a link: its title, sender, receivers (slugs), purpose, state and visibility. */
const linkJson = (alias: string) => `
  json_build_object(
    'id', ${alias}.id, 'title', ${alias}.title,
    'from', (select json_build_object('slug', o.slug, 'name', o.name)
               from organizations o where o.id = ${alias}.from_organization_id),
    'to', (select coalesce(json_agg(o.slug order by sr.position), '[]')
             from statement_recipients sr join organizations o on o.id = sr.organization_id
            where sr.statement_id = ${alias}.id),
    'purpose', ${alias}.purpose, 'state', ${alias}.state, 'visibility', ${alias}.visibility,
    'sentAt', ${alias}.sent_at)`;

const STATEMENT_SELECT = `
  select s.id, s.seq::text as seq, s.register_id as "registerId",
         json_build_object('slug', r.slug, 'title', r.title) as register,
         json_build_object('slug', fo.slug, 'name', fo.name) as "from",
         (select coalesce(json_agg(json_build_object('slug', o.slug, 'name', o.name)
                                   order by sr.position), '[]')
            from statement_recipients sr join organizations o on o.id = sr.organization_id
           where sr.statement_id = s.id) as "to",
         s.title, s.body, s.purpose, to_char(s.deadline, 'YYYY-MM-DD') as deadline,
         s.visibility, s.state,
         s.sender_reference as "senderReference", s.receiver_reference as "receiverReference",
         author.email as "createdBy", s.created_at as "createdAt", s.updated_at as "updatedAt",
         s.sent_at as "sentAt", sender.email as "sentBy",
         case when s.withdrawn_at is null then null else
           json_build_object('at', s.withdrawn_at, 'by', withdrawer.email,
                             'reason', s.withdrawal_reason) end as withdrawal,
         (select json_build_object(
                   'at', a.answered_at, 'by', au.email,
                   'organization', json_build_object('slug', ao.slug, 'name', ao.name),
                   'note', a.note,
                   'response', case when resp.id is null then null else ${linkJson('resp')} end)
            from statement_answers a
            join organizations ao on ao.id = a.organization_id
            left join users au on au.id = a.answered_by
            left join statements resp on resp.id = a.response_id
           where a.statement_id = s.id) as answer,
         (select count(*)::int from statement_attachments f where f.statement_id = s.id)
           as "attachmentCount",
         (extract(epoch from s.listed_at) * 1000000)::bigint::text as "listedAtMicros"
    from statements s
    join work_registers r on r.id = s.register_id
    join organizations fo on fo.id = s.from_organization_id
    left join users author on author.id = s.created_by
    left join users sender on sender.id = s.sent_by
    left join users withdrawer on withdrawer.id = s.withdrawn_by`;

function reviveLink(link: StatementLinkRecord): StatementLinkRecord {
  return { ...link, sentAt: link.sentAt === null ? null : new Date(link.sentAt) };
}

/** JSON gives timestamps as strings: make them Dates like every other record's. */
function revive(row: StatementRecord): StatementRecord {
  return {
    ...row,
    withdrawal: row.withdrawal && { ...row.withdrawal, at: new Date(row.withdrawal.at) },
    answer: row.answer && {
      ...row.answer,
      at: new Date(row.answer.at),
      response: row.answer.response && reviveLink(row.answer.response),
    },
  };
}

/** The statement; with `lock`, its row stays locked for the rest of the transaction. */
export async function findStatement(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StatementRecord | undefined> {
  if (options.lock) await db.query('select 1 from statements where id = $1 for update', [id]);
  const result = await db.query<StatementRecord>(`${STATEMENT_SELECT} where s.id = $1`, [id]);
  return result.rows[0] && revive(result.rows[0]);
}

/** The statements, in no particular order (missing ones are left out). */
export async function findStatements(
  db: Queryable,
  ids: readonly string[],
): Promise<StatementRecord[]> {
  if (ids.length === 0) return [];
  const result = await db.query<StatementRecord>(
    `${STATEMENT_SELECT} where s.id = any($1::uuid[])`,
    [ids],
  );
  return result.rows.map(revive);
}

/**
 * Who is reading: the read rule of packages/core (policy/statement-policy.ts) as SQL. Drafts are
 * read by the writers (editors, admins) of the sending organization; sent and withdrawn ones by
 * anyone when public, else by members of the sending and receiving organizations. The lists hold
 * the caller's organizations (the credentials' scope already applied); empty for anonymous.
 */
export interface StatementViewer {
  memberOf: readonly string[];
  writerOf: readonly string[];
  adminOf: readonly string[];
}

export interface StatementListFilter {
  viewer: StatementViewer;
  register?: string;
  box?: StatementBox;
  state?: StatementState;
  /** Comment/action statements sent to the viewer's organizations and not answered yet. */
  owed?: boolean;
  limit: number;
  /**
   * After this position of the previous page: `key` is listedAtMicros, or the deadline
   * (YYYY-MM-DD) for the owed list, sorted soonest first.
   */
  after?: { key: string; seq: string };
}

/** `s` was addressed to one of the organizations (a text[] parameter). */
export const statementReceivedByCondition = (organizations: string) => `exists (
  select 1 from statement_recipients vr join organizations vo on vo.id = vr.organization_id
   where vr.statement_id = s.id and vo.slug = any(${organizations}::text[]))`;

/**
 * The read rule as SQL (see StatementViewer): `s` is the statements row, `fo` its sending
 * organization; the parameters are text[]s of the organizations the viewer belongs to and writes
 * for. The authorization matrix tests keep it in step with the policy.
 */
export function readableStatementCondition(memberOf: string, writerOf: string): string {
  return `((s.state = 'draft' and fo.slug = any(${writerOf}::text[]))
          or (s.state <> 'draft'
              and (s.visibility = 'public' or fo.slug = any(${memberOf}::text[]) or ${statementReceivedByCondition(memberOf)})))`;
}

export async function listReadableStatements(
  db: Queryable,
  filter: StatementListFilter,
): Promise<StatementRecord[]> {
  const owed = filter.owed === true;
  const order = owed ? 's.deadline asc, s.seq asc' : 's.listed_at desc, s.seq desc';
  const keyset = owed
    ? '($7::text is null or (s.deadline, s.seq) > ($7::date, $8::bigint))'
    : `($7::text is null
        or (s.listed_at, s.seq) < (timestamptz 'epoch' + $7::bigint * interval '1 microsecond', $8::bigint))`;
  const result = await db.query<StatementRecord>(
    `${STATEMENT_SELECT}
      where ${readableStatementCondition('$1', '$2')}
        and ($4::text is null or r.slug = $4)
        and ($5::text is null or s.state = $5)
        and (coalesce($6::text, '') <> 'incoming' or (s.state <> 'draft' and ${statementReceivedByCondition('$1')}))
        and (coalesce($6::text, '') <> 'outgoing' or fo.slug = any($1::text[]))
        and (coalesce($6::text, '') <> 'awaiting-approval'
             or (s.state = 'draft' and fo.slug = any($3::text[])))
        and (not $9::boolean
             or (s.state = 'sent' and s.purpose in ('comment', 'action')
                 and not exists (select 1 from statement_answers a where a.statement_id = s.id)
                 and ${statementReceivedByCondition('$1')}))
        and ${keyset}
      order by ${order}
      limit $10`,
    [
      filter.viewer.memberOf,
      filter.viewer.writerOf,
      filter.viewer.adminOf,
      filter.register ?? null,
      filter.state ?? null,
      filter.box ?? null,
      filter.after?.key ?? null,
      filter.after?.seq ?? null,
      owed,
      filter.limit,
    ],
  );
  return result.rows.map(revive);
}

/** The fields of a statement its author writes. */
export interface StatementContent {
  to: readonly string[];
  title: string;
  body: string;
  purpose: StatementPurpose;
  deadline: string | null;
  visibility: StatementVisibility;
  senderReference: string | null;
  receiverReference: string | null;
  responseContacts: readonly StatementContact[];
  technicalContacts: readonly StatementContact[];
  refersTo: readonly string[];
}

export interface NewStatement extends StatementContent {
  id: string;
  registerId: string;
  from: string;
  createdBy: string;
}

/** Inserts a draft with its receivers, contacts, references and creation event. */
export async function insertStatement(db: Queryable, statement: NewStatement): Promise<void> {
  await db.query(
    `insert into statements (id, register_id, from_organization_id, title, body, purpose, deadline,
                             visibility, sender_reference, receiver_reference, created_by)
     select $1, $2, o.id, $4, $5, $6, $7, $8, $9, $10, $11 from organizations o where o.slug = $3`,
    [
      statement.id,
      statement.registerId,
      statement.from,
      statement.title,
      statement.body,
      statement.purpose,
      statement.deadline,
      statement.visibility,
      statement.senderReference,
      statement.receiverReference,
      statement.createdBy,
    ],
  );
  await replaceStatementRecipients(db, statement.id, statement.to);
  await replaceStatementContacts(db, statement.id, 'response', statement.responseContacts);
  await replaceStatementContacts(db, statement.id, 'technical', statement.technicalContacts);
  await replaceStatementReferences(db, statement.id, statement.refersTo);
  await insertStatementEvent(db, {
    statementId: statement.id,
    what: 'created',
    note: null,
    actorId: statement.createdBy,
  });
}

/** Writes the draft's fields (the register and the sender never change). */
export async function updateStatementContent(
  db: Queryable,
  id: string,
  content: StatementContent,
): Promise<void> {
  await db.query(
    `update statements
        set title = $2, body = $3, purpose = $4, deadline = $5, visibility = $6,
            sender_reference = $7, receiver_reference = $8, updated_at = now()
      where id = $1`,
    [
      id,
      content.title,
      content.body,
      content.purpose,
      content.deadline,
      content.visibility,
      content.senderReference,
      content.receiverReference,
    ],
  );
  await replaceStatementRecipients(db, id, content.to);
  await replaceStatementContacts(db, id, 'response', content.responseContacts);
  await replaceStatementContacts(db, id, 'technical', content.technicalContacts);
  await replaceStatementReferences(db, id, content.refersTo);
}

async function replaceStatementRecipients(db: Queryable, id: string, to: readonly string[]) {
  await db.query('delete from statement_recipients where statement_id = $1', [id]);
  await db.query(
    `insert into statement_recipients (statement_id, from_organization_id, organization_id, position)
     select s.id, s.from_organization_id, o.id, t.position - 1
       from statements s, unnest($2::text[]) with ordinality as t(slug, position)
       join organizations o on o.slug = t.slug
      where s.id = $1`,
    [id, to],
  );
}

async function replaceStatementContacts(
  db: Queryable,
  id: string,
  kind: 'response' | 'technical',
  contacts: readonly StatementContact[],
) {
  await db.query('delete from statement_contacts where statement_id = $1 and kind = $2', [
    id,
    kind,
  ]);
  await db.query(
    `insert into statement_contacts (statement_id, kind, position, name, email)
     select $1, $2, t.position - 1, t.name, t.email
       from unnest($3::text[], $4::text[]) with ordinality as t(name, email, position)`,
    [id, kind, contacts.map((contact) => contact.name), contacts.map((contact) => contact.email)],
  );
}

async function replaceStatementReferences(db: Queryable, id: string, refersTo: readonly string[]) {
  await db.query('delete from statement_references where statement_id = $1', [id]);
  await db.query(
    `insert into statement_references (statement_id, refers_to_id, position)
     select $1, t.id, t.position - 1 from unnest($2::uuid[]) with ordinality as t(id, position)`,
    [id, refersTo],
  );
}

/** Discards a draft with everything hanging off it; returns its attachments' storage keys. */
export async function deleteStatement(db: Queryable, id: string): Promise<string[]> {
  const keys = await db.query<{ storageKey: string }>(
    'select storage_key as "storageKey" from statement_attachments where statement_id = $1',
    [id],
  );
  await db.query('delete from statements where id = $1', [id]);
  return keys.rows.map((row) => row.storageKey);
}

export async function touchStatement(db: Queryable, id: string): Promise<void> {
  await db.query('update statements set updated_at = now() where id = $1', [id]);
}

export interface StatementContacts {
  response: StatementContact[];
  technical: StatementContact[];
}

export async function listStatementContacts(db: Queryable, id: string): Promise<StatementContacts> {
  const result = await db.query<StatementContact & { kind: 'response' | 'technical' }>(
    `select kind, name, email from statement_contacts where statement_id = $1
      order by kind, position`,
    [id],
  );
  const pick = (kind: string) =>
    result.rows
      .filter((row) => row.kind === kind)
      .map((row) => ({ name: row.name, email: row.email }));
  return { response: pick('response'), technical: pick('technical') };
}

/** The statements this one refers to, in its order. */
export async function listStatementReferences(
  db: Queryable,
  id: string,
): Promise<StatementLinkRecord[]> {
  const result = await db.query<{ link: StatementLinkRecord }>(
    `select ${linkJson('s')} as link
       from statement_references ref join statements s on s.id = ref.refers_to_id
      where ref.statement_id = $1 order by ref.position`,
    [id],
  );
  return result.rows.map((row) => reviveLink(row.link));
}

/** The sent (or withdrawn) statements that refer to this one, oldest first. */
export async function listStatementsReferringTo(
  db: Queryable,
  id: string,
): Promise<StatementLinkRecord[]> {
  const result = await db.query<{ link: StatementLinkRecord }>(
    `select ${linkJson('s')} as link
       from statement_references ref join statements s on s.id = ref.statement_id
      where ref.refers_to_id = $1 and s.state <> 'draft' order by s.sent_at, s.seq`,
    [id],
  );
  return result.rows.map((row) => reviveLink(row.link));
}

export interface StatementAttachmentRecord extends StoredFileRecord {
  id: string;
  statementId: string;
  createdAt: Date;
}

const ATTACHMENT_SELECT = `
  select id, statement_id as "statementId", filename, size::float8 as size,
         media_type as "mediaType", sha256, storage_key as "storageKey", created_at as "createdAt"
    from statement_attachments`;

export async function listStatementAttachments(
  db: Queryable,
  statementId: string,
): Promise<StatementAttachmentRecord[]> {
  const result = await db.query<StatementAttachmentRecord>(
    `${ATTACHMENT_SELECT} where statement_id = $1 order by created_at, id`,
    [statementId],
  );
  return result.rows;
}

export async function findStatementAttachment(
  db: Queryable,
  statementId: string,
  attachmentId: string,
): Promise<StatementAttachmentRecord | undefined> {
  const result = await db.query<StatementAttachmentRecord>(
    `${ATTACHMENT_SELECT} where statement_id = $1 and id = $2`,
    [statementId, attachmentId],
  );
  return result.rows[0];
}

export async function insertStatementAttachment(
  db: Queryable,
  attachment: Omit<StatementAttachmentRecord, 'createdAt'> & { createdBy: string },
): Promise<void> {
  await db.query(
    `insert into statement_attachments (id, statement_id, filename, size, media_type, sha256,
                                        storage_key, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      attachment.id,
      attachment.statementId,
      attachment.filename,
      attachment.size,
      attachment.mediaType,
      attachment.sha256,
      attachment.storageKey,
      attachment.createdBy,
    ],
  );
}

export async function deleteStatementAttachment(db: Queryable, id: string): Promise<void> {
  await db.query('delete from statement_attachments where id = $1', [id]);
}

export type StatementEventKind = 'created' | 'edited' | 'sent' | 'withdrawn' | 'answered';

export interface StatementEventRecord {
  id: string;
  what: StatementEventKind;
  note: string | null;
  at: Date;
  by: string | null;
}

export async function insertStatementEvent(
  db: Queryable,
  event: {
    statementId: string;
    what: StatementEventKind;
    note: string | null;
    actorId: string | null;
  },
): Promise<void> {
  await db.query(
    'insert into statement_events (statement_id, what, note, actor_id) values ($1, $2, $3, $4)',
    [event.statementId, event.what, event.note, event.actorId],
  );
}

/** The history, oldest first. */
export async function listStatementEvents(
  db: Queryable,
  statementId: string,
): Promise<StatementEventRecord[]> {
  const result = await db.query<StatementEventRecord>(
    `select e.id::text as id, e.what, e.note, e.occurred_at as at, u.email as by
       from statement_events e left join users u on u.id = e.actor_id
      where e.statement_id = $1 order by e.id`,
    [statementId],
  );
  return result.rows;
}

/** Sends the (locked) draft. */
export async function markStatementSent(
  db: Queryable,
  change: { id: string; actorId: string },
): Promise<void> {
  await db.query(
    `update statements set state = 'sent', sent_at = now(), sent_by = $2, updated_at = now()
      where id = $1`,
    [change.id, change.actorId],
  );
  await insertStatementEvent(db, {
    statementId: change.id,
    what: 'sent',
    note: null,
    actorId: change.actorId,
  });
}

/** Withdraws the (locked) sent statement. */
export async function markStatementWithdrawn(
  db: Queryable,
  change: { id: string; actorId: string; reason: string },
): Promise<void> {
  await db.query(
    `update statements
        set state = 'withdrawn', withdrawn_at = now(), withdrawn_by = $2, withdrawal_reason = $3,
            updated_at = now()
      where id = $1`,
    [change.id, change.actorId, change.reason],
  );
  await insertStatementEvent(db, {
    statementId: change.id,
    what: 'withdrawn',
    note: change.reason,
    actorId: change.actorId,
  });
}

/**
 * Records that `organization` answered the statement, with its history event; false (and nothing
 * written) when it was answered already.
 */
export async function insertStatementAnswer(
  db: Queryable,
  answer: {
    statementId: string;
    organization: string;
    actorId: string;
    note: string | null;
    responseId: string | null;
    /** What the history says; the note by default. */
    eventNote?: string;
  },
): Promise<boolean> {
  const result = await db.query(
    `insert into statement_answers (statement_id, organization_id, answered_by, note, response_id)
     select $1, o.id, $3, $4, $5 from organizations o where o.slug = $2
     on conflict (statement_id) do nothing`,
    [answer.statementId, answer.organization, answer.actorId, answer.note, answer.responseId],
  );
  if ((result.rowCount ?? 0) === 0) return false;
  await db.query('update statements set updated_at = now() where id = $1', [answer.statementId]);
  await insertStatementEvent(db, {
    statementId: answer.statementId,
    what: 'answered',
    note: answer.eventNote ?? answer.note,
    actorId: answer.actorId,
  });
  return true;
}

/**
 * The sending party's points of contact in the register that have an address, as statement
 * contacts: the contact's role names it (its address when it has no role).
 */
export async function registerPartyContacts(
  db: Queryable,
  registerId: string,
  party: string,
): Promise<StatementContact[]> {
  const result = await db.query<StatementContact>(
    `select coalesce(nullif(left(c.role, 200), ''), c.address) as name, c.address as email
       from register_contacts c join organizations o on o.id = c.organization_id
      where c.register_id = $1 and o.slug = $2 and c.address is not null
      order by c.position`,
    [registerId, party],
  );
  return result.rows;
}

/** The response contacts' addresses of the statements. */
export async function statementResponseAddresses(
  db: Queryable,
  statementIds: readonly string[],
): Promise<string[]> {
  return selectEmails(
    db,
    `select distinct email from statement_contacts
      where statement_id = any($1::uuid[]) and kind = 'response' order by email`,
    [statementIds],
  );
}

/** An owed statement as the reminder job sees it. */
export interface OwedStatementRecord {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  deadline: string;
  visibility: StatementVisibility;
  purpose: StatementPurpose;
  body: string;
  register: { slug: string; title: string };
  from: StatementParty;
  to: StatementParty[];
}

/** Sent comment/action statements nobody answered whose deadline lies between the two dates. */
export async function owedStatementsWithDeadlineBetween(
  db: Queryable,
  earliest: string,
  latest: string,
): Promise<OwedStatementRecord[]> {
  const result = await db.query<OwedStatementRecord>(
    `select s.id, s.title, to_char(s.deadline, 'YYYY-MM-DD') as deadline, s.visibility,
            s.purpose, s.body,
            json_build_object('slug', r.slug, 'title', r.title) as register,
            json_build_object('slug', fo.slug, 'name', fo.name) as "from",
            (select coalesce(json_agg(json_build_object('slug', o.slug, 'name', o.name)
                                      order by sr.position), '[]')
               from statement_recipients sr join organizations o on o.id = sr.organization_id
              where sr.statement_id = s.id) as "to"
       from statements s
       join work_registers r on r.id = s.register_id
       join organizations fo on fo.id = s.from_organization_id
      where s.state = 'sent' and s.purpose in ('comment', 'action')
        and s.deadline between $1::date and $2::date
        and not exists (select 1 from statement_answers a where a.statement_id = s.id)
      order by s.deadline, s.seq`,
    [earliest, latest],
  );
  return result.rows;
}
