/**
 * The document read rule of packages/core (policy/document-policy.ts, canReadDocument) as a SQL
 * condition, so lists are filtered in the database. `d` is the documents row; `$viewer` is a
 * text[] of the caller's organization slugs. Change both together: the authorization matrix test
 * compares what every user can list with what they can read.
 *
 * The partners check is one index probe per row, against the registers the viewer's
 * organizations are party to (read once per query). `offset 0` keeps PostgreSQL from turning it
 * into a hash of every shared document instead, which it builds in full before the first row:
 * 35 ms at 100,000 documents, where a newest-first page needs a few dozen probes.
 */
export function readableDocumentCondition(viewerParameter: string): string {
  return `(
    d.visibility = 'public'
    or exists (select 1 from organizations owner
                where owner.id = d.organization_id and owner.slug = any(${viewerParameter}))
    or (d.visibility = 'partners' and exists (
          select 1 from document_registers shared
           where shared.document_id = d.id
             and shared.register_id = any(array(
                   select party.register_id from register_parties party
                     join organizations member_of on member_of.id = party.organization_id
                    where member_of.slug = any(${viewerParameter})))
          offset 0))
  )`;
}
