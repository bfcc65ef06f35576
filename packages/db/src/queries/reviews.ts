import type { CommentKind, Disposition, DocumentStatus, Visibility } from '@liaison/core';
import type { Queryable } from '../queryable.js';
import {
  optedInAddresses,
  organizationMemberAddresses,
  sharingPartiesOf,
} from './email-addresses.js';
import { readableDocumentCondition } from './readable-documents.js';
import type { StoredFileRecord } from './stored-file.js';

export interface ReviewRecord {
  id: string;
  seq: string;
  document: {
    id: string;
    organization: string;
    identifier: string;
    title: string;
    visibility: Visibility;
    status: DocumentStatus;
    registerParties: string[];
  };
  version: { id: string; label: string; withdrawn: boolean };
  title: string;
  note: string;
  /** YYYY-MM-DD (UTC days). */
  openedOn: string;
  closesOn: string;
  closedAt: Date | null;
  requiresIpr: boolean;
  logPublishedAt: Date | null;
  lastCommentNumber: number;
  createdAt: Date;
  /** The opener's e-mail. */
  createdBy: string | null;
}

const REVIEW_SELECT = `
  select r.id, r.seq::text as seq,
         json_build_object(
           'id', d.id, 'organization', o.slug, 'identifier', d.identifier, 'title', d.title,
           'visibility', d.visibility, 'status', d.status,
           'registerParties', coalesce((select array_agg(distinct po.slug) from document_registers dr
                                          join register_parties p on p.register_id = dr.register_id
                                          join organizations po on po.id = p.organization_id
                                         where dr.document_id = d.id), '{}')) as document,
         json_build_object('id', v.id, 'label', v.label, 'withdrawn', v.withdrawn_at is not null)
           as version,
         r.title, r.note, to_char(r.opened_on, 'YYYY-MM-DD') as "openedOn",
         to_char(r.closes_on, 'YYYY-MM-DD') as "closesOn", r.closed_at as "closedAt",
         r.requires_ipr as "requiresIpr", r.log_published_at as "logPublishedAt",
         r.last_comment_number as "lastCommentNumber",
         r.created_at as "createdAt", creator.email as "createdBy"
    from reviews r
    join documents d on d.id = r.document_id
    join organizations o on o.id = d.organization_id
    join document_versions v on v.id = r.version_id
    left join users creator on creator.id = r.created_by`;

