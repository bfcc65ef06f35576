/**
 * The document read rule of packages/core (policy/document-policy.ts, canReadDocument) as a SQL
 * condition, so lists are filtered in the database. `d` is the documents row; `$viewer` is a
 * text[] of the caller's organization slugs. Change both together: the authorization matrix test
 * compares what every user can list with what they can read.
 */
export function readableDocumentCondition(viewerParameter: string): string {
  return `(
    d.visibility = 'public'
    or exists (select 1 from organizations owner
                where owner.id = d.organization_id and owner.slug = any(${viewerParameter}))
    or (d.visibility = 'partners' and exists (
          select 1 from document_registers shared
            join register_parties party on party.register_id = shared.register_id
            join organizations member_of on member_of.id = party.organization_id
           where shared.document_id = d.id and member_of.slug = any(${viewerParameter})))
  )`;
}
