import type { Queryable } from '../queryable.js';
import {
  optedInAddresses,
  organizationMemberAddresses,
  sharingPartiesOf,
} from './email-addresses.js';
import type { SubmissionRecord } from './submissions.js';

/** What a person chose to be told by e-mail. */
export interface NotificationPreferences {
  documentReleases: boolean;
  reviewCalls: boolean;
  /** Mail about what one follows: at once, or gathered into one mail a day. */
  followDelivery: FollowDelivery;
}

export type FollowDelivery = 'immediate' | 'daily';

export async function getNotificationPreferences(
  db: Queryable,
  userId: string,
): Promise<NotificationPreferences> {
  const result = await db.query<NotificationPreferences>(
    `select document_releases as "documentReleases", review_calls as "reviewCalls",
            follow_delivery as "followDelivery"
       from notification_preferences where user_id = $1`,
    [userId],
  );
  return (
    result.rows[0] ?? { documentReleases: false, reviewCalls: false, followDelivery: 'immediate' }
  );
}

/** Sets the choices given; those left out keep their value. */
export async function setNotificationPreferences(
  db: Queryable,
  userId: string,
  preferences: Partial<NotificationPreferences>,
): Promise<void> {
  await db.query(
    `insert into notification_preferences (user_id, document_releases, review_calls, follow_delivery)
     values ($1, coalesce($2, false), coalesce($3, false), coalesce($4, 'immediate'))
     on conflict (user_id) do update
       set document_releases = coalesce($2, notification_preferences.document_releases),
           review_calls = coalesce($3, notification_preferences.review_calls),
           follow_delivery = coalesce($4, notification_preferences.follow_delivery),
           updated_at = now()`,
    [
      userId,
      preferences.documentReleases ?? null,
      preferences.reviewCalls ?? null,
      preferences.followDelivery ?? null,
    ],
  );
}

/**
 * Addresses of the people told when a document is released to the public: members (enabled) of
 * any party of any register the document is shared under, who opted in.
 */
export async function documentReleaseRecipients(
  db: Queryable,
  documentId: string,
): Promise<string[]> {
  return optedInAddresses(
    db,
    'document_releases',
    `select user_id from memberships where organization_id in (${sharingPartiesOf('$1')})`,
    [documentId],
  );
}

/** Addresses of the (enabled) admins of the organizations, by slug. */
export async function organizationAdminAddresses(
  db: Queryable,
  organizations: readonly string[],
): Promise<string[]> {
  return organizationMemberAddresses(db, organizations, ['admin']);
}

/** The address of an enabled user; undefined for a removed or disabled one. */
export async function userAddress(db: Queryable, userId: string): Promise<string | undefined> {
  const result = await db.query<{ email: string }>(
    'select email from users where id = $1 and disabled_at is null',
    [userId],
  );
  return result.rows[0]?.email;
}

/** A register whose review is due by a given day, with the addresses of its points of contact. */
export interface ReviewDueRegister {
  id: string;
  slug: string;
  title: string;
  /** YYYY-MM-DD */
  reviewDue: string;
  /** As the register writes it ("March 2020"); may be empty. */
  reviewDueAsWritten: string;
  /** Contacts with an address (open contacts have none), in the register's order. */
  contacts: string[];
}

/** Registers whose review date is on or before `by` (YYYY-MM-DD). */
export async function registersWithReviewDue(
  db: Queryable,
  by: string,
): Promise<ReviewDueRegister[]> {
  const result = await db.query<ReviewDueRegister>(
    `select r.id, r.slug, r.title, to_char(r.review_due, 'YYYY-MM-DD') as "reviewDue",
            r.review_due_as_written as "reviewDueAsWritten",
            coalesce((select array_agg(c.address order by c.position, c.id)
                        from register_contacts c
                       where c.register_id = r.id and c.address is not null), '{}') as contacts
       from work_registers r
      where r.review_due is not null and r.review_due <= $1::date
      order by r.slug`,
    [by],
  );
  return result.rows;
}

/** What a mail about a submission says, and whom it goes to. */
export type SubmissionMailFacts = Pick<
  SubmissionRecord,
  'id' | 'reference' | 'title' | 'register' | 'from' | 'to' | 'submittedById'
>;

export async function findSubmissionMailFacts(
  db: Queryable,
  id: string,
): Promise<SubmissionMailFacts | undefined> {
  const result = await db.query<SubmissionMailFacts>(
    `select s.id, s.reference, s.title,
            json_build_object('slug', r.slug, 'title', r.title) as register,
            json_build_object('slug', f.slug, 'name', f.name) as "from",
            json_build_object('slug', t.slug, 'name', t.name) as "to",
            s.submitted_by as "submittedById"
       from submissions s
       join work_registers r on r.id = s.register_id
       join organizations f on f.id = s.from_organization_id
       join organizations t on t.id = s.to_organization_id
      where s.id = $1`,
    [id],
  );
  return result.rows[0];
}