/** The review; with `lock`, its row stays locked for the rest of the transaction. */
export async function findReview(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ReviewRecord | undefined> {
  if (options.lock) await db.query('select 1 from reviews where id = $1 for update', [id]);
  const result = await db.query<ReviewRecord>(`${REVIEW_SELECT} where r.id = $1`, [id]);
  return result.rows[0];
}

/** The document's review that is open on `today` (YYYY-MM-DD), if any. */
export async function findOpenReviewOfDocument(
  db: Queryable,
  documentId: string,
  today: string,
): Promise<ReviewRecord | undefined> {
  const result = await db.query<ReviewRecord>(
    `${REVIEW_SELECT} where r.document_id = $1 and r.closed_at is null and r.closes_on >= $2::date`,
    [documentId, today],
  );
  return result.rows[0];
}

/** The document's reviews, newest first. */
export async function listDocumentReviews(
  db: Queryable,
  filter: { documentId: string; limit: number; beforeSeq?: string },
): Promise<ReviewRecord[]> {
  const result = await db.query<ReviewRecord>(
    `${REVIEW_SELECT}
      where r.document_id = $1 and ($2::bigint is null or r.seq < $2)
      order by r.seq desc limit $3`,
    [filter.documentId, filter.beforeSeq ?? null, filter.limit],
  );
  return result.rows;
}

/**
 * Who is reading comments: the comment read rule of packages/core (policy/review-policy.ts) as
 * SQL. `memberOf` holds the caller's organizations, `writerOf` those where they are an editor or
 * admin (the credentials' scope already applied).
 */
export interface ReviewViewer {
  userId: string | null;
  memberOf: readonly string[];
  writerOf: readonly string[];
}

/**
 * Reviews the viewer may comment on (the reviewed version is readable to them: a withdrawn one
 * only to the owner's members). `open`: only those open on `today`, closing soonest first;
 * otherwise newest first. The cursor is the previous page's last `closesOn:seq` or `seq`.
 */
export async function listCommentableReviews(
  db: Queryable,
  filter: {
    viewer: ReviewViewer;
    open: boolean;
    today: string;
    limit: number;
    after?: { closesOn?: string; seq: string };
  },
): Promise<ReviewRecord[]> {
  // Two fixed orders, never caller text.
  const order = filter.open ? 'r.closes_on asc, r.seq asc' : 'r.seq desc';
  const result = await db.query<ReviewRecord>(
    `${REVIEW_SELECT}
      where ${readableDocumentCondition('$1::text[]')}
        and (v.withdrawn_at is null or o.slug = any($1::text[]))
        and (not $2::boolean or (r.closed_at is null and r.closes_on >= $3::date))
        and (case when $2::boolean
                  then $4::date is null or (r.closes_on, r.seq) > ($4::date, $5::bigint)
                  else $5::bigint is null or r.seq < $5::bigint end)
      order by ${order} limit $6`,
    [
      filter.viewer.memberOf,
      filter.open,
      filter.today,
      filter.after?.closesOn ?? null,
      filter.after?.seq ?? null,
      filter.limit,
    ],
  );
  return result.rows;
}

/** `c` readable by the viewer ($1 user id, $2 organizations, $3 organizations they write for). */
const READABLE_COMMENT = `
  ${readableDocumentCondition('$2::text[]')}
  and (c.author_id = $1::uuid or co.slug = any($2::text[]) or o.slug = any($3::text[])
       or r.log_published_at is not null)`;

const COMMENT_JOINS = `
    from review_comments c
    join reviews r on r.id = c.review_id
    join documents d on d.id = r.document_id
    join organizations o on o.id = d.organization_id
    left join organizations co on co.id = c.organization_id`;

function viewerParameters(viewer: ReviewViewer) {
  return [viewer.userId, viewer.memberOf, viewer.writerOf];
}

/** Per review, the comments the viewer may read (withdrawn ones aside) and how many are resolved. */
export async function reviewCommentCounts(
  db: Queryable,
  reviewIds: readonly string[],
  viewer: ReviewViewer,
): Promise<Map<string, { comments: number; resolved: number }>> {
  const result = await db.query<{ reviewId: string; comments: number; resolved: number }>(
    `select c.review_id as "reviewId", count(*)::int as comments,
            count(disposition.comment_id)::int as resolved
     ${COMMENT_JOINS}
       left join review_dispositions disposition on disposition.comment_id = c.id
      where c.review_id = any($4::uuid[]) and c.withdrawn_at is null and ${READABLE_COMMENT}
      group by c.review_id`,
    [...viewerParameters(viewer), reviewIds],
  );
  return new Map(result.rows.map((row) => [row.reviewId, row]));
}

export interface NewReview {
  id: string;
  documentId: string;
  versionId: string;
  title: string;
  note: string;
  closesOn: string;
  requiresIpr: boolean;
  createdBy: string;
}

export async function insertReview(db: Queryable, review: NewReview): Promise<void> {
  await db.query(
    `insert into reviews (id, document_id, version_id, title, note, closes_on, requires_ipr, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      review.id,
      review.documentId,
      review.versionId,
      review.title,
      review.note,
      review.closesOn,
      review.requiresIpr,
      review.createdBy,
    ],
  );
}

export async function updateReviewFields(
  db: Queryable,
  id: string,
  fields: { title?: string; note?: string; closesOn?: string },
): Promise<void> {
  await db.query(
    `update reviews set title = coalesce($2, title), note = coalesce($3, note),
            closes_on = coalesce($4::date, closes_on), updated_at = now()
      where id = $1`,
    [id, fields.title ?? null, fields.note ?? null, fields.closesOn ?? null],
  );
}

export async function markReviewClosed(db: Queryable, id: string, by: string): Promise<void> {
  await db.query(
    'update reviews set closed_at = now(), closed_by = $2, updated_at = now() where id = $1',
    [id, by],
  );
}

export async function markReviewLogPublished(db: Queryable, id: string, by: string) {
  await db.query(
    `update reviews set log_published_at = now(), log_published_by = $2, updated_at = now()
      where id = $1 and log_published_at is null`,
    [id, by],
  );
}

/** Takes the review's next comment number (and holds its row until the transaction ends). */
export async function takeCommentNumber(db: Queryable, reviewId: string): Promise<number> {
  const result = await db.query<{ number: number }>(
    `update reviews set last_comment_number = last_comment_number + 1
      where id = $1 returning last_comment_number as number`,
    [reviewId],
  );
  return result.rows[0]!.number;
}

/** A comment's attachment: the stored file and nothing more. */
export type CommentAttachmentRecord = StoredFileRecord;

export interface CommentDispositionRecord {
  value: Disposition;
  response: string;
  resolvedIn: { id: string; label: string } | null;
  duplicateOf: string | null;
  at: Date;
  by: string | null;
}

export interface CommentRecord {
  id: string;
  reviewId: string;
  number: number;
  version: { id: string; label: string };
  location: string;
  kind: CommentKind;
  body: string;
  proposedChange: string;
  attachment: CommentAttachmentRecord | null;
  authorId: string | null;
  /** The author's e-mail. */
  author: string | null;
  organization: { slug: string; name: string } | null;
  withdrawnAt: Date | null;
  disposition: CommentDispositionRecord | null;
  createdAt: Date;
  updatedAt: Date;
}

const COMMENT_SELECT = `
  select c.id, c.review_id as "reviewId", c.number,
         json_build_object('id', cv.id, 'label', cv.label) as version,
         c.location, c.kind, c.body, c.proposed_change as "proposedChange",
         case when c.attachment_storage_key is null then null else
           json_build_object('filename', c.attachment_filename, 'size', c.attachment_size,
                             'mediaType', c.attachment_media_type, 'sha256', c.attachment_sha256,
                             'storageKey', c.attachment_storage_key) end as attachment,
         c.author_id as "authorId", author.email as author,
         case when co.id is null then null else json_build_object('slug', co.slug, 'name', co.name)
           end as organization,
         c.withdrawn_at as "withdrawnAt",
         case when disposition.comment_id is null then null else
           json_build_object('value', disposition.value, 'response', disposition.response,
                             'resolvedIn', case when rv.id is null then null else
                                             json_build_object('id', rv.id, 'label', rv.label) end,
                             'duplicateOf', disposition.duplicate_of_id,
                             'at', disposition.decided_at, 'by', decider.email) end as disposition,
         c.created_at as "createdAt", c.updated_at as "updatedAt"
   ${COMMENT_JOINS}
    join document_versions cv on cv.id = c.version_id
    left join users author on author.id = c.author_id
    left join review_dispositions disposition on disposition.comment_id = c.id
    left join document_versions rv on rv.id = disposition.resolved_in_version_id
    left join users decider on decider.id = disposition.decided_by`;

/** JSON gives timestamps as strings: make them Dates like every other record's. */
function revive(row: CommentRecord): CommentRecord {
  return {
    ...row,
    disposition: row.disposition ? { ...row.disposition, at: new Date(row.disposition.at) } : null,
  };
}

/** The comment; with `lock`, its row stays locked for the rest of the transaction. */
export async function findComment(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CommentRecord | undefined> {
  if (options.lock) await db.query('select 1 from review_comments where id = $1 for update', [id]);
  const result = await db.query<CommentRecord>(`${COMMENT_SELECT} where c.id = $1`, [id]);
  return result.rows[0] && revive(result.rows[0]);
}

export interface CommentListFilter {
  reviewId: string;
  viewer: ReviewViewer;
  kind?: CommentKind;
  /** A disposition value, or 'none' for the comments without one. */
  disposition?: Disposition | 'none';
  /** Without: every readable comment (the resolution log). */
  limit?: number;
  /** Only comments numbered after this one (the previous page's cursor). */
  afterNumber?: number;
}

/** The review's comments the viewer may read, oldest first. */
export async function listReadableComments(
  db: Queryable,
  filter: CommentListFilter,
): Promise<CommentRecord[]> {
  const result = await db.query<CommentRecord>(
    `${COMMENT_SELECT}
      where c.review_id = $4 and ${READABLE_COMMENT}
        and ($5::text is null or c.kind = $5)
        and ($6::text is null or ($6 = 'none' and disposition.comment_id is null)
             or disposition.value = $6)
        and ($7::int is null or c.number > $7)
      order by c.number
      limit $8`,
    [
      ...viewerParameters(filter.viewer),
      filter.reviewId,
      filter.kind ?? null,
      filter.disposition ?? null,
      filter.afterNumber ?? null,
      filter.limit ?? null,
    ],
  );
  return result.rows.map(revive);
}

export interface NewComment {
  id: string;
  reviewId: string;
  number: number;
  versionId: string;
  location: string;
  kind: CommentKind;
  body: string;
  proposedChange: string;
  attachment: CommentAttachmentRecord | null;
  authorId: string;
  organization: string | null;
  /** The SHA-256 of the IPR policy text acknowledged now by the author, when required. */
  iprPolicySha256: string | null;
}

export async function insertComment(db: Queryable, comment: NewComment): Promise<void> {
  const attachment = comment.attachment;
  await db.query(
    `insert into review_comments (id, review_id, number, version_id, location, kind, body,
                                  proposed_change, attachment_filename, attachment_size,
                                  attachment_media_type, attachment_sha256, attachment_storage_key,
                                  author_id, organization_id, ipr_acknowledged_by,
                                  ipr_acknowledged_at, ipr_policy_sha256)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
             (select id from organizations where slug = $15),
             case when $16::text is null then null else $14::uuid end,
             case when $16::text is null then null else now() end, $16)`,
    [
      comment.id,
      comment.reviewId,
      comment.number,
      comment.versionId,
      comment.location,
      comment.kind,
      comment.body,
      comment.proposedChange,
      attachment?.filename ?? null,
      attachment?.size ?? null,
      attachment?.mediaType ?? null,
      attachment?.sha256 ?? null,
      attachment?.storageKey ?? null,
      comment.authorId,
      comment.organization,
      comment.iprPolicySha256,
    ],
  );
}

export async function updateCommentFields(
  db: Queryable,
  id: string,
  fields: { location?: string; kind?: CommentKind; body?: string; proposedChange?: string },
): Promise<void> {
  await db.query(
    `update review_comments
        set location = coalesce($2, location), kind = coalesce($3, kind), body = coalesce($4, body),
            proposed_change = coalesce($5, proposed_change), updated_at = now()
      where id = $1`,
    [
      id,
      fields.location ?? null,
      fields.kind ?? null,
      fields.body ?? null,
      fields.proposedChange ?? null,
    ],
  );
}

export async function markCommentWithdrawn(db: Queryable, id: string): Promise<void> {
  await db.query(
    'update review_comments set withdrawn_at = now(), updated_at = now() where id = $1',
    [id],
  );
}

export interface NewDisposition {
  commentId: string;
  reviewId: string;
  value: Disposition;
  response: string;
  resolvedInVersionId: string | null;
  duplicateOf: string | null;
  decidedBy: string;
}

/** Gives the comment its disposition, replacing an earlier one. */
export async function upsertDisposition(db: Queryable, disposition: NewDisposition) {
  await db.query(
    `insert into review_dispositions (comment_id, review_id, value, response,
                                      resolved_in_version_id, duplicate_of_id, decided_by)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (comment_id) do update
       set value = excluded.value, response = excluded.response,
           resolved_in_version_id = excluded.resolved_in_version_id,
           duplicate_of_id = excluded.duplicate_of_id, decided_by = excluded.decided_by,
           decided_at = now()`,
    [
      disposition.commentId,
      disposition.reviewId,
      disposition.value,
      disposition.response,
      disposition.resolvedInVersionId,
      disposition.duplicateOf,
      disposition.decidedBy,
    ],
  );
  await db.query('update review_comments set updated_at = now() where id = $1', [
    disposition.commentId,
  ]);
}

/** Whether `commentId` is a comment of `reviewId`. */
export async function isCommentOfReview(
  db: Queryable,
  reviewId: string,
  commentId: string,
): Promise<boolean> {
  const result = await db.query('select 1 from review_comments where review_id = $1 and id = $2', [
    reviewId,
    commentId,
  ]);
  return result.rowCount === 1;
}

// ---- Mail --------------------------------------------------------------------------------------

/**
 * Addresses of the people told about a review of the document: the (enabled) members of the
 * owner and, unless the document is the owner's alone, of the parties of the registers it is
 * shared under, who opted in.
 */
export async function reviewCallRecipients(db: Queryable, documentId: string): Promise<string[]> {
  return optedInAddresses(
    db,
    'review_calls',
    `select m.user_id
       from documents d
       join memberships m on m.organization_id = d.organization_id
          or (d.visibility <> 'organization'
              and m.organization_id in (${sharingPartiesOf('d.id')}))
      where d.id = $1`,
    [documentId],
  );
}

/** Addresses of the (enabled) editors and admins of an organization. */
export async function organizationWriterAddresses(
  db: Queryable,
  organization: string,
): Promise<string[]> {
  return organizationMemberAddresses(db, [organization], ['editor', 'admin']);
}

/** Reviews open on `today` whose closing day is on or before `by` (YYYY-MM-DD). */
export async function reviewsClosingBy(
  db: Queryable,
  today: string,
  by: string,
): Promise<ReviewRecord[]> {
  const result = await db.query<ReviewRecord>(
    `${REVIEW_SELECT}
      where r.closed_at is null and r.closes_on >= $1::date and r.closes_on <= $2::date
      order by r.closes_on, r.seq`,
    [today, by],
  );
  return result.rows;
}

/**
 * Locks, skipping rows another run holds, the reviews with comments the owner's editors were not
 * mailed about, last mailed before `mailedBefore` (or never). Call inside a transaction.
 */
export async function lockReviewsWithUnmailedComments(
  db: Queryable,
  mailedBefore: Date,
): Promise<{ id: string; mailedThrough: number }[]> {
  const result = await db.query<{ id: string; mailedThrough: number }>(
    `select id, comments_mailed_through as "mailedThrough" from reviews
      where last_comment_number > comments_mailed_through
        and (comments_mailed_at is null or comments_mailed_at <= $1)
      order by seq
      for update skip locked`,
    [mailedBefore],
  );
  return result.rows;
}

/** The review's comments numbered after `afterNumber`, withdrawn ones aside, oldest first. */
export async function listCommentsAfter(
  db: Queryable,
  reviewId: string,
  afterNumber: number,
): Promise<CommentRecord[]> {
  const result = await db.query<CommentRecord>(
    `${COMMENT_SELECT} where c.review_id = $1 and c.number > $2 and c.withdrawn_at is null
      order by c.number`,
    [reviewId, afterNumber],
  );
  return result.rows.map(revive);
}

export async function markCommentsMailed(
  db: Queryable,
  reviewId: string,
  through: number,
  at: Date,
): Promise<void> {
  await db.query(
    'update reviews set comments_mailed_through = $2, comments_mailed_at = $3 where id = $1',
    [reviewId, through, at],
  );
}
