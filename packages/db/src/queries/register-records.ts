import type { RegisterParty, WorkRegisterSummary } from '@liaison/core';
import type { Queryable } from '../queryable.js';

/** A work register's terms and parties; its items are in register-details.ts. */
export interface RegisterRecord extends Omit<WorkRegisterSummary, 'parties'> {
  id: string;
  summary: string;
  /** The review date as the register writes it ("March 2020"). */
  reviewDueAsWritten: string;
  reviewProcess: string;
  reviewProcessUrl: string;
  createdAt: Date;
  updatedAt: Date;
  /** In the order the register names them. */
  parties: (RegisterParty & { description: string })[];
}

export async function findRegister(
  db: Queryable,
  slug: string,
  options: { lock?: boolean } = {},
): Promise<RegisterRecord | undefined> {
  if (options.lock) {
    await db.query('select 1 from work_registers where slug = $1 for no key update', [slug]);
  }
  const result = await db.query<RegisterRecord>(
    `select r.id, r.slug, r.title, r.version, r.state,
            to_char(r.initiated_on, 'YYYY-MM-DD') as "initiatedOn",
            to_char(r.review_due, 'YYYY-MM-DD') as "reviewDue",
            r.summary, r.review_process as "reviewProcess",
            r.review_due_as_written as "reviewDueAsWritten", r.review_process_url as "reviewProcessUrl",
            r.created_at as "createdAt", r.updated_at as "updatedAt",
            coalesce((select json_agg(json_build_object('organization', o.slug, 'name', o.name,
                                                        'description', p.description)
                                      order by p.position, o.slug)
                        from register_parties p join organizations o on o.id = p.organization_id
                       where p.register_id = r.id), '[]') as parties
       from work_registers r
      where r.slug = $1`,
    [slug],
  );
  return result.rows[0];
}

export type NewRegister = Omit<RegisterRecord, 'id' | 'createdAt' | 'updatedAt' | 'parties'>;

/** Inserts the register; undefined when the slug is taken. */
export async function insertRegister(
  db: Queryable,
  register: NewRegister,
): Promise<string | undefined> {
  const result = await db.query<{ id: string }>(
    `insert into work_registers (slug, title, version, initiated_on, summary, state, review_due,
                                 review_due_as_written, review_process, review_process_url)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (slug) do nothing
     returning id`,
    [
      register.slug,
      register.title,
      register.version,
      register.initiatedOn,
      register.summary,
      register.state,
      register.reviewDue,
      register.reviewDueAsWritten,
      register.reviewProcess,
      register.reviewProcessUrl,
    ],
  );
  return result.rows[0]?.id;
}

/** The terms to change; a date's null clears it, undefined (as every field's) leaves it. */
export type RegisterFieldChanges = Partial<Omit<NewRegister, 'slug'>>;

export async function updateRegisterFields(
  db: Queryable,
  id: string,
  fields: RegisterFieldChanges,
): Promise<void> {
  await db.query(
    `update work_registers
        set title = coalesce($2, title), version = coalesce($3, version),
            summary = coalesce($4, summary), state = coalesce($5, state),
            review_process = coalesce($6, review_process),
            initiated_on = case when $7::boolean then $8::date else initiated_on end,
            review_due = case when $9::boolean then $10::date else review_due end,
            review_due_as_written = coalesce($11, review_due_as_written),
            review_process_url = coalesce($12, review_process_url),
            updated_at = now()
      where id = $1`,
    [
      id,
      fields.title ?? null,
      fields.version ?? null,
      fields.summary ?? null,
      fields.state ?? null,
      fields.reviewProcess ?? null,
      fields.initiatedOn !== undefined,
      fields.initiatedOn ?? null,
      fields.reviewDue !== undefined,
      fields.reviewDue ?? null,
      fields.reviewDueAsWritten ?? null,
      fields.reviewProcessUrl ?? null,
    ],
  );
}

/**
 * Makes these the register's parties, in this order. A party that stays keeps its row, and so its
 * milestones, contacts and the rest; a party that leaves takes its items with it.
 */
export async function replaceRegisterParties(
  db: Queryable,
  registerId: string,
  parties: readonly { organization: string; description: string }[],
): Promise<void> {
  const slugs = parties.map((party) => party.organization);
  await db.query(
    `delete from register_parties p using organizations o
      where p.register_id = $1 and o.id = p.organization_id and not (o.slug = any($2::text[]))`,
    [registerId, slugs],
  );
  await db.query(
    `insert into register_parties (register_id, organization_id, description, position)
     select $1, o.id, wanted.description, wanted.position - 1
       from unnest($2::text[], $3::text[]) with ordinality as wanted(slug, description, position)
       join organizations o on o.slug = wanted.slug
     on conflict (register_id, organization_id)
     do update set description = excluded.description, position = excluded.position`,
    [registerId, slugs, parties.map((party) => party.description)],
  );
}

/** Of the given organization slugs, those that do not exist. */
export async function unknownOrganizations(
  db: Queryable,
  slugs: readonly string[],
): Promise<string[]> {
  const result = await db.query<{ slug: string }>(
    `select wanted.slug from unnest($1::text[]) as wanted(slug)
      where not exists (select 1 from organizations o where o.slug = wanted.slug)`,
    [slugs],
  );
  return result.rows.map((row) => row.slug);
}

/**
 * Of the register's current parties, those not in `keep` that own documents shared under it: taking
 * them out would leave their documents shared under a register they are no party of.
 */
export async function departingPartiesWithSharedDocuments(
  db: Queryable,
  registerId: string,
  keep: readonly string[],
): Promise<string[]> {
  const result = await db.query<{ slug: string }>(
    `select distinct o.slug
       from register_parties p
       join organizations o on o.id = p.organization_id
       join documents d on d.organization_id = o.id
       join document_registers dr on dr.document_id = d.id and dr.register_id = p.register_id
      where p.register_id = $1 and not (o.slug = any($2::text[]))
      order by o.slug`,
    [registerId, keep],
  );
  return result.rows.map((row) => row.slug);
}
