import type { Queryable } from '../queryable.js';
import { readableDocumentCondition } from './readable-documents.js';

/** An audit event's object, as the event names it. */
export interface AuditObjectRef {
  objectType: string;
  objectId: string;
}

/** Who reads the names: what decides which objects they may see named. */
export interface AuditNameReader {
  userId: string;
  operator: boolean;
  /** Every organization the reader belongs to. */
  organizations: readonly string[];
  /** The organizations the reader administers. */
  administers: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `objectType:objectId` → name. */
export type AuditObjectNames = Map<string, string>;

/**
 * Names for the objects of audit events (a document's identifier and title, a submission's
 * reference and title, a person's address, …), each only where the reader may see that object:
 * documents by the same read rule as every list, submissions for the admins of either side,
 * invitations for the admins of their organization, tokens for their owner. The operator sees
 * people, organizations, registers and invitations named, and documents as anyone may read them.
 * Objects of other kinds, or not readable, get no name (the page shows the id).
 */
export async function readableAuditObjectNames(
  db: Queryable,
  reader: AuditNameReader,
  refs: readonly AuditObjectRef[],
): Promise<AuditObjectNames> {
  const ids = (...types: string[]) => [
    ...new Set(
      refs
        .filter((ref) => types.includes(ref.objectType) && UUID.test(ref.objectId))
        .map((r) => r.objectId),
    ),
  ];
  const slugs = (type: string) => [
    ...new Set(refs.filter((ref) => ref.objectType === type).map((ref) => ref.objectId)),
  ];
  const names: AuditObjectNames = new Map();
  /**
   * Names the `found` objects as each of `types` by `sql`, which answers their id and name given
   * them as `$1` and `params` after; no query when none are found.
   */
  const nameFound = async (
    types: readonly string[],
    found: readonly string[],
    sql: string,
    ...params: unknown[]
  ) => {
    if (found.length === 0) return;
    const result = await db.query<{ id: string; name: string }>(sql, [found, ...params]);
    for (const type of types) {
      for (const row of result.rows) names.set(`${type}:${row.id}`, row.name);
    }
  };
  const viewer = [...reader.organizations];
  const admins = [...reader.administers];

  await nameFound(
    ['document'],
    ids('document'),
    `select d.id, d.identifier || ' · ' || d.title as name from documents d
    where d.id = any($1::uuid[]) and ${readableDocumentCondition('$2::text[]')}`,
    viewer,
  );
  await nameFound(
    ['version'],
    ids('version'),
    `select v.id, d.identifier || ' version ' || v.label as name
     from document_versions v join documents d on d.id = v.document_id
    where v.id = any($1::uuid[]) and ${readableDocumentCondition('$2::text[]')}`,
    viewer,
  );
  await nameFound(
    ['submission'],
    ids('submission'),
    `select s.id, s.reference || ' · ' || s.title as name
     from submissions s
     join organizations fo on fo.id = s.from_organization_id
     join organizations too on too.id = s.to_organization_id
    where s.id = any($1::uuid[])
      and (fo.slug = any($2::text[]) or too.slug = any($2::text[]) or s.submitted_by = $3)`,
    admins,
    reader.userId,
  );
  // People named are the reader's fellow members, and people whose membership events the
  // reader's organizations' log holds (a member removed since); anyone for the operator.
  await nameFound(
    ['user', 'membership'],
    ids('user', 'membership'),
    `select u.id, u.email as name from users u
    where u.id = any($1::uuid[])
      and ($2 or u.id = $4
           or exists (select 1 from memberships m join organizations o on o.id = m.organization_id
                       where m.user_id = u.id and o.slug = any($3::text[]))
           or exists (select 1 from audit_events e join organizations o on o.id = e.organization_id
                       where e.object_type = 'membership' and e.object_id = u.id::text
                         and o.slug = any($5::text[])))`,
    reader.operator,
    viewer,
    reader.userId,
    admins,
  );
  await nameFound(
    ['invitation'],
    ids('invitation'),
    `select i.id, i.email as name from invitations i join organizations o on o.id = i.organization_id
    where i.id = any($1::uuid[]) and ($2 or o.slug = any($3::text[]))`,
    reader.operator,
    admins,
  );
  await nameFound(
    ['api-token'],
    ids('api-token'),
    `select t.id, t.name from api_tokens t where t.id = any($1::uuid[]) and ($2 or t.user_id = $3)`,
    reader.operator,
    reader.userId,
  );
  // Organizations are public; a register is, once approved (a draft is its parties' and the
  // operator's).
  await nameFound(
    ['organization'],
    slugs('organization'),
    'select slug as id, name from organizations where slug = any($1::text[])',
  );
  await nameFound(
    ['register'],
    slugs('register'),
    `select r.slug as id, r.title as name from work_registers r
    where r.slug = any($1::text[])
      and (r.state = 'approved' or $2 or exists (
            select 1 from register_parties p join organizations o on o.id = p.organization_id
             where p.register_id = r.id and o.slug = any($3::text[])))`,
    reader.operator,
    viewer,
  );
  return names;
}
