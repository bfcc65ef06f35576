import type { RegisterParty, RegisterState, WorkRegisterSummary } from '@liaison/core';
import type { Pool } from '../pool.js';

interface RegisterRow {
  slug: string;
  title: string;
  version: string;
  state: RegisterState;
  initiated_on: string | null;
  review_due: string | null;
  parties: RegisterParty[];
}

/**
 * Registers the caller may see: approved ones are public (the DMTF publishes them); drafts only to
 * the operator and members of their parties (packages/core canReadRegister).
 */
export async function listVisibleRegisters(
  pool: Pool,
  viewer: { organizationSlugs: readonly string[]; operator: boolean },
): Promise<WorkRegisterSummary[]> {
  const result = await pool.query<RegisterRow>(
    `select r.slug, r.title, r.version, r.state,
            to_char(r.initiated_on, 'YYYY-MM-DD') as initiated_on,
            to_char(r.review_due, 'YYYY-MM-DD') as review_due,
            coalesce(json_agg(json_build_object('organization', o.slug, 'name', o.name) order by p.position, o.slug)
                     filter (where o.id is not null), '[]') as parties
       from work_registers r
       left join register_parties p on p.register_id = r.id
       left join organizations o on o.id = p.organization_id
      where r.state = 'approved' or $2::boolean
         or exists (select 1 from register_parties vp join organizations vo on vo.id = vp.organization_id
                     where vp.register_id = r.id and vo.slug = any($1::text[]))
      group by r.id
      order by r.title`,
    [viewer.organizationSlugs, viewer.operator],
  );
  return result.rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    version: row.version,
    state: row.state,
    initiatedOn: row.initiated_on,
    reviewDue: row.review_due,
    parties: row.parties,
  }));
}
