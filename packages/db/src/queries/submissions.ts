import type { SubmissionState } from '@liaison/core';
import type { Queryable } from '../queryable.js';
import type { StoredFileRecord } from './stored-file.js';
import { pagedStorageKeys } from './stored-object-keys.js';

export interface SubmissionRecord {
  id: string;
  seq: string;
  /** e.g. OFA-DMTF-2026-003 (see migration 0022). */
  reference: string;
  register: { slug: string; title: string };
  from: { slug: string; name: string };
  to: { slug: string; name: string };
  title: string;
  description: string;
  state: SubmissionState;
  submittedById: string | null;
  /** Submitter e-mail. */
  submittedBy: string | null;
  ipr: { by: string | null; at: Date; policySha256: string };
  document: {
    id: string;
    organization: string;
    identifier: string;
    title: string;
    how: 'created' | 'linked';
    at: Date;
    by: string | null;
  } | null;
  fileCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const SUBMISSION_SELECT = `
  select s.id, s.seq::text as seq, s.reference,
         json_build_object('slug', r.slug, 'title', r.title) as register,
         json_build_object('slug', fo.slug, 'name', fo.name) as "from",
         json_build_object('slug', too.slug, 'name', too.name) as "to",
         s.title, s.description, s.state,
         s.submitted_by as "submittedById", submitter.email as "submittedBy",
         json_build_object('by', acknowledger.email, 'at', s.ipr_acknowledged_at,
                           'policySha256', s.ipr_policy_sha256) as ipr,
         case when d.id is null then null else
           json_build_object('id', d.id, 'organization', dorg.slug, 'identifier', d.identifier,
                             'title', d.title, 'how', s.document_how, 'at', s.document_linked_at,
                             'by', linker.email) end as document,
         (select count(*)::int from submission_files f where f.submission_id = s.id) as "fileCount",
         s.created_at as "createdAt", s.updated_at as "updatedAt"
    from submissions s
    join work_registers r on r.id = s.register_id
    join organizations fo on fo.id = s.from_organization_id
    join organizations too on too.id = s.to_organization_id
    left join users submitter on submitter.id = s.submitted_by
    left join users acknowledger on acknowledger.id = s.ipr_acknowledged_by
    left join documents d on d.id = s.document_id
    left join organizations dorg on dorg.id = d.organization_id
    left join users linker on linker.id = s.document_linked_by`;

/** JSON gives timestamps as strings: make them Dates like every other record's. */
function revive(row: SubmissionRecord): SubmissionRecord {
  return {
    ...row,
    ipr: { ...row.ipr, at: new Date(row.ipr.at) },
    document: row.document ? { ...row.document, at: new Date(row.document.at) } : null,
  };
}

/** The submission; with `lock`, its row stays locked for the rest of the transaction. */
export async function findSubmission(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<SubmissionRecord | undefined> {
  if (options.lock) await db.query('select 1 from submissions where id = $1 for update', [id]);
  const result = await db.query<SubmissionRecord>(`${SUBMISSION_SELECT} where s.id = $1`, [id]);
  return result.rows[0] && revive(result.rows[0]);
}

/**
 * Who is reading: the read rule of packages/core (policy/submission-policy.ts) as SQL. A
 * submitter's own submissions count only while they belong to the submitting organization;
 * `memberOf` and `adminOf` hold the organizations the caller belongs to and administers (the
 * credentials' scope already applied).
 */
export interface SubmissionViewer {
  userId: string;
  memberOf: readonly string[];
  adminOf: readonly string[];
}

/**
 * The submitting side of the read rule as SQL: the submitter while a member of the submitting
 * organization, and its admins. `s` is the submissions row, `fo` its submitting organization;
 * the parameters are the viewer's user id and text[]s of the organizations they belong to and
 * administer. The authorization matrix tests keep it in step with the policy.
 */
const SUBMITTING_SIDE = (userId: string, memberOf: string, adminOf: string) =>
  `((s.submitted_by = ${userId} and fo.slug = any(${memberOf})) or fo.slug = any(${adminOf}))`;

/** The receiving side: admins of the receiving organization (`too`). */
const RECEIVING_SIDE = (adminOf: string) => `too.slug = any(${adminOf})`;

/** The read rule as SQL, both sides: who may read a submission (see SubmissionViewer). */
export function readableSubmissionCondition(
  userId: string,
  memberOf: string,
  adminOf: string,
): string {
  return `(${SUBMITTING_SIDE(userId, memberOf, adminOf)} or ${RECEIVING_SIDE(adminOf)})`;
}

export interface SubmissionListFilter {
  viewer: SubmissionViewer;
  box?: 'outgoing' | 'incoming';
  state?: SubmissionState;
  limit: number;
  /** Only submissions older than this seq (the previous page's cursor). */
  beforeSeq?: string;
}

export async function listReadableSubmissions(
  db: Queryable,
  filter: SubmissionListFilter,
): Promise<SubmissionRecord[]> {
  // outgoing: from the caller's side; incoming: to organizations the caller administers.
  const result = await db.query<SubmissionRecord>(
    `${SUBMISSION_SELECT}
      where ((coalesce($7::text, 'outgoing') = 'outgoing'
              and ${SUBMITTING_SIDE('$1::uuid', '$2::text[]', '$3::text[]')})
          or (coalesce($7::text, 'incoming') = 'incoming' and ${RECEIVING_SIDE('$3::text[]')}))
        and ($4::text is null or s.state = $4)
        and ($5::bigint is null or s.seq < $5)
      order by s.seq desc
      limit $6`,
    [
      filter.viewer.userId,
      filter.viewer.memberOf,
      filter.viewer.adminOf,
      filter.state ?? null,
      filter.beforeSeq ?? null,
      filter.limit,
      filter.box ?? null,
    ],
  );
  return result.rows.map(revive);
}

export interface NewSubmission {
  id: string;
  registerId: string;
  from: string;
  to: string;
  title: string;
  description: string;
  submittedBy: string;
  iprPolicySha256: string;
}

/** Inserts the submission and its creation event; the acknowledgement is dated now, by the submitter. */
export async function insertSubmission(db: Queryable, submission: NewSubmission): Promise<void> {
  await db.query(
    // The pair's counter row for the year is taken (and locked to the end of the transaction),
    // so two submissions between the same organizations never get the same number.
    `with parties as (
       select fo.id as from_id, too.id as to_id, upper(fo.slug) as from_code,
              upper(too.slug) as to_code, extract(year from now() at time zone 'UTC')::int as year
         from organizations fo, organizations too
        where fo.slug = $3 and too.slug = $4
     ), counter as (
       insert into submission_reference_counters as c
              (from_organization_id, to_organization_id, year, last_number)
       select from_id, to_id, year, 1 from parties
       on conflict (from_organization_id, to_organization_id, year)
         do update set last_number = c.last_number + 1
       returning last_number
     )
     insert into submissions (id, register_id, from_organization_id, to_organization_id, title,
                              description, submitted_by, ipr_acknowledged_by, ipr_acknowledged_at,
                              ipr_policy_sha256, reference)
     select $1, $2, p.from_id, p.to_id, $5, $6, $7, $7, now(), $8,
            p.from_code || '-' || p.to_code || '-' || p.year || '-' || lpad(c.last_number::text, greatest(3, length(c.last_number::text)), '0')
       from parties p, counter c`,
    [
      submission.id,
      submission.registerId,
      submission.from,
      submission.to,
      submission.title,
      submission.description,
      submission.submittedBy,
      submission.iprPolicySha256,
    ],
  );
  await insertSubmissionEvent(db, {
    submissionId: submission.id,
    from: null,
    to: 'submitted',
    reason: null,
    actorId: submission.submittedBy,
  });
}

export interface SubmissionFileRecord extends StoredFileRecord {
  id: string;
  submissionId: string;
  createdAt: Date;
  /** The document version it was copied from, or null for an uploaded file. */
  copiedFrom: { documentId: string; versionId: string } | null;
}

export type NewSubmissionFile = Omit<SubmissionFileRecord, 'createdAt' | 'copiedFrom'> & {
  copiedFrom?: { documentId: string; versionId: string };
};

/** Appends the files after any the (locked or new) submission already has, in the order given. */
export async function insertSubmissionFiles(
  db: Queryable,
  files: readonly NewSubmissionFile[],
): Promise<void> {
  for (const file of files) {
    await db.query(
      `insert into submission_files (id, submission_id, position, filename, size, media_type, sha256,
                                     storage_key, source_document_id, source_version_id)
       values ($1, $2, coalesce((select max(position) + 1 from submission_files where submission_id = $2), 0),
               $3, $4, $5, $6, $7, $8, $9)`,
      [
        file.id,
        file.submissionId,
        file.filename,
        file.size,
        file.mediaType,
        file.sha256,
        file.storageKey,
        file.copiedFrom?.documentId ?? null,
        file.copiedFrom?.versionId ?? null,
      ],
    );
  }
  const submissionId = files[0]?.submissionId;
  if (submissionId) {
    await db.query('update submissions set updated_at = now() where id = $1', [submissionId]);
  }
}

const FILE_SELECT = `
  select id, submission_id as "submissionId", filename, size::float8 as size, media_type as "mediaType",
         sha256, storage_key as "storageKey", created_at as "createdAt",
         case when source_version_id is null then null else
           json_build_object('documentId', source_document_id, 'versionId', source_version_id) end
           as "copiedFrom"
    from submission_files`;

/** The files in the order they were sent. */
export async function listSubmissionFiles(
  db: Queryable,
  submissionId: string,
): Promise<SubmissionFileRecord[]> {
  const result = await db.query<SubmissionFileRecord>(
    `${FILE_SELECT} where submission_id = $1 order by position`,
    [submissionId],
  );
  return result.rows;
}

export async function findSubmissionFile(
  db: Queryable,
  submissionId: string,
  fileId: string,
): Promise<SubmissionFileRecord | undefined> {
  const result = await db.query<SubmissionFileRecord>(
    `${FILE_SELECT} where submission_id = $1 and id = $2`,
    [submissionId, fileId],
  );
  return result.rows[0];
}

/** Every (submission file id, storage key) pair, in pages, for checking that each object exists. */
export function allSubmissionFileKeys(
  db: Queryable,
  pageSize = 1000,
): AsyncGenerator<{ id: string; storageKey: string }> {
  return pagedStorageKeys(db, 'submission_files', pageSize);
}

export interface SubmissionEventRecord {
  id: string;
  from: SubmissionState | null;
  to: SubmissionState;
  reason: string | null;
  at: Date;
  by: string | null;
}

/** A step of a submission's state history: from null when it was submitted. */
export interface NewSubmissionEvent {
  submissionId: string;
  from: SubmissionState | null;
  to: SubmissionState;
  reason: string | null;
  actorId: string | null;
}

/** A decision on a submission after it was submitted: always from a state, always someone's. */
export interface SubmissionStateChange extends NewSubmissionEvent {
  from: SubmissionState;
  actorId: string;
}

export async function insertSubmissionEvent(
  db: Queryable,
  event: NewSubmissionEvent,
): Promise<void> {
  await db.query(
    `insert into submission_events (submission_id, from_state, to_state, reason, actor_id)
     values ($1, $2, $3, $4, $5)`,
    [event.submissionId, event.from, event.to, event.reason, event.actorId],
  );
}

/** The state history, oldest first. */
export async function listSubmissionEvents(
  db: Queryable,
  submissionId: string,
): Promise<SubmissionEventRecord[]> {
  const result = await db.query<SubmissionEventRecord>(
    `select e.id::text as id, e.from_state as "from", e.to_state as "to", e.reason,
            e.occurred_at as at, u.email as by
       from submission_events e left join users u on u.id = e.actor_id
      where e.submission_id = $1 order by e.id`,
    [submissionId],
  );
  return result.rows;
}

/** Moves the (locked) submission to `to`, with its history event. */
export async function setSubmissionState(
  db: Queryable,
  change: SubmissionStateChange,
): Promise<void> {
  await db.query('update submissions set state = $2, updated_at = now() where id = $1', [
    change.submissionId,
    change.to,
  ]);
  await insertSubmissionEvent(db, change);
}

export interface SubmissionCommentRecord {
  id: string;
  body: string;
  at: Date;
  by: string | null;
  side: 'submitting' | 'receiving';
}

export async function insertSubmissionComment(
  db: Queryable,
  comment: {
    submissionId: string;
    authorId: string;
    side: 'submitting' | 'receiving';
    body: string;
  },
): Promise<string> {
  const result = await db.query<{ id: string }>(
    `insert into submission_comments (submission_id, author_id, side, body)
     values ($1, $2, $3, $4) returning id::text as id`,
    [comment.submissionId, comment.authorId, comment.side, comment.body],
  );
  await db.query('update submissions set updated_at = now() where id = $1', [comment.submissionId]);
  return result.rows[0]!.id;
}

/** The comment thread, oldest first. */
export async function listSubmissionComments(
  db: Queryable,
  submissionId: string,
): Promise<SubmissionCommentRecord[]> {
  const result = await db.query<SubmissionCommentRecord>(
    `select c.id::text as id, c.body, c.created_at as at, u.email as by, c.side
       from submission_comments c left join users u on u.id = c.author_id
      where c.submission_id = $1 order by c.id`,
    [submissionId],
  );
  return result.rows;
}

/**
 * Records the receiving organization's document this (locked) submission became or was linked to;
 * a document made from it also keeps the submission as its provenance.
 */
export async function setSubmissionDocument(
  db: Queryable,
  link: { submissionId: string; documentId: string; how: 'created' | 'linked'; by: string },
): Promise<void> {
  await db.query(
    `update submissions set document_id = $2, document_how = $3, document_linked_by = $4,
            document_linked_at = now(), updated_at = now()
      where id = $1`,
    [link.submissionId, link.documentId, link.how, link.by],
  );
  if (link.how === 'created') {
    await db.query('update documents set source_submission_id = $2 where id = $1', [
      link.documentId,
      link.submissionId,
    ]);
  }
}

/** The submission a document was made from, with its IPR acknowledgement. */
export interface DocumentProvenanceRecord {
  submission: { id: string; reference: string; submittedById: string | null };
  from: { slug: string; name: string };
  to: { slug: string; name: string };
  ipr: {
    byAddress: string | null;
    byName: string | null;
    at: Date;
    policySha256: string;
  };
}

export async function findDocumentProvenance(
  db: Queryable,
  documentId: string,
): Promise<DocumentProvenanceRecord | undefined> {
  const result = await db.query<DocumentProvenanceRecord>(
    `select json_build_object('id', s.id, 'reference', s.reference, 'submittedById', s.submitted_by)
              as submission,
            json_build_object('slug', fo.slug, 'name', fo.name) as "from",
            json_build_object('slug', too.slug, 'name', too.name) as "to",
            json_build_object('byAddress', u.email, 'byName', u.name, 'at', s.ipr_acknowledged_at,
                              'policySha256', s.ipr_policy_sha256) as ipr
       from documents d
       join submissions s on s.id = d.source_submission_id
       join organizations fo on fo.id = s.from_organization_id
       join organizations too on too.id = s.to_organization_id
       left join users u on u.id = s.ipr_acknowledged_by
      where d.id = $1`,
    [documentId],
  );
  const row = result.rows[0];
  return row && { ...row, ipr: { ...row.ipr, at: new Date(row.ipr.at) } };
}

/** The organization's IPR policy text, if the organization exists. */
export async function findIprPolicy(
  db: Queryable,
  slug: string,
): Promise<{ organization: string; text: string; url: string | null } | undefined> {
  const result = await db.query<{ organization: string; text: string; url: string | null }>(
    'select slug as organization, ipr_policy as text, ipr_policy_url as url from organizations where slug = $1',
    [slug],
  );
  return result.rows[0];
}

/** Locks the organization's row against IPR policy changes until the transaction ends. */
export async function lockIprPolicy(db: Queryable, slug: string): Promise<string | undefined> {
  const result = await db.query<{ text: string }>(
    'select ipr_policy as text from organizations where slug = $1 for share',
    [slug],
  );
  return result.rows[0]?.text;
}
