import type { StatementPurpose, StatementState } from '@liaison/core';
import type { Queryable } from '../queryable.js';
import { readableDocumentCondition } from './readable-documents.js';
import { readableStatementCondition, statementReceivedByCondition } from './statements.js';
import { readableSubmissionCondition } from './submissions.js';

/**
 * Who is looking: the organizations they belong to, administer and write statements for (the
 * credentials' scope already applied), as the document, submission and statement lists take them.
 */
export interface WhatsNewViewer {
  userId: string;
  memberOf: readonly string[];
  adminOf: readonly string[];
  writerOf: readonly string[];
}

export type WhatsNewRecord = {
  /** The event's own id: the version's, the submission event's, the statement's. */
  id: string;
  at: Date;
  /** After the viewer's previous visit (every item, when they never came). */
  new: boolean;
} & (
  | {
      kind: 'version';
      subject: {
        documentId: string;
        identifier: string;
        title: string;
        organization: string;
        label: string;
      };
    }
  | {
      kind: 'decision';
      subject: {
        submissionId: string;
        reference: string;
        title: string;
        from: string;
        to: string;
        state: 'accepted' | 'declined' | 'withdrawn';
      };
    }
  | {
      kind: 'statement';
      subject: {
        statementId: string;
        title: string;
        from: string;
        purpose: StatementPurpose;
        state: StatementState;
        deadline: string | null;
      };
    }
);

/** Older items stay on the page, below the new ones, this long. */
const WINDOW = `interval '28 days'`;

/**
 * What happened after `since` (an SQL expression) that the viewer may read, with $1 the user id,
 * $2 their organizations, $3 those they administer, $4 those they write statements for: new
 * versions (not withdrawn) of readable documents, decisions on readable submissions, and
 * statements sent to the viewer's organizations. What the viewer did themselves is not news.
 * Each part filters with its list's own read rule, and each reads its newest rows by an index
 * of migration 0026.
 */
const happenedAfter = (since: string) => `
  select 'version' as kind, v.id::text as id, v.created_at as at,
         json_build_object('documentId', d.id, 'identifier', d.identifier, 'title', d.title,
                           'organization', owner.slug, 'label', v.label) as subject
    from document_versions v
    join documents d on d.id = v.document_id
    join organizations owner on owner.id = d.organization_id
   where v.created_at > ${since} and v.withdrawn_at is null
     and v.created_by is distinct from $1::uuid
     and ${readableDocumentCondition('$2::text[]')}
  union all
  select 'decision', e.id::text, e.occurred_at,
         json_build_object('submissionId', s.id, 'reference', s.reference, 'title', s.title,
                           'from', fo.slug, 'to', too.slug, 'state', e.to_state)
    from submission_events e
    join submissions s on s.id = e.submission_id
    join organizations fo on fo.id = s.from_organization_id
    join organizations too on too.id = s.to_organization_id
   where e.to_state in ('accepted', 'declined', 'withdrawn') and e.occurred_at > ${since}
     and e.actor_id is distinct from $1::uuid
     and ${readableSubmissionCondition('$1::uuid', '$2::text[]', '$3::text[]')}
  union all
  select 'statement', s.id::text, s.sent_at,
         json_build_object('statementId', s.id, 'title', s.title, 'from', fo.slug,
                           'purpose', s.purpose, 'state', s.state,
                           'deadline', to_char(s.deadline, 'YYYY-MM-DD'))
    from statements s
    join organizations fo on fo.id = s.from_organization_id
   where s.sent_at is not null and s.sent_at > ${since}
     and s.sent_by is distinct from $1::uuid
     and ${statementReceivedByCondition('$2')}
     and ${readableStatementCondition('$2', '$4')}`;

const viewerParameters = (viewer: WhatsNewViewer) => [
  viewer.userId,
  viewer.memberOf,
  viewer.adminOf,
  viewer.writerOf,
];

/** When the person last opened the page; null if never. */
export async function findWhatsNewVisit(db: Queryable, userId: string): Promise<Date | null> {
  const result = await db.query<{ visitedAt: Date }>(
    'select visited_at as "visitedAt" from whats_new_visits where user_id = $1',
    [userId],
  );
  return result.rows[0]?.visitedAt ?? null;
}

/** Records a visit dated now() (in a transaction, when it began); answers its time. */
export async function recordWhatsNewVisit(db: Queryable, userId: string): Promise<Date> {
  const result = await db.query<{ visitedAt: Date }>(
    `insert into whats_new_visits (user_id, visited_at) values ($1, now())
     on conflict (user_id) do update set visited_at = excluded.visited_at
     returning visited_at as "visitedAt"`,
    [userId],
  );
  return result.rows[0]!.visitedAt;
}

/**
 * Newest first: everything after `previousVisit` (marked new), then what is older but less than
 * 28 days old.
 */
export async function listWhatsNew(
  db: Queryable,
  viewer: WhatsNewViewer,
  previousVisit: Date | null,
  limit: number,
): Promise<WhatsNewRecord[]> {
  // least() skips a null: without a previous visit the window alone bounds the list.
  const result = await db.query<WhatsNewRecord>(
    `select item.*, ($5::timestamptz is null or item.at > $5) as "new"
       from (${happenedAfter(`least($5::timestamptz, now() - ${WINDOW})`)}) item
      order by item.at desc, item.id desc
      limit $6`,
    [...viewerParameters(viewer), previousVisit, limit],
  );
  return result.rows;
}

/**
 * How many items are new (after the previous visit, or within 28 days without one), counted up to
 * `cap`: one query, each part an index range scan of its newest rows.
 */
export async function countWhatsNew(
  db: Queryable,
  viewer: WhatsNewViewer,
  cap: number,
): Promise<number> {
  const result = await db.query<{ count: number }>(
    `with since as (
       select coalesce((select visited_at from whats_new_visits where user_id = $1::uuid),
                       now() - ${WINDOW}) as at)
     select count(*)::int as count
       from (${happenedAfter('(select at from since)')} limit $5) item`,
    [...viewerParameters(viewer), cap],
  );
  return result.rows[0]!.count;
}
